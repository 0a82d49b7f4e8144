import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
  CSP_DIRECTIVES,
} from './content-security-policy';

const parse = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

describe('the Content-Security-Policy', () => {
  it('allows no inline script, no eval and no inline style', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER]) {
      expect(policy).not.toMatch(
        /'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'|'strict-dynamic'|nonce-|sha\d+-/,
      );
      expect(parse(policy).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(parse(policy).get('style-src')).toEqual(["'self'"]);
    }
  });

  it('names no origin but the lab’s own: no hosts, schemes or wildcards beyond data: images', () => {
    for (const [name, sources] of parse(CONTENT_SECURITY_POLICY_HEADER)) {
      for (const source of sources) {
        const allowed =
          ["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source) ||
          (name === 'img-src' && source === 'data:');
        expect(allowed, `${name} ${source}`).toBe(true);
      }
    }
    for (const name of ['default-src', 'connect-src', 'worker-src'])
      expect(CSP_DIRECTIVES[name]).toEqual(["'self'"]);
  });

  it('keeps header-only directives out of the <meta> form, where browsers ignore them with an error', () => {
    expect(parse(CONTENT_SECURITY_POLICY).has('frame-ancestors')).toBe(false);
    expect(parse(CONTENT_SECURITY_POLICY_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY_HEADER.startsWith(`${CONTENT_SECURITY_POLICY}; `)).toBe(true);
  });
});
