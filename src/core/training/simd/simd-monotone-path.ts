/**
 * The monotone side path in the fused engine (model/monotone-path.ts): its forward pass added to the
 * logit, its backward pass (weight gradients and its share of the embeddings' input gradient) and the
 * projection of its constrained kernels after each optimizer step — with the existing dense, relu,
 * backIn, gradW and reluGrad kernels. Same maths as stacked-network.ts. Framework-free.
 */
import { FEATURE_COUNT } from '../../features/history-features';
import type { ArchitectureSpec, LayerName } from '../../model/architecture';
import { MONOTONE_UNITS, monotoneRules, projectKernel, type KernelRule } from '../../model/monotone-path';
import type { StepBuffers } from './simd-buffers';
import type { SimdKernels } from './simd-kernels';
import { slotOf, trainsBelow, type ModelLayout } from './simd-layout';

/** What the path needs of the network it is part of. */
export interface PathHost {
  kernels(): SimdKernels;
  /** Float offset of a variable in the model block at `base`. */
  at(base: number, layer: LayerName, index: number): number;
  /** Whether a layer's weights train in this phase. */
  trains(layer: LayerName): boolean;
}

/** Units of the side path for a spec (0 = no path). */
export const monotoneUnits = (spec: ArchitectureSpec): number => (spec.monotoneResponse ? MONOTONE_UNITS : 0);

export class SimdMonotonePath {
  private readonly rules: KernelRule[];
  private readonly units: number;

  constructor(
    spec: ArchitectureSpec,
    private readonly layout: ModelLayout,
    private readonly buf: StepBuffers,
    /** Columns of the concatenated input (embeddings, then the history features). */
    private readonly width: number,
    private readonly host: PathHost,
  ) {
    this.units = monotoneUnits(spec);
    this.rules = monotoneRules(spec);
  }

  /** Forward over n rows of the input at buf.x: o[r] += monotone_output(relu(monotone_1(x[r]))). */
  forward(base: number, n: number): void {
    const k = this.host.kernels();
    const f = k.f32;
    const { buf, width, units, host } = this;
    k.denseRelu(
      4 * buf.x,
      4 * host.at(base, 'monotone_1', 0),
      4 * host.at(base, 'monotone_1', 1),
      4 * buf.hm,
      n,
      width,
      units,
    );
    k.backIn(4 * buf.hm, 4 * host.at(base, 'monotone_output', 0), 4 * buf.om, n, units, 1, 1);
    const bias = f[host.at(base, 'monotone_output', 1)] as number;
    for (let r = 0; r < n; r++) f[buf.o + r] = (f[buf.o + r] as number) + (f[buf.om + r] as number) + bias;
  }

  /**
   * Backward from dL/do (buf.do): gradients into the block at `grad` and, when the embeddings train,
   * the path's share of the input gradient into buf.dxm (added to the trunk's by addInputGradient).
   */
  backward(base: number, grad: number, n: number): void {
    const k = this.host.kernels();
    const f = k.f32;
    const { buf, width, units, host } = this;
    const g = (layer: LayerName, index: number) => host.at(grad, layer, index);
    if (host.trains('monotone_output')) {
      k.gradW(4 * buf.do, 4 * buf.hm, 4 * g('monotone_output', 0), n, 1, units, 0);
      let gb = 0;
      for (let r = 0; r < n; r++) gb += f[buf.do + r] as number;
      f[g('monotone_output', 1)] = (f[g('monotone_output', 1)] as number) + gb;
    }
    const intoInput = trainsBelow(this.layout, 'dense_1');
    if (!host.trains('monotone_1') && !intoInput) return;
    // dL/dh[r, j] = do[r] · w[j], then through the ReLU.
    k.dense(4 * buf.do, 4 * host.at(base, 'monotone_output', 0), 4 * buf.zeros, 4 * buf.dhm, n, 1, units);
    k.reluGrad(4 * buf.dhm, 4 * buf.hm, n * units);
    if (host.trains('monotone_1')) {
      k.gradW(4 * buf.x, 4 * buf.dhm, 4 * g('monotone_1', 0), n, width, units, 4 * g('monotone_1', 1));
    }
    // Only the embedding columns' gradient is used (addInputGradient), so only those are computed.
    if (intoInput)
      k.backIn(
        4 * buf.dhm,
        4 * host.at(base, 'monotone_1', 0),
        4 * buf.dxm,
        n,
        units,
        width - FEATURE_COUNT,
        width,
      );
  }

  /** The path read the trunk's input: add its gradient to buf.dx (embedding columns only). */
  addInputGradient(n: number): void {
    const { buf, width } = this;
    this.host.kernels().addCols(4 * buf.dx, 4 * buf.dxm, n, width - FEATURE_COUNT, width);
  }

  /** Put the model's constrained kernels back on their constraint set (after its optimizer step). */
  project(base: number): void {
    const f = this.host.kernels().f32;
    for (const rule of this.rules) {
      if (!this.host.trains(rule.layer)) continue;
      const [inRows, cols] = slotOf(this.layout, rule.layer, 0).shape as [number, number];
      projectKernel(f, this.host.at(base, rule.layer, 0), inRows, cols, rule);
    }
  }
}
