/**
 * The lab's Content-Security-Policy, defined once: vite.config.ts puts it in a <meta> of the built
 * index.html and in the preview server's response headers (which is how the worker gets it: a worker
 * obeys the policy of its own script's response, not the page's). Exports hold students' data, so
 * nothing may run that the lab did not ship, and nothing may be sent anywhere but the lab's own origin.
 */

/** Directive → sources, each with the reason it is there; e2e/privacy.spec.ts checks the lab breaks none. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  // Everything not named below: the lab's own origin only (fonts, manifests, media…).
  'default-src': ["'self'"],
  // Bundled modules only: no inline script, no eval. 'wasm-unsafe-eval' lets the tfjs wasm backend
  // compile its WebAssembly (without it WASM falls back to cpu); it does not allow eval or new Function.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The bundled stylesheet. React and recharts set style attributes through the CSSOM (element.style),
  // which CSP does not govern, and html-to-image styles a detached clone, so no 'unsafe-inline'.
  'style-src': ["'self'"],
  // data: for the SVG snapshot html-to-image draws into a canvas for the PNG export (without it the export
  // never finishes). No blob: (downloads are links to object URLs, which img-src does not govern) and no
  // remote images: a remote <img> would tell a server the page was opened.
  'img-src': ["'self'", 'data:'],
  // The sample export and the wasm binaries, from the lab's own origin; no other host may be reached.
  'connect-src': ["'self'"],
  // The training worker is a bundled module from the lab's origin.
  'worker-src': ["'self'"],
  // No plugins, no <base> hijacking, no form posting anywhere.
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Directives a browser only honours in a response header (in a <meta> they are ignored with a console error). */
export const CSP_HEADER_ONLY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  // Nobody may frame the lab (clickjacking a page that holds students' data).
  'frame-ancestors': ["'none'"],
};

const serialise = (directives: Readonly<Record<string, readonly string[]>>): string =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** For <meta http-equiv="Content-Security-Policy"> in the built page. */
export const CONTENT_SECURITY_POLICY = serialise(CSP_DIRECTIVES);

/** For the Content-Security-Policy response header (the page, its worker, every asset). */
export const CONTENT_SECURITY_POLICY_HEADER = serialise({ ...CSP_DIRECTIVES, ...CSP_HEADER_ONLY_DIRECTIVES });
