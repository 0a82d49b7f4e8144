/**
 * A fast 32-bit generator (mulberry32) for the fused training step's dropout masks: one per model
 * and step, seeded from the phase's Rng, so masks are as reproducible as everything else. Far
 * cheaper per number than alea, which matters at ~25k draws per step.
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
