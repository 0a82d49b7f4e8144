/**
 * The name of what renders WebGL in this browser (WEBGL_debug_renderer_info, else the plain RENDERER
 * string), read once from a throwaway 1×1 OffscreenCanvas whose context is released at once. Auto uses it
 * to skip a software renderer without starting tfjs's WebGL backend. Undefined where WebGL is absent.
 */
let cached: { renderer: string | undefined } | undefined;

export function webglRenderer(): string | undefined {
  cached ??= { renderer: readRenderer() };
  return cached.renderer;
}

function readRenderer(): string | undefined {
  try {
    if (typeof OffscreenCanvas === 'undefined') return undefined;
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    // A browser allows a handful of live contexts; this one has done its job.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
