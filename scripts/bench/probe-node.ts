/**
 * The step probe in Node: `npx tsx scripts/bench/probe-node.ts [wasm|cpu]` prints its JSON, the Node half
 * of the browser/Node comparison (scripts/bench/probe-browser.ts runs the same probe in Chromium).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { activateBackend, type BackendName } from '../../src/core/backend/activate-backend';
import { importTasksFromText } from '../../src/core/data/import-tasks';
import { runStepProbe } from './step-probe';

const backend = (process.argv[2] ?? 'wasm') as BackendName;
const imported = importTasksFromText(readFileSync('public/samples/seed-shaped.csv', 'utf8'), 'sample');
if (imported.kind !== 'ok') throw new Error(imported.message);
const activation = await activateBackend(backend);
if (!activation.ok) throw new Error(activation.reason);
const loadBefore = os.loadavg()[0];
const result = await runStepProbe(imported.dataset.tasks);
console.log(JSON.stringify({ where: 'node', loadBefore, ...result }, null, 1));
