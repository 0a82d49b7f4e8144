import { describe, expect, it } from 'vitest';
import { softwareRenderer } from './software-renderer';

describe('softwareRenderer', () => {
  it('names the CPU renderers browsers report', () => {
    expect(
      softwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe('SwiftShader');
    expect(softwareRenderer('Google SwiftShader')).toBe('SwiftShader');
    expect(softwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRenderer('ANGLE (Mesa, llvmpipe (LLVM 17.0.6 256 bits), OpenGL 4.5)')).toBe('llvmpipe');
    expect(softwareRenderer('Microsoft Basic Render Driver')).toBe('Microsoft Basic Render Driver');
  });

  it('leaves GPUs and unknown strings alone', () => {
    expect(softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(
      undefined,
    );
    expect(softwareRenderer('Apple M2')).toBeUndefined();
    expect(softwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBeUndefined();
    expect(softwareRenderer('WebKit WebGL')).toBeUndefined();
    expect(softwareRenderer(undefined)).toBeUndefined();
  });
});
