/**
 * A report without what legitimately differs between two runs of the same seed (the clock: when it was
 * generated and trained, and how long training took), for tests that hold "same seed → same report".
 * Test-only.
 */
import type { Report } from './report-types';

export function withoutClock(report: Report): unknown {
  const copy = JSON.parse(JSON.stringify(report));
  delete copy.generatedAt;
  for (const s of copy.strategies) {
    delete s.trainMs;
    delete s.trainedAt;
    for (const r of s.runs ?? []) delete r.trainMs;
  }
  return copy;
}
