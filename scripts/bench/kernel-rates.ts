/**
 * `npx tsx scripts/bench/kernel-rates.ts [--rows 512]`: each dense product of the fused engine's training
 * step, timed alone at the v2 model's shapes (53 inputs, 64 and 32 units, 40 embedding columns), in
 * GMAC/s and as a share of the probe's rate (dense 512 × 53 → 64). Where a step's products lose against
 * the probe; profile the whole step with profile-stages.ts.
 */
import { bestGmacs, denseGmacs } from '../../src/core/training/simd/arithmetic';
import { instantiateKernels, type SimdKernels } from '../../src/core/training/simd/simd-kernels';

const args = process.argv.slice(2);
const rowsAt = args.indexOf('--rows');
const ROWS = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 512;
const [WIDTH, H1, H2, EMB] = [53, 64, 32, 40];

/** Float offsets of a memory holding every operand once (byte offsets are 4 ×). */
function layout(k: SimdKernels) {
  let next = 0;
  const take = (floats: number) => {
    const at = next;
    next += floats;
    for (let i = at; i < next; i++) k.f32[i] = (((i * 7919) % 1000) / 1000 - 0.5) * 0.1;
    return 4 * at;
  };
  return {
    x: take(ROWS * WIDTH),
    w1: take(WIDTH * H1),
    b1: take(H1),
    z1: take(ROWS * H1),
    w2: take(H1 * H2),
    b2: take(H2),
    z2: take(ROWS * H2),
    g1: take(WIDTH * H1),
    g2: take(H1 * H2),
    dx: take(ROWS * WIDTH),
    d1: take(ROWS * H1),
  };
}

const k = instantiateKernels(ROWS * (2 * WIDTH + 3 * H1 + H2) + 3 * WIDTH * H1 + 2 * H1 * H2 + 1024);
const m = layout(k);
const probe = denseGmacs();
const products: [string, number, () => void][] = [
  ['dense 1 (53 → 64)', ROWS * WIDTH * H1, () => k.dense(m.x, m.w1, m.b1, m.z1, ROWS, WIDTH, H1)],
  ['dense 2 (64 → 32)', ROWS * H1 * H2, () => k.dense(m.z1, m.w2, m.b2, m.z2, ROWS, H1, H2)],
  [
    "denseRelu 1 (the step's forward)",
    ROWS * WIDTH * H1,
    () => k.denseRelu(m.x, m.w1, m.b1, m.z1, ROWS, WIDTH, H1),
  ],
  ['gradW 2 (64 × 32)', ROWS * H1 * H2, () => k.gradW(m.z1, m.z2, m.g2, ROWS, H1, H2, 0)],
  ['backIn 2 (32 → 64)', ROWS * H1 * H2, () => k.backIn(m.z2, m.w2, m.d1, ROWS, H2, H1, H1)],
  ['gradW 1 (53 × 64)', ROWS * WIDTH * H1, () => k.gradW(m.x, m.d1, m.g1, ROWS, WIDTH, H1, 0)],
  ['backIn 1 (64 → 40)', ROWS * EMB * H1, () => k.backIn(m.d1, m.w1, m.dx, ROWS, H1, EMB, WIDTH)],
];
console.log(`rows ${ROWS}; probe (dense 512 × 53 → 64): ${probe.toFixed(1)} GMAC/s`);
let macs = 0;
let seconds = 0;
// denseRelu is dense 1 again (the step's forward uses it in dense's place): counted once.
const table = products.map(([product, n, call]) => {
  const r = bestGmacs(n, call);
  if (!product.startsWith('denseRelu')) {
    macs += n;
    seconds += n / (r * 1e9);
  }
  return { product, GMACps: Number(r.toFixed(1)), of_probe: `${Math.round((100 * r) / probe)} %` };
});
console.table(table);
const all = macs / seconds / 1e9;
console.log(
  `the six as one step: ${all.toFixed(1)} GMAC/s, ${Math.round((100 * all) / probe)} % of the probe`,
);
