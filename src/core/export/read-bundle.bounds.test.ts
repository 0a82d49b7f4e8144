// Loading a model file never inflates without a budget: entries the manifest does not name stay
// compressed, each named entry inflates only up to what it should hold (weights: their declared shapes),
// and a zip bomb is refused by entry name and reason, fast. A bundle whose stored self-check rows were
// emptied is refused too: it could not show that it predicts as trained.
import * as tf from '@tensorflow/tfjs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedFixture } from '../testing/test-data.test-helper';
import { trainChoice } from '../strategies/strategy-spec';
import { packBundle } from './pack-bundle';
import { MANIFEST_BUDGET, readBundle } from './read-bundle';
import { NO_STORED_ROWS, takeSelfCheck, verifySelfCheck } from './self-check';
import { inflateEntry, listZipEntries } from './zip-entries';

const u32 = (b: Uint8Array, at: number) =>
  ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)) +
  (b[at + 3] as number) * 2 ** 24;
const put32 = (b: Uint8Array, at: number, v: number) =>
  new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);

/** The archive with `name`'s declared (uncompressed) size rewritten in its central and local headers. */
function declare(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const entries = listZipEntries(out);
  if (typeof entries === 'string') throw new Error(entries);
  for (let at = 0; at + 46 < out.length; at++) {
    if (u32(out, at) !== 0x02014b50) continue;
    const nameLength = (out[at + 28] as number) | ((out[at + 29] as number) << 8);
    if (strFromU8(out.subarray(at + 46, at + 46 + nameLength)) !== name) continue;
    put32(out, at + 24, size);
    put32(out, u32(out, at + 42) + 22, size);
  }
  return out;
}

/** Zeros compress about 1000:1: `mb` megabytes of them are a few dozen kilobytes in the zip. */
const zeros = (mb: number) => new Uint8Array(mb * 1024 * 1024);

describe('zip entries', () => {
  it('a 64 MB stream declared as 1,000 bytes stops at the budget, with the entry named', () => {
    const zip = declare(zipSync({ 'bomb.bin': [zeros(64), { level: 9 }] }), 'bomb.bin', 1000);
    expect(zip.length).toBeLessThan(200_000);
    const entries = listZipEntries(zip);
    if (typeof entries === 'string') throw new Error(entries);
    const entry = entries.get('bomb.bin');
    if (!entry) throw new Error('no entry');
    expect(entry.declaredSize).toBe(1000);
    expect(inflateEntry(zip, entry, 1000)).toBe(
      'bomb.bin inflates to more than the 1,000 bytes it can hold (a zip bomb or a corrupt file)',
    );
  });

  it('a declared size above the budget is refused before a byte is inflated or allocated', () => {
    const zip = declare(zipSync({ 'huge.bin': [zeros(1), { level: 9 }] }), 'huge.bin', 0xfffffff0);
    const entries = listZipEntries(zip);
    if (typeof entries === 'string') throw new Error(entries);
    expect(inflateEntry(zip, entries.get('huge.bin') as never, 1 << 20)).toBe(
      'huge.bin declares 4,294,967,280 bytes, more than the 1,048,576 bytes it can hold',
    );
  });

  it('inflates an honest entry exactly, and refuses what is not a zip', () => {
    const text = strToU8('hello '.repeat(1000));
    const zip = zipSync({ 'a.txt': [text, { level: 6 }], 'b.txt': [text, { level: 0 }] });
    const entries = listZipEntries(zip);
    if (typeof entries === 'string') throw new Error(entries);
    for (const name of ['a.txt', 'b.txt'])
      expect(inflateEntry(zip, entries.get(name) as never, text.length)).toEqual(text);
    expect(listZipEntries(strToU8('user_id,topic\n'))).toMatch(/not a readable zip archive/);
  });
});

