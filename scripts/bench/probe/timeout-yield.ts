/** The yield trainHead used before yield-task.ts (setTimeout 0): swapped in by `probe-browser --timeout-yield` to compare. */
export const yieldTask = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
