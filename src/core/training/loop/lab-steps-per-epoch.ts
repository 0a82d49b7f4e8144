/**
 * The lab's default number of steps per epoch, on its own so that the strategy catalogue (which the page
 * reads) knows it without loading tfjs; batch-rule.ts applies it.
 */
/**
 * The lab's default for `stepsPerEpoch` (strategies' labDefaults): at most about LAB_STEPS_PER_EPOCH
 * steps per epoch: the design note's batch 32 up to 4,000 rows (so on data of the design note's size the
 * lab trains exactly as the design note), above it batch = rows ÷ 125 up to 512 with learning rate ×
 * √(batch ÷ 32) and BatchNorm momentum 0.99^(batch ÷ 32), and fewer epochs past EPOCH_ROWS rows. It was 2
 * steps per epoch while a step's fixed cost (tfjs ops) dominated; with the fused engine a step costs
 * its rows, and 2 steps cost held-out log loss: Strategy 5 +3.0 % ± 0.7 over 100 seeds
 * (docs/performance.md, "The batch rule", with the command that reproduces it).
 */
export const LAB_STEPS_PER_EPOCH = 125;

/**
 * Rows an epoch may count in full when the batch is scaled; larger phases get proportionally fewer epochs
 * (batch-rule.ts), so a phase visits at most epochs × EPOCH_ROWS rows. Here, beside LAB_STEPS_PER_EPOCH,
 * so the report's wording can say it without tfjs.
 */
export const EPOCH_ROWS = 4_000;

/**
 * EPOCH_ROWS for a phase that trains a user embedding: each user's row of it learns only from that
 * user's tasks, and at 4,000 it fell short. On the 173k-row EdNet export (111k training rows, 2 of 50
 * epochs at 4,000) Strategies 1, 2, 4 and 5 ended 1.2–2.9 % above the per-user log loss of training to
 * convergence (every epoch, early stopping), Strategy 6 (no user embedding) 0.06 %; at 20,000 (9 epochs)
 * 0.7–1.6 %, at twice the time of a big file (docs/performance.md, "Quality at the budget").
 */
export const USER_EPOCH_ROWS = 20_000;
