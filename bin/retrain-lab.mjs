#!/usr/bin/env node
// The `retrain-lab` bin: runs the TypeScript CLI bundled from src/ (cli-bundle.mjs, rebuilt when a source
// changes), or through tsx (a runtime dependency) where no bundle can be built, so `npx retrain-lab` works
// straight after `npm ci` with no build step.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { cliBundle } from './cli-bundle.mjs';

const bundle = await cliBundle();
const load = bundle
  ? (name) => import(pathToFileURL(join(bundle, `${name}.js`)).href)
  : async (name) => (await import('tsx/esm/api')).tsImport(`../src/cli/${name}.ts`, import.meta.url);
const { main } = await load('main');
const { processIo } = await load('cli-io');
process.exitCode = await main(process.argv.slice(2), processIo);
