/**
 * The kernels' exports are typed by hand (`SimdKernels` in simd-kernels.ts) and called through that
 * typing: a wrong name would be undefined at run time, a wrong arity would silently pass 0 for the
 * missing i32/f32 arguments. This test reads the typing's source and holds it to the assembled module.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SIMD_KERNELS_BASE64 } from './simd-kernels-binary';

const TYPING = new URL('./simd-kernels.ts', import.meta.url);

/** Every method of `interface SimdKernels` with its parameter count; properties (f32) are not exports. */
function typedKernels(): Map<string, number> {
  const source = ts.createSourceFile('simd-kernels.ts', readFileSync(TYPING, 'utf8'), ts.ScriptTarget.ES2022);
  const typing = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'SimdKernels',
  );
  if (!typing) throw new Error('simd-kernels.ts has no interface SimdKernels');
  const methods = new Map<string, number>();
  for (const member of typing.members)
    if (ts.isMethodSignature(member)) methods.set(member.name.getText(source), member.parameters.length);
  return methods;
}

/** The module's function exports with their arities (a wasm function's `length` is its parameter count). */
function moduleKernels(): Map<string, number> {
  const module = new WebAssembly.Module(Buffer.from(SIMD_KERNELS_BASE64, 'base64'));
  const memory = new WebAssembly.Memory({ initial: 1 });
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  const functions = new Map<string, number>();
  for (const { name, kind } of WebAssembly.Module.exports(module)) {
    expect(kind, `export "${name}" of simd-kernels.wat`).toBe('function');
    functions.set(name, (exports[name] as (...args: number[]) => void).length);
  }
  return functions;
}

describe('the SimdKernels typing', () => {
  it('names every export of the module with its arity, and nothing else', () => {
    const typed = typedKernels();
    const exported = moduleKernels();
    expect(typed.size).toBeGreaterThan(0);
    expect([...typed.keys()].sort()).toEqual([...exported.keys()].sort());
    for (const [name, arity] of exported)
      expect(typed.get(name), `parameters of ${name} in SimdKernels vs the .wat`).toBe(arity);
  });
});
