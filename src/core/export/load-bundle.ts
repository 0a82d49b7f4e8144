/**
 * Bring a read bundle back to life: build each route's two networks from their artifacts, check the
 * metadata each carries (architecture, feature version, vocabularies, time scaling), and wrap them as
 * a strategy that predicts like the one exported (route by user, base as fallback). tfjs only.
 */
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { encodersFromJson } from '../features/encoders';
import { headFromModel, type HeadKind } from '../model/architecture';
import { monotoneViolations } from '../model/monotone-path';
import { disposeTwoHeadModel, type TwoHeadModel } from '../model/two-head-model';
import { wrapPerUser, type PerUserModels } from '../strategies/per-user-predictor';
import type { TrainedStrategy } from '../strategies/types';
import type { BundleManifest, BundleNetwork, BundleRoute } from './bundle-manifest';
import type { ReadBundleResult } from './read-bundle';

const metadataSchema = z.object({
  architectureSpec: z.object({
    kind: z.enum(['v1', 'v2', 'base']),
    userEmbeddingDim: z.number().int().nonnegative(),
    userL2: z.number(),
    embeddingBatchNorm: z.boolean(),
    topicEmbeddingDim: z.number().int().positive(),
    difficultyEmbeddingDim: z.number().int().positive(),
    dense1Units: z.number().int().positive(),
    dense2Units: z.number().int().positive(),
    dropout1: z.number(),
    dropout2: z.number(),
    monotoneResponse: z.boolean().optional(),
    monotoneCounts: z.boolean().optional(),
  }),
  head: z.enum(['correctness', 'time']),
  featureVersion: z.enum(['v1', 'v2']),
  encoders: z.object({
    users: z.array(z.string()),
    topics: z.array(z.string()),
    difficulties: z.array(z.string()),
  }),
  timeScale: z
    .object({ mean: z.number(), std: z.number(), minSeconds: z.number(), maxSeconds: z.number() })
    .optional(),
});

export interface LoadedBundle {
  manifest: BundleManifest;
  sizeBytes: number;
  /**
   * The bundle as a strategy (no training history). `userKey` turns a dataset's user id into the
   * bundle's key — the identity, or the mask label when the bundle's ids are masked.
   */
  strategy: TrainedStrategy;
}

/** Rebuild every network of an opened bundle; throws with the reason when a network is unusable. */
export async function loadBundle(
  read: Extract<ReadBundleResult, { kind: 'ok' }>,
  userKey: (userId: string) => string = (id) => id,
): Promise<LoadedBundle> {
  const { manifest } = read;
  const built: TwoHeadModel[] = [];
  try {
    const route = async (r: BundleRoute, name: string) => {
      const m = await twoHeadsOf(read.artifacts, r, manifest, name);
      built.push(m);
      return m;
    };
    const models: PerUserModels = {
      base: await route(manifest.routing.fallback, 'shared'),
      users: new Map(),
    };
    let i = 0;
    for (const [key, r] of Object.entries(manifest.routing.users))
      models.users.set(key, await route(r, `user-${++i}`));
    const wrapped = wrapPerUser({ id: manifest.strategy.id, label: manifest.strategy.label }, models, {
      options: manifest.strategy.options,
      trainMs: 0,
      trainingInfluence: [],
      phases: [],
    });
    const strategy: TrainedStrategy = {
      ...wrapped,
      predict: (contexts) => wrapped.predict(contexts.map((c) => ({ ...c, userId: userKey(c.userId) }))),
    };
    return { manifest, sizeBytes: read.sizeBytes, strategy };
  } catch (error) {
    for (const m of built) disposeTwoHeadModel(m);
    throw error;
  }
}

async function twoHeadsOf(
  artifacts: Map<string, tf.io.ModelArtifacts>,
  route: BundleRoute,
  manifest: BundleManifest,
  name: string,
): Promise<TwoHeadModel> {
  const heads: Partial<
    Record<HeadKind, { net: ReturnType<typeof headFromModel>; meta: z.infer<typeof metadataSchema> }>
  > = {};
  try {
    for (const head of ['correctness', 'time'] as const) {
      const path = route[head];
      const a = artifacts.get(path);
      if (!a) throw new Error(`${path} is missing`);
      const meta = metadataSchema.safeParse(a.userDefinedMetadata);
      if (!meta.success)
        throw new Error(`${path} lacks the metadata needed to use it (${meta.error.issues[0]?.message})`);
      if (meta.data.head !== head)
        throw new Error(`${path} is a ${meta.data.head} network, routed as ${head}`);
      if (meta.data.featureVersion !== manifest.features.version)
        throw new Error(
          `${path} reads features ${meta.data.featureVersion}, the manifest says ${manifest.features.version}`,
        );
      const model = await tf.loadLayersModel(tf.io.fromMemory(a));
      try {
        const listed = manifest.networks?.[path];
        const conflict = listed && disagreement(listed, meta.data, model.inputNames);
        if (conflict) throw new Error(`${path} and the manifest disagree on ${conflict}`);
        const net = headFromModel(meta.data.architectureSpec, head, model);
        // The monotone response is a property of the weights: a bundle whose weights break it is refused.
        const broken = monotoneViolations(net);
        if (broken.length > 0) throw new Error(`${path} claims a monotone response but ${broken.join('; ')}`);
        heads[head] = { net, meta: meta.data };
      } catch (error) {
        model.dispose();
        throw error;
      }
    }
    const c = heads.correctness;
    const t = heads.time;
    if (!c || !t?.meta.timeScale) throw new Error(`the ${name} time network has no time scaling`);
    return {
      arch: c.meta.architectureSpec,
      version: c.meta.featureVersion,
      encoders: encodersFromJson(c.meta.encoders),
      timeScale: t.meta.timeScale,
      correctness: c.net,
      time: t.net,
    };
  } catch (error) {
    heads.correctness?.net.model.dispose();
    heads.time?.net.model.dispose();
    throw error;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What the manifest's copy of a network (format 2) says differently from its model.json, if anything. */
function disagreement(
  listed: BundleNetwork,
  meta: z.infer<typeof metadataSchema>,
  inputNames: readonly string[],
): string | undefined {
  if (listed.head !== meta.head) return 'the head';
  if (listed.featureVersion !== meta.featureVersion) return 'the feature version';
  if (!same(listed.inputs, inputNames)) return 'the inputs';
  if (!same(listed.encoders, meta.encoders)) return 'the vocabularies';
  if (!same(listed.timeScale ?? null, meta.timeScale ?? null)) return 'the time scaling';
  return undefined;
}
