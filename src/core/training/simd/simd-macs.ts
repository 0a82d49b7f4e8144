/**
 * Multiply-adds of the fused engine's dense products per row, for the arithmetic counters: an inference
 * pass, and a training step (forward plus each gradient product only where something at or below it trains).
 */
import { FEATURE_COUNT } from '../../features/history-features';
import type { LayerName } from '../../model/architecture';
import { trainsBelow, type ModelLayout } from './simd-layout';

export function macsPerRow(
  layout: ModelLayout,
  { width: w, h1, h2, units }: { width: number; h1: number; h2: number; units: number },
): { infer: number; train: number } {
  // The history features are inputs: no gradient flows into their columns.
  const e = w - FEATURE_COUNT;
  // The monotone side path reads the whole input row into `units` hidden units, then one output.
  const side = units > 0 ? w * units + units : 0;
  const infer = w * h1 + h1 * h2 + h2 + side;
  // Mirrors SimdNetwork.trainStep.
  const trains = (l: LayerName) => layout.trainableLayers.has(l);
  let back = trains('output') ? h2 : 0;
  if (trainsBelow(layout, 'output')) {
    back += h2 + (trains('dense_2') ? h1 * h2 + h2 : 0);
    if (trainsBelow(layout, 'dense_2')) {
      back += h2 * h1 + (trains('dense_1') ? w * h1 + h1 : 0);
      if (trainsBelow(layout, 'dense_1')) back += h1 * e;
    }
  }
  // The side path's gradients, about its forward again, when it trains (an estimate, as for the trunk).
  return { infer, train: infer + back + (trains('monotone_1') ? side : 0) };
}
