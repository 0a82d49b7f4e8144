// The catalogue is the one list of strategies: no other list in src names the six ids, and the modules
// the page reads (catalogue, recipe fields, recipe checks) load no tfjs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from './catalogue';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HERE = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Lists in `file` (array and object literals, unions of literal types) that name 3 or more of the six ids. */
function idLists(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const ids = new Set<string>(PRESET_IDS);
  const found: string[] = [];
  const nameOf = (node: ts.Node): string | undefined => {
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return node.literal.text;
    // `[{ id: 'a', … }, { id: 'b', … }]` lists ids too.
    if (ts.isObjectLiteralExpression(node)) {
      const id = node.properties.find(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'id',
      );
      return id && ts.isStringLiteralLike(id.initializer) ? id.initializer.text : undefined;
    }
    if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      const name = node.name;
      return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
    }
    return undefined;
  };
  const visit = (node: ts.Node) => {
    const members = ts.isArrayLiteralExpression(node)
      ? node.elements
      : ts.isObjectLiteralExpression(node)
        ? node.properties
        : ts.isUnionTypeNode(node)
          ? node.types
          : undefined;
    if (members) {
      const named = new Set(members.map(nameOf).filter((n): n is string => n !== undefined && ids.has(n)));
      if (named.size >= 3) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${relative(SRC, file)}:${line + 1} names ${[...named].join(', ')}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Modules `file` imports at run time (type-only imports and exports left out), resolved to paths or package names. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const statement of source.statements) {
    const spec =
      ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly
        ? statement.moduleSpecifier
        : ts.isExportDeclaration(statement) && !statement.isTypeOnly
          ? statement.moduleSpecifier
          : undefined;
    if (!spec || !ts.isStringLiteral(spec)) continue;
    // `import { type A, type B } from …` loads nothing either.
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    const bindings = clause?.namedBindings;
    if (
      clause &&
      !clause.name &&
      bindings &&
      ts.isNamedImports(bindings) &&
      bindings.elements.every((e) => e.isTypeOnly)
    )
      continue;
    const name = spec.text;
    out.push(name.startsWith('.') ? resolve(dirname(file), `${name}.ts`) : name);
  }
  return out;
}

function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of runtimeImports(file)) {
      if (dep.startsWith('/')) walk(dep);
      else packages.add(dep);
    }
  };
  walk(entry);
  return packages;
}

describe('the catalogue is the one list of strategies', () => {
  it('no file in src outside the catalogue lists three or more of the six ids', () => {
    const catalogueFiles = new Set([join(HERE, 'catalogue.ts'), ...sourceFiles(join(HERE, 'presets'))]);
    const lists = sourceFiles(SRC)
      .filter((f) => !catalogueFiles.has(f))
      .flatMap((f) => idLists(f));
    expect(lists).toEqual([]);
  });

  it('the check finds such lists: arrays, records and unions of ids', () => {
    const [a, b, c] = PRESET_IDS;
    const text =
      `export const X = ['${a}', '${b}', '${c}'];\n` +
      `const Y = { '${a}': 1, '${b}': 2, '${c}': 3 };\n` +
      `type Z = '${a}' | '${b}' | '${c}';\n` +
      `const W = [{ id: '${a}' }, { id: '${b}', label: 'B' }, { id: '${c}' }];\n` +
      `const two = ['${a}', '${b}'];\n`;
    expect(idLists(join(SRC, 'probe.ts'), text)).toEqual(
      [1, 2, 3, 4].map((line) => `probe.ts:${line} names ${a}, ${b}, ${c}`),
    );
  });

  it('the modules the page reads load no tfjs', () => {
    for (const entry of ['catalogue.ts', 'recipe-fields.ts', 'recipe-schema.ts', 'recipe.ts']) {
      const packages = [...packagesReached(join(HERE, entry))];
      expect(
        packages.filter((p) => p.startsWith('@tensorflow/')),
        entry,
      ).toEqual([]);
    }
    // …whereas the trainer does (the walk sees through files).
    expect([...packagesReached(join(HERE, 'train-recipe.ts'))]).toContain('@tensorflow/tfjs');
  });
});
