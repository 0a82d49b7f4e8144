// The CLI as one bundled module per thread (its entry and the lanes' lane-thread), built with esbuild from
// src/ into node_modules/.cache, one directory per state of the sources. Loading the TypeScript through
// tsx module by module cost each thread about 0.5 s before any work (`--help`: 0.78 s, 0.32 s bundled);
// building the bundle takes about 0.1 s, once per change. Null where it cannot be built or kept (no
// esbuild, a read-only install): the bin then runs the sources through tsx as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = ['main', 'cli-io', 'lane-thread'];
/** A superseded bundle is removed once this old: a CLI still running from it has loaded its threads. */
const STALE_MS = 10 * 60_000;

/** The newest modification time under `dir`, ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Names the sources' state: their newest time, the manifest's and this builder's. */
function stateName() {
  const times = [
    newest(join(root, 'src')),
    ...['package.json', 'bin/cli-bundle.mjs'].map((f) => statSync(join(root, f)).mtimeMs),
  ];
  return createHash('sha256').update(times.join(' ')).digest('hex').slice(0, 16);
}

/** Superseded bundles, once no CLI can still be starting threads from them. */
function prune(cache, keep) {
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (name !== keep && Date.now() - statSync(path).mtimeMs > STALE_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

/** The directory holding main.js, cli-io.js and lane-thread.js, current with src/; null when unavailable. */
export async function cliBundle() {
  try {
    const cache = join(root, 'node_modules', '.cache', 'retrain-lab-cli');
    const name = stateName();
    const dir = join(cache, name);
    if (existsSync(join(dir, 'main.js'))) return dir;
    const { build } = await import('esbuild');
    // Built aside and renamed into place: a CLI starting meanwhile never reads half a bundle.
    const aside = `${dir}.${process.pid}`;
    await build({
      entryPoints: ENTRIES.map((entry) => join(root, 'src', 'cli', `${entry}.ts`)),
      outdir: aside,
      bundle: true,
      platform: 'node',
      format: 'esm',
      // tfjs, zod and the rest load from node_modules as they are: the bundle lies inside it.
      packages: 'external',
      logLevel: 'silent',
    });
    mkdirSync(cache, { recursive: true });
    try {
      renameSync(aside, dir);
    } catch {
      // Another CLI put the same bundle in place first.
      rmSync(aside, { recursive: true, force: true });
    }
    prune(cache, name);
    return existsSync(join(dir, 'main.js')) ? dir : null;
  } catch {
    return null;
  }
}
