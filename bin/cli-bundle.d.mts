// Types of cli-bundle.mjs for its test (src/cli/cli-bundle.test.ts).
/** The directory holding main.js, cli-io.js and lane-thread.js, current with src/; null when unavailable. */
export function cliBundle(): Promise<string | null>;
