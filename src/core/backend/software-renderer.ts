/**
 * Names a software WebGL renderer from the renderer string a browser reports (WEBGL_debug_renderer_info):
 * SwiftShader, llvmpipe and the like draw on the CPU, where tfjs's WebGL ops are far slower than the
 * fused SIMD engine — Auto then skips WebGL without the seconds its shader compilation would take.
 */
const SOFTWARE_RENDERERS: readonly [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/lavapipe/i, 'lavapipe'],
  [/softpipe/i, 'softpipe'],
  [/microsoft basic render/i, 'Microsoft Basic Render Driver'],
  [/apple software renderer/i, 'Apple Software Renderer'],
  [/\bsoftware\b/i, 'a software renderer'],
];

/** The software renderer `renderer` names, or undefined for a GPU (or an unknown string). */
export function softwareRenderer(renderer: string | undefined): string | undefined {
  if (!renderer) return undefined;
  return SOFTWARE_RENDERERS.find(([pattern]) => pattern.test(renderer))?.[1];
}
