/**
 * A head's loss over one model's rows in the fused step, from the outputs in wasm memory: binary
 * cross-entropy from the logit (correctness) or squared error (standardised log time), each row
 * weighted by its coefficient — and, for training, dL/do per row. Framework-free.
 */
import type { SimdRows } from './simd-buffers';

/** Σ coef·loss over `rows` with outputs at float offset `o`; dL/do written at `grad` unless null. */
export function headLoss(
  f: Float32Array,
  o: number,
  grad: number | null,
  rows: SimdRows,
  correctness: boolean,
): number {
  let sum = 0;
  for (let r = 0; r < rows.n; r++) {
    const out = f[o + r] as number;
    const t = rows.target[rows.start + r] as number;
    const c = rows.coef[rows.start + r] as number;
    let loss: number;
    let d: number;
    if (correctness) {
      // The overflow-free form: max(o, 0) − o·t + log(1 + e^−|o|). Where o ≥ 0, e^−|o| is the e^−o of
      // the sigmoid as well: one exp fewer, the same bits.
      const e = Math.exp(-Math.abs(out));
      loss = Math.max(out, 0) - out * t + Math.log1p(e);
      d = 1 / (1 + (out >= 0 ? e : Math.exp(-out))) - t;
    } else {
      d = out - t;
      loss = d * d;
      d *= 2;
    }
    sum += c * loss;
    if (grad !== null) f[grad + r] = c * d;
  }
  return sum;
}
