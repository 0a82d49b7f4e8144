#!/usr/bin/env node
// The `retrain-lab` bin: runs the TypeScript CLI through tsx (a runtime dependency), so `npx retrain-lab`
// works straight after `npm ci` with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
const { processIo } = await tsImport('../src/cli/cli-io.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2), processIo);
