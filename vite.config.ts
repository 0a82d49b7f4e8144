/// <reference types="vitest/config" />
// Vite serves and builds the lab; Vitest runs the unit tests (core in Node, beside the code).
// The built lab carries its Content-Security-Policy in a <meta> (not in dev: React refresh's preamble is an
// inline script); `vite preview` also sends it as a header, which is how the worker and assets get it.
// The build fails if the page's own JavaScript contains tfjs (scripts/build/tfjs-free-page.ts).
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
} from './src/platform/content-security-policy.ts';
import { tfjsFreePage } from './scripts/build/tfjs-free-page.ts';

/** Puts the policy right after <meta charset> in the built page, before any script or stylesheet it governs. */
function contentSecurityPolicyMeta(): Plugin {
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  return {
    name: 'retrain-lab:content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      // Never ship a page silently without its policy.
      if (!charset.test(html) || /["<>&]/.test(CONTENT_SECURITY_POLICY))
        throw new Error('index.html needs <meta charset="…"> and the policy must be attribute-safe');
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta(), tfjsFreePage()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER } },
  test: {
    environment: 'node',
    // Threads, and at least two even on two cores: a test file spends about as long importing (tfjs, the
    // core) as testing, and Vitest's default (one worker per core but one) ran the files one at a time
    // here. The unit tests of `npm run test:quick` 108 → 61 s on this 2-core machine (forks: 75 s).
    pool: 'threads',
    maxWorkers: Math.max(2, availableParallelism() - 1),
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
