/**
 * Shared helpers for the benchmark scripts: medians, generated inputs, a preview server of the built lab,
 * and headless Chromium launched as the e2e tests launch it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** How many runs, their median and each one's wall time in seconds, as the bench tables print them. */
export const wallSummary = (runs: readonly { wallMs: number }[]) => ({
  n: runs.length,
  wall_s: Number((median(runs.map((r) => r.wallMs)) / 1000).toFixed(2)),
  runs_s: runs.map((r) => (r.wallMs / 1000).toFixed(2)).join(' '),
});

export const GENERATED = {
  '100k': 'fixtures/generated/big-100k.csv',
  '1M': 'fixtures/generated/big-1m.csv',
  '1M/10k users': 'fixtures/generated/big-1m-10k-users.csv',
} as const;

/** Writes the big generated files with the seeded fixture generator when they are missing. */
export function ensureGeneratedFiles(): void {
  if (Object.values(GENERATED).every((f) => existsSync(f))) return;
  console.error('generating fixtures/generated (npm run fixtures -- --big)…');
  const run = spawnSync('npx', ['tsx', 'scripts/fixtures.ts', '--big'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('fixture generation failed');
}

/**
 * Builds the lab and serves it on `port`; resolves once it answers. `outDir` (default dist/) keeps a
 * benchmark's build apart from the e2e builds running beside it. Refuses a port something already answers
 * on: a server left by an earlier bench that crashed (another checkout's, even) would otherwise be
 * measured in place of this build — on 2026-12-07 an evening's bench rows timed the afternoon's code so.
 */
export async function startPreview(
  port = 4179,
  /** minify false: function names kept, for profiles (worker-profile.ts). */
  options: { outDir?: string; minify?: boolean } = {},
): Promise<{ url: string; stop: () => void }> {
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken)
    throw new Error(
      `port ${port} already answers (a server left by an earlier run?): stop it, or choose another port`,
    );
  const outDir = options.outDir ? ['--outDir', options.outDir] : [];
  const minify = options.minify === false ? ['--minify', 'false'] : [];
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', ...outDir, ...minify], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...outDir],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    up = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((r) => setTimeout(r, 200));
  }
  if (!up)
    throw new Error(`vite preview did not answer on ${url} (another vite preview of this project running?)`);
  const stop = () => {
    try {
      process.kill(-(server.pid as number));
    } catch {
      // already gone
    }
  };
  // Also when the caller crashes before its own stop (a browser that would not launch left one running).
  process.once('exit', stop);
  return { url, stop };
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  return chromium.launch({ executablePath, args: [...chromiumArgs, ...extraArgs] });
}

/** 1-minute load average, rounded: recorded beside each measurement, since other jobs share the cores. */
export const load1 = (): number => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;

export function writeResults(name: string, results: unknown): void {
  mkdirSync('bench', { recursive: true });
  writeFileSync(`bench/${name}.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote bench/${name}.json`);
}
