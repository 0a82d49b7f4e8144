/**
 * P(correct) and seconds of a two-head model on encoded rows, with the engine that trains: the fused SIMD
 * kernels (simd-predict.ts) where they run, else tfjs ops (predictTwoHeads). Both heads in inference mode.
 */
import { secondsFromOutput, type EncodedInputs } from '../features/encoded-rows';
import { predictTwoHeads, type TwoHeadModel } from '../model/two-head-model';
import { currentEngine } from './engine-choice';
import { simdHeadOutputs } from './simd/simd-predict';

export async function predictModel(
  model: TwoHeadModel,
  rows: EncodedInputs,
): Promise<{ pCorrect: Float32Array; timeSeconds: Float32Array }> {
  if (currentEngine() !== 'simd') return predictTwoHeads(model, rows);
  return {
    pCorrect: simdHeadOutputs(model.correctness, rows).map((z) => 1 / (1 + Math.exp(-z))),
    timeSeconds: simdHeadOutputs(model.time, rows).map((y) => secondsFromOutput(y, model.timeScale)),
  };
}