describe('readBundle bounds', () => {
  let files: Record<string, Uint8Array>;
  let manifest: Record<string, unknown>;
  let storedRowsCases: () => Promise<void>;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const { data, tasks, testIndices } = await loadSeedFixture();
    const trained = await trainChoice({ id: 'weighted-loss', options: { epochs: 1, batchSize: 256 } }, data, {
      seed: 3,
    });
    const packed = await packBundle({
      trained,
      seed: 3,
      backend: 'cpu',
      dataset: { fingerprint: 'f'.repeat(64), rows: tasks.length, users: 4 },
      metrics: null,
      selfCheck: await takeSelfCheck(trained, tasks, testIndices, 'f'.repeat(64)),
    });
    storedRowsCases = async () => {
      // No held-out row: no bundle is made (it could never check itself), and a check of none says so.
      await expect(takeSelfCheck(trained, tasks, [], 'f'.repeat(64))).rejects.toThrow(NO_STORED_ROWS);
      const none = { datasetFingerprint: 'f'.repeat(64), taskIndices: [], pCorrect: [], timeSeconds: [] };
      expect(await verifySelfCheck(trained, tasks, 'f'.repeat(64), none)).toEqual({
        kind: 'not-applicable',
        reason: 'the bundle stores no rows to check its predictions against',
      });
      trained.dispose();
    };
    files = unzipSync(packed.bytes);
    manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as Record<string, unknown>;
  });

  const rezip = (change: (f: Zippable) => void) => {
    const copy: Zippable = { ...files };
    change(copy);
    return zipSync(copy);
  };
  const refusal = (bytes: Uint8Array) => {
    const read = readBundle(bytes, 'm.zip');
    return read.kind === 'refused' ? read.message : 'loaded';
  };

  it('never inflates an entry the manifest does not name, however big it claims to be', () => {
    const zip = declare(
      rezip((f) => (f['junk/extra.bin'] = [zeros(64), { level: 9 }])),
      'junk/extra.bin',
      0xfffffff0,
    );
    const started = performance.now();
    expect(refusal(zip)).toBe('loaded');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses weights that inflate past their declared shapes, by name', () => {
    const path = 'models/shared/time/weights.bin';
    const expected = (files[path] as Uint8Array).length;
    const zip = declare(
      rezip((f) => (f[path] = [zeros(64), { level: 9 }])),
      path,
      expected,
    );
    expect(refusal(zip)).toBe(
      `m.zip was not loaded: the weights of models/shared/time/model.json are refused: ${path} inflates to more than the ${expected.toLocaleString('en-US')} bytes it can hold (a zip bomb or a corrupt file).`,
    );
  });

  it('refuses a manifest bomb and a manifest declaring more than a manifest holds', () => {
    const bomb = declare(
      rezip((f) => (f['manifest.json'] = [zeros(80), { level: 9 }])),
      'manifest.json',
      5000,
    );
    expect(refusal(bomb)).toMatch(
      /^m\.zip was not loaded: manifest\.json inflates to more than the 67,108,864 bytes/,
    );
    const declared = declare(
      rezip(() => undefined),
      'manifest.json',
      MANIFEST_BUDGET + 1,
    );
    expect(refusal(declared)).toBe(
      'm.zip was not loaded: manifest.json declares 67,108,865 bytes, more than the 67,108,864 bytes it can hold.',
    );
  });

  it('refuses weights whose declared shapes are absurd before reading them', () => {
    const path = 'models/shared/time/model.json';
    const model = JSON.parse(strFromU8(files[path] as Uint8Array)) as {
      weightsManifest: { weights: { shape: number[] }[] }[];
    };
    (model.weightsManifest[0]?.weights[0] as { shape: number[] }).shape = [1e6, 1e6];
    expect(refusal(rezip((f) => (f[path] = strToU8(JSON.stringify(model)))))).toMatch(
      /^m\.zip was not loaded: the weights models\/shared\/time\/model\.json declares \([\d,]+ bytes\) are more than a network of this lab holds\.$/,
    );
  });

  it('makes no bundle when there is no held-out row to store', async () => {
    await storedRowsCases();
  });

  it('refuses a bundle whose stored self-check rows were emptied, or do not pair with its predictions', () => {
    const withCheck = (selfCheck: object) =>
      rezip((f) => (f['manifest.json'] = strToU8(JSON.stringify({ ...manifest, selfCheck }))));
    const check = manifest.selfCheck as { taskIndices: number[]; pCorrect: number[]; timeSeconds: number[] };
    expect(refusal(withCheck({ ...check, taskIndices: [], pCorrect: [], timeSeconds: [] }))).toBe(
      'm.zip was not loaded: it stores no held-out rows, so it cannot show that it predicts as the trained model did.',
    );
    expect(refusal(withCheck({ ...check, pCorrect: check.pCorrect.slice(1) }))).toMatch(
      /do not pair with its \d+ stored rows\.$/,
    );
  });
});
