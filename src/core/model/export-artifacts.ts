/**
 * Serialise a trained network for download, IndexedDB or a worker message: tfjs `ModelArtifacts`
 * (topology + weights) with the strategy's metadata (vocabularies, feature version, time scaling)
 * attached, and the way back. In memory only: where the bytes go is the platform layer's job. tfjs only.
 */
import * as tf from '@tensorflow/tfjs';

/** Topology, weights and user-defined metadata of `model`, captured in memory. */
export async function modelToArtifacts(
  model: tf.LayersModel,
  metadata: Record<string, unknown>,
): Promise<tf.io.ModelArtifacts> {
  // Round-trip through JSON: drops undefined fields, which the metadata check would reject.
  model.setUserDefinedMetadata(JSON.parse(JSON.stringify(metadata)) as Record<string, unknown>);
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!captured) throw new Error('tfjs produced no artifacts');
  return captured;
}

/** Rebuild a LayersModel from artifacts (e.g. a saved per-user model); the caller disposes it. */
export async function modelFromArtifacts(artifacts: tf.io.ModelArtifacts): Promise<tf.LayersModel> {
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}
