/**
 * "Use it elsewhere": the plain-text guide shipped as README.txt in every bundle and shown in the
 * export dialog — how to load the networks with tfjs, convert them for Keras, build their inputs
 * and read their outputs. One text, so the two never disagree.
 */
import type { BundleManifest } from './bundle-manifest';

export function bundleUsageText(manifest?: BundleManifest): string {
  const perUser = manifest ? Object.keys(manifest.routing.users).length : 0;
  const v2 = manifest?.features.version === 'v2';
  return `Retrain Lab model bundle${manifest ? ` — ${manifest.strategy.label}, seed ${manifest.seed}, created ${manifest.createdAt}` : ''}

WHAT IS INSIDE
  manifest.json            strategy, options, seed, dataset fingerprint, feature spec, routing, metrics
  models/shared/correctness/model.json + weights.bin   P(correct) network (tfjs layers format)
  models/shared/time/model.json + weights.bin          answering-time network
  models/user-NNNN/...     per-user fine-tuned networks (strategy 6 only${manifest ? `; ${perUser} here` : ''})
  Each model.json carries userDefinedMetadata: vocabularies (encoders), feature version and names,
  architecture, and for the time network its timeScale.

LOAD WITH TENSORFLOW.JS (unzip first)
  const model = await tf.loadLayersModel('file://models/shared/correctness/model.json'); // tfjs-node
  // in a page: tf.loadLayersModel(tf.io.browserFiles([modelJsonFile, weightsBinFile]))
  const p = model.predict([user, topic, difficulty, history]);  // see INPUTS; no user input for strategy 6's base

CONVERT FOR PYTHON / KERAS (the serving stack)
  pip install tensorflowjs
  tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras \\
      models/shared/correctness/model.json correctness.h5
  model = keras.models.load_model("correctness.h5")

INPUTS (one row per task, in the model's input order)
  user_input, topic_input, difficulty_input: int32 [n, 1] — index = position in
    metadata.encoders.users / topics / difficulties + 1; 0 means unknown (unseen user or topic).
  history_input: float32 [n, 13] — the features named in manifest.features.names, computed from the
    user's strictly earlier tasks (definitions in manifest.features.definitions; ${v2 ? 'this bundle uses v2: the three counts are capped at 1' : 'v1 leaves the counts uncapped, v2 caps them at 1'}).

OUTPUTS
  correctness: P(correct), already through a sigmoid. With the monotone response on (architectureSpec
    .monotoneResponse), the trunk's "output" and the side path's "monotone_output" are added (layer "logit", Add)
    before the sigmoid (layer "probability", Activation); metadata.monotonicity names the features
    P(correct) never decreases in and the weight constraints that keep it so.
  time: y; seconds = expm1(y * timeScale.std + timeScale.mean), clipped to
    [timeScale.minSeconds, timeScale.maxSeconds] (metadata of the time network).

ROUTING
  A user listed in manifest.routing.users uses that user's networks; everyone else (and every user,
  for strategies 1–5) uses manifest.routing.fallback.${manifest?.idsMasked ? '\n  User ids in this bundle are masked ("User A", …): map your ids to the labels before use.' : ''}
`;
}
