/**
 * The lab's default number of steps per epoch, on its own so that the strategy catalogue (which the page
 * reads) knows it without loading tfjs; batch-rule.ts applies it.
 */
/**
 * The lab's default for `stepsPerEpoch` (strategies' labDefaults): at most about LAB_STEPS_PER_EPOCH
 * steps per epoch: the design note's batch 32 up to 4,000 rows (so on data of the design note's size the
 * lab trains exactly as the design note), above it batch = rows ÷ 125 up to 512 with learning rate ×
 * √(batch ÷ 32) and BatchNorm momentum 0.99^(batch ÷ 32), and fewer epochs past 4,000 rows. It was 2
 * steps per epoch while a step's fixed cost (tfjs ops) dominated; with the fused engine a step costs
 * its rows, and 2 steps cost held-out log loss: Strategy 5 +3.0 % ± 0.7 over 100 seeds
 * (docs/performance.md, "The batch rule", with the command that reproduces it).
 */
export const LAB_STEPS_PER_EPOCH = 125;

/**
 * Rows an epoch may count in full when the batch is scaled; larger phases get proportionally fewer epochs
 * (batch-rule.ts). Here, beside LAB_STEPS_PER_EPOCH, so the report's wording can say it without tfjs.
 */
export const EPOCH_ROWS = 4_000;
