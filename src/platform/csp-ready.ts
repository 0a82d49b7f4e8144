/**
 * Import FIRST in every entry (the page's main.tsx and the lab worker): readies the runtime for the lab's
 * Content-Security-Policy and makes any breach of it visible. zod probes `new Function('')` when it builds
 * its first object schema (at module load); without 'unsafe-eval' that probe is refused and reported as a
 * violation, so zod is told to stay jitless. Violations are logged, so they reach the page's and the
 * worker's console, where people and the privacy journey (e2e/privacy.spec.ts) see them.
 */
import { z } from 'zod';

z.config({ jitless: true });

globalThis.addEventListener?.('securitypolicyviolation', (event: SecurityPolicyViolationEvent) => {
  const where = `${event.sourceFile || 'unknown'}:${event.lineNumber}:${event.columnNumber}`;
  console.error(
    `Content-Security-Policy violation: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${where})`,
  );
});
