/**
 * The Lab default's batch-rule constants (steps per epoch, row budgets, the budget's rate, early stopping)
 * and their one-clause wording, on their own so that the strategy catalogue (which the page reads) knows
 * them without loading tfjs; batch-rule.ts applies them.
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
 * EPOCH_ROWS for a phase that trains a user embedding, where 4,000 fell short (a measurement, not a
 * mechanism: EdNet's 14 users have 8–22k tasks each). On the 173k-row EdNet export (111k training rows, 2
 * of 50 epochs at 4,000) Strategies 1, 2, 4 and 5 ended 1.2–2.8 % above the per-user log loss of training
 * every epoch with early stopping, Strategy 6 (no user embedding) 0.4 %; with 20,000 (9 epochs) and
 * LAB_PATIENCE, 0.03–0.8 %, Strategy 5 1.5 % (docs/performance.md, "Quality at the budget").
 */
export const USER_EPOCH_ROWS = 20_000;

/**
 * The learning rate a cut phase's row budget is counted at: the design note's Adam 1e-3. A phase that trains
 * a user embedding at a lower rate counts its epochs × √(BUDGET_RATE ÷ its rate), never training more than
 * its own epochs: Strategy 5's fine-tune (20 epochs at 1e-4) counts 63 and trains 11 of them on EdNet where it
 * trained 4, and ended 1.5 % above its early-stopped reference at 4. A floor of 50 epochs for every such phase
 * (commit 52bc4b3) reached 0.8 % with 9, but gave the Quick preset's 5-epoch phases five times their rows on
 * big files (docs/performance.md, "Quality at the budget").
 */
export const BUDGET_RATE = 1e-3;

/**
 * Early-stopping patience (epochs; the best validation epoch's weights kept) of a scaled phase whose batch
 * grew past the design note's (more than 4,000 rows), where the design note trains every epoch. Without it,
 * USER_EPOCH_ROWS let three strategies overfit on the generated 100k file (Strategy 1 +57 % per-user log
 * loss against its early-stopped reference); with 3, every strategy there is within 0.3 % of it.
 */
export const LAB_PATIENCE = 3;

/**
 * What the batch rule does past the design note's 4,000 rows, in one clause, for the option docs of the six
 * (common-options.ts) and of an own recipe (recipe-field-table.ts).
 */
export const LAB_BUDGET_TEXT = `at most epochs × ${EPOCH_ROWS.toLocaleString('en-US')} rows a phase, × ${USER_EPOCH_ROWS.toLocaleString('en-US')} where it trains a user embedding, its epochs counted × √(${BUDGET_RATE} ÷ its learning rate) when lower; past 4,000 rows, early stopping after ${LAB_PATIENCE} epochs without a better validation loss`;
