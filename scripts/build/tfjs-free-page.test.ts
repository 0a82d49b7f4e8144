import { describe, expect, it } from 'vitest';
import { importChain, pageChunksWithTfjs, type BundleItem } from './tfjs-free-page';

const TF = '/repo/node_modules/@tensorflow/tfjs-core/dist/ops/matmul.js';
const chunk = (fileName: string, over: Partial<Extract<BundleItem, { type: 'chunk' }>> = {}): BundleItem => ({
  type: 'chunk',
  fileName,
  isEntry: false,
  imports: [],
  dynamicImports: [],
  moduleIds: [],
  code: '',
  ...over,
});
const bundleOf = (...items: BundleItem[]) => Object.fromEntries(items.map((i) => [i.fileName, i]));

describe('the tfjs-free page check', () => {
  it('passes a page whose tfjs sits in a worker bundle (an asset of the page build)', () => {
    const bundle = bundleOf(
      chunk('assets/index.js', {
        isEntry: true,
        imports: ['assets/vendor.js'],
        moduleIds: ['/repo/src/main.tsx'],
      }),
      chunk('assets/vendor.js', { moduleIds: ['/repo/node_modules/react/index.js'] }),
      { type: 'asset', fileName: 'assets/lab.worker.js' },
    );
    expect(pageChunksWithTfjs(bundle)).toEqual([]);
  });

  it('finds tfjs in a chunk the entry imports, statically or lazily, but not in an unreached one', () => {
    const bundle = bundleOf(
      chunk('assets/index.js', {
        isEntry: true,
        imports: ['assets/a.js'],
        dynamicImports: ['assets/lazy.js'],
      }),
      chunk('assets/a.js', { moduleIds: ['/repo/src/ui/App.tsx'] }),
      chunk('assets/lazy.js', { moduleIds: ['/repo/src/core/x.ts', TF] }),
      chunk('assets/unreached.js', { moduleIds: [TF] }),
    );
    expect(pageChunksWithTfjs(bundle)).toEqual([{ chunk: 'assets/lazy.js', evidence: [TF] }]);
  });

  it("finds tfjs-core's flag prefix in code that did not come from node_modules", () => {
    const bundle = bundleOf(
      chunk('assets/index.js', {
        isEntry: true,
        code: "const p='tfjsflags';",
        moduleIds: ['/repo/vendor/tf.js'],
      }),
    );
    expect(pageChunksWithTfjs(bundle)).toEqual([{ chunk: 'assets/index.js', evidence: ["'tfjsflags'"] }]);
  });

  it('names the shortest import chain from the entry to the tfjs module, without node_modules steps', () => {
    const importers: Record<string, string[]> = {
      [TF]: ['/repo/node_modules/@tensorflow/tfjs/dist/index.js'],
      '/repo/node_modules/@tensorflow/tfjs/dist/index.js': [
        '/repo/src/core/model/forward.ts',
        '/repo/src/b.ts',
      ],
      '/repo/src/core/model/forward.ts': ['/repo/src/ui/Panel.tsx'],
      '/repo/src/b.ts': ['/repo/src/a.ts'],
      '/repo/src/a.ts': ['/repo/src/ui/Panel.tsx'],
      '/repo/src/ui/Panel.tsx': ['/repo/src/main.tsx'],
      '/repo/src/main.tsx': [],
    };
    const info = (id: string) => ({ importers: importers[id] ?? [], dynamicImporters: [] });
    expect(importChain(TF, info, '/repo')).toEqual([
      'src/main.tsx',
      'src/ui/Panel.tsx',
      'src/core/model/forward.ts',
    ]);
  });
});
