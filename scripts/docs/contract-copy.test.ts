/**
 * docs/contract.md is the repo's copy of the shared contract (../shared/design/CONTRACT.md, which every
 * developer and CI run has beside the checkout): the two must stay equal, so a reader of the repo reads
 * what outside tools rely on. Where the shared folder is absent (a bare clone elsewhere) there is nothing
 * to compare against, and the test says so instead of passing silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoCopy = fileURLToPath(new URL('../../docs/contract.md', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/design/CONTRACT.md', import.meta.url));

describe('docs/contract.md', () => {
  it.skipIf(!existsSync(shared))('equals ../shared/design/CONTRACT.md', () => {
    expect(readFileSync(repoCopy, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});
