/**
 * Adam over stacked variables ([K, …]) where each model keeps its own step count and learning
 * rate, and a model sitting a step out keeps weights and moments exactly as they were — so K
 * models trained together follow the updates each would get alone. Same formula and epsilon as
 * tfjs's AdamOptimizer. tfjs only.
 */
import * as tf from '@tensorflow/tfjs';

const BETA1 = 0.9;
const BETA2 = 0.999;

export class MaskedAdam {
  /** First and second moments of all variables at once, [K, P]: one update instead of one per variable. */
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  private readonly sizes: number[];
  private readonly steps: number[];
  private readonly epsilon = tf.backend().epsilon();

  constructor(
    private readonly vars: readonly tf.Variable[],
    /** Each model's learning rate. */
    private readonly learningRates: readonly number[],
  ) {
    const k = learningRates.length;
    this.sizes = vars.map((x) => x.size / k);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    [this.m, this.v] = tf.tidy(() => [
      tf.variable(tf.zeros([k, total]), false),
      tf.variable(tf.zeros([k, total]), false),
    ]);
    this.steps = learningRates.map(() => 0);
  }

  /** Apply one step; `active[k]` says whether model k takes it. `grads` align with the variables. */
  apply(grads: readonly tf.Tensor[], active: readonly boolean[]): void {
    const k = this.learningRates.length;
    const c1 = new Float32Array(k);
    const c2 = new Float32Array(k);
    const lr = new Float32Array(k);
    const bc2 = new Float32Array(k);
    for (let i = 0; i < k; i++) {
      bc2[i] = 1;
      if (!active[i]) continue;
      const t = ++(this.steps[i] as number);
      c1[i] = 1 - BETA1;
      c2[i] = 1 - BETA2;
      lr[i] = (this.learningRates[i] as number) / (1 - BETA1 ** t);
      bc2[i] = 1 - BETA2 ** t;
    }
    tf.tidy(() => {
      const [tc1, tc2, tlr, tbc2] = [c1, c2, lr, bc2].map((a) => tf.tensor2d(a, [k, 1])) as tf.Tensor2D[];
      const g = tf.concat(
        grads.map((x, i) => tf.reshape(x, [k, this.sizes[i] as number])),
        1,
      );
      // m ← m + c1(g − m) is β1·m + (1 − β1)·g for a model taking the step and m itself for one that is not.
      const m1 = tf.add(this.m, tf.mul(tf.sub(g, this.m), tc1 as tf.Tensor));
      const v1 = tf.add(this.v, tf.mul(tf.sub(tf.square(g), this.v), tc2 as tf.Tensor));
      const step = tf.mul(
        tf.div(m1, tf.add(tf.sqrt(tf.div(v1, tbc2 as tf.Tensor)), this.epsilon)),
        tlr as tf.Tensor,
      );
      tf.split(step, this.sizes, 1).forEach((d, i) => {
        const x = this.vars[i] as tf.Variable;
        x.assign(tf.sub(x, tf.reshape(d, x.shape)));
      });
      this.m.assign(m1);
      this.v.assign(v1);
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}
