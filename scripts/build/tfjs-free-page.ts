/**
 * A build check (a Vite plugin, so `vite build` and the e2e build run it at no extra cost): the page's own
 * JavaScript — every chunk reachable from index.html's entry, lazy ones included — must not contain
 * tfjs. tfjs belongs in the workers (docs/architecture.md); a page import of a core module that pulls it
 * in would add megabytes to the first load and run tfjs on the main thread. Worker bundles are built
 * separately and are not chunks of this graph.
 */
import type { Plugin } from 'vite';

/** What the check reads of a bundle entry (Rollup/Rolldown's OutputChunk, or an asset). */
export type BundleItem =
  | {
      type: 'chunk';
      fileName: string;
      isEntry: boolean;
      imports: readonly string[];
      dynamicImports: readonly string[];
      moduleIds: readonly string[];
      code: string;
    }
  | { type: 'asset'; fileName: string };

/** A module of tfjs: any @tensorflow package. */
const TFJS_MODULE = /[\\/]node_modules[\\/]@tensorflow[\\/]/;
/** tfjs-core's flag prefix: present in any build of tfjs-core, also one copied outside node_modules. */
const TFJS_CODE_MARKER = "'tfjsflags'";

export interface TfjsInPage {
  chunk: string;
  /** The tfjs modules in it (or the code marker when tfjs came from elsewhere). */
  evidence: string[];
}

/** The page's chunks (entries and what they import, statically or lazily) that contain tfjs. */
export function pageChunksWithTfjs(bundle: Readonly<Record<string, BundleItem>>): TfjsInPage[] {
  const chunks = new Map<string, Extract<BundleItem, { type: 'chunk' }>>();
  for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const reached = new Set<string>();
  const visit = (fileName: string) => {
    if (reached.has(fileName)) return;
    const chunk = chunks.get(fileName);
    if (!chunk) return;
    reached.add(fileName);
    [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  return [...reached].flatMap((fileName) => {
    const chunk = chunks.get(fileName);
    if (!chunk) return [];
    const modules = chunk.moduleIds.filter((id) => TFJS_MODULE.test(id));
    if (modules.length > 0) return [{ chunk: fileName, evidence: modules }];
    return chunk.code.includes(TFJS_CODE_MARKER) ? [{ chunk: fileName, evidence: [TFJS_CODE_MARKER] }] : [];
  });
}

type ModuleInfoOf = (
  id: string,
) => { importers: readonly string[]; dynamicImporters: readonly string[] } | null;

/**
 * How the page reaches `tfjsModule`: the shortest chain of importers up to a module nothing imports
 * (the entry), as paths relative to `root`, entry first, node_modules steps left out.
 */
export function importChain(tfjsModule: string, moduleInfo: ModuleInfoOf, root: string): string[] {
  const parent = new Map<string, string | null>([[tfjsModule, null]]);
  const queue = [tfjsModule];
  let top = tfjsModule;
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const info = moduleInfo(id);
    const importers = info ? [...info.importers, ...info.dynamicImporters] : [];
    if (importers.length === 0) {
      top = id;
      break;
    }
    for (const importer of importers)
      if (!parent.has(importer)) {
        parent.set(importer, id);
        queue.push(importer);
      }
  }
  const chain: string[] = [];
  for (let id: string | null | undefined = top; id; id = parent.get(id))
    if (!id.includes('/node_modules/')) chain.push(id.startsWith(root) ? id.slice(root.length + 1) : id);
  return chain;
}

const short = (id: string) => id.replace(/^.*[\\/]node_modules[\\/]/, '');

/** Fails the build when the page's JavaScript contains tfjs, naming the chunk, the tfjs modules and the import chain. */
export function tfjsFreePage(): Plugin {
  let root = process.cwd();
  return {
    name: 'retrain-lab:tfjs-free-page',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const found = pageChunksWithTfjs(bundle as unknown as Record<string, BundleItem>);
      if (found.length === 0) return;
      const lines = found.map(({ chunk, evidence }) => {
        const first = evidence[0] as string;
        const chain = TFJS_MODULE.test(first) ? importChain(first, (id) => this.getModuleInfo(id), root) : [];
        const more = evidence.length > 1 ? ` and ${evidence.length - 1} more` : '';
        const via = chain.length > 0 ? `, reached through ${chain.join(' → ')}` : '';
        return `  ${chunk}: ${short(first)}${more}${via}`;
      });
      this.error(
        `The page's JavaScript contains tfjs, which belongs in the workers only:\n${lines.join('\n')}\n` +
          'Import only types from such a module on the page, or move the logic behind the worker.',
      );
    },
  };
}
