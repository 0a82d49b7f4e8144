/**
 * "Use it elsewhere": the plain-text guide shipped as README.txt in every bundle and shown in the
 * export dialog — what is inside, the inputs and how they are computed (order, history, routing, weights
 * layout), the outputs, and the ways to run the networks (numpy, tfjs, Keras). One text, so the two never disagree.
 */
import { bundleFileName, type BundleManifest } from './bundle-manifest';

export function bundleUsageText(manifest?: BundleManifest): string {
  const perUser = manifest ? Object.keys(manifest.routing.users).length : 0;
  const version = manifest?.features.version;
  const hasUserInput = manifest ? manifest.strategy.id !== 'per-user' : undefined;
  const zip = manifest ? bundleFileName(manifest.strategy.id, new Date(manifest.createdAt)) : 'BUNDLE.zip';
  return `Retrain Lab model bundle${manifest ? ` — ${manifest.strategy.label}, seed ${manifest.seed}, created ${manifest.createdAt}` : ''}

WHAT IS INSIDE
  manifest.json            strategy, options, seed, dataset fingerprint, feature spec, routing, metrics,
                           networks (each network's inputs, vocabularies and time scaling) and selfCheck
  models/shared/correctness/model.json + weights.bin   P(correct) network (tfjs layers format)
  models/shared/time/model.json + weights.bin          answering-time network
  models/user-NNNN/...     per-user fine-tuned networks (strategy 6 only${manifest ? `; ${perUser} here` : ''})
  Each model.json also carries its vocabularies, feature version and time scaling in userDefinedMetadata.
  The full recipe (value cleaning, features, self-check) is docs/features.md in the lab's repository.

USE IT IN PYTHON (numpy only: examples/python/predict.py from the lab's repository)
  python3 predict.py ${zip} tasks.csv --out predictions.csv
  python3 predict.py ${zip} tasks.csv --self-check   # on the export's own data: stored predictions ≤ 1e-5

INPUTS, ORDER, HISTORY, ROUTING, WEIGHTS LAYOUT
  Inputs, in the model's input order (manifest.networks[path].inputs):
    user_input, topic_input, difficulty_input: int32 [n, 1] — index = position in the network's
      encoders.users / topics / difficulties + 1; 0 = unknown. Only strategies 1-5 have user_input;
      strategy 6 has none, neither in its shared base nor in its per-user networks.${hasUserInput === false ? ' This bundle\n      is strategy 6.' : ''}
    history_input: float32 [n, 13] — manifest.features.names, in feature version ${version ?? 'v1 or v2'} (v2 caps
      the three counts at 1). Compute in float64, store as float32.
  Values are cleaned first: ids and topics trimmed, difficulty lower-cased (numeric 0-2 if any 0 occurs,
    else 1-3), times without a zone read as UTC, epoch numbers of absolute value >= 1e11 are
    milliseconds, below that seconds; rows with completed = false left out.
  Order: all tasks sorted stably by completed_at (ms); equal times keep file order. A task's history is
    the same user's tasks before it in that order — a task earlier in the file at the same instant
    counts, with a gap of 0. Held-out rows use the full history, earlier held-out answers included.
  Routing: a user (cleaned user_id${manifest?.idsMasked ? ', here their mask label' : ''}) listed in manifest.routing.users uses that pair of
    networks; everyone else uses manifest.routing.fallback. Each network has its own vocabularies.
  Weights: weights.bin is the weightsManifest entries back to back, in entry order, little-endian
    float32, row-major, no padding. Match entries to layers by name ("dense_1/kernel"): trainable
    weights come first, BatchNorm moving_mean / moving_variance after all of them.
  Layers: Embedding, Flatten, BatchNormalization (inference: (x - moving_mean) / sqrt(moving_variance
    + 0.001) * gamma + beta), Concatenate, Dense (x . kernel + bias, then relu/sigmoid/linear), Dropout
    (identity when predicting). Follow modelTopology.config.layers and their inbound_nodes.

OUTPUTS
  correctness: P(correct), already through a sigmoid. With the monotone response on (architectureSpec
    .monotoneResponse), the trunk's "output" and the side path's "monotone_output" are added (layer "logit", Add)
    before the sigmoid (layer "probability", Activation); metadata.monotonicity names the features
    P(correct) never decreases in and the weight constraints that keep it so.
  time: y; seconds = expm1(y * timeScale.std + timeScale.mean), clipped to
    [timeScale.minSeconds, timeScale.maxSeconds] (manifest.networks[path].timeScale).

SELF-CHECK (manifest.selfCheck)
  taskIndices: 0-based positions, in the order above, of held-out rows of the dataset whose fingerprint is
  datasetFingerprint; pCorrect / timeSeconds: the trained model's predictions for them. A reload must match
  within 1e-6 in the lab, 1e-5 elsewhere (|dP|, and |ds| / max(1, s)).${manifest?.idsMasked ? '\n  Ids are masked here ("User A", ...): on the export\'s own data, label users by task count (most first,\n  ties by id) as A, B, ..., Z, AA, ...; on other data you need the mapping from whoever exported it.' : ''}

LOAD WITH TENSORFLOW.JS (unzip first)
  const model = await tf.loadLayersModel('file://models/shared/correctness/model.json'); // tfjs-node
  // in a page: tf.loadLayersModel(tf.io.browserFiles([modelJsonFile, weightsBinFile]))
  const p = model.predict([topic, difficulty, history]);  // with user first for strategies 1-5

CONVERT FOR KERAS (not tested by the lab: its CI has no Python registry)
  The converter needs Keras 2, i.e. TensorFlow 2.13-2.15 (Python 3.9-3.11), e.g.
  pip install "tensorflow==2.15.1" "tensorflowjs==4.22.0"; TensorFlow >= 2.16 brings Keras 3, whose
  internals tensorflowjs's layers-to-Keras path cannot import (a bare pip install may pick it).
  tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras \\
      models/shared/correctness/model.json correctness.h5
  The .h5 loses userDefinedMetadata: keep manifest.json, whose "networks" repeats the vocabularies and
  the time scaling.
`;
}
