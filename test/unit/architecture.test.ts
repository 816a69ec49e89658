/**
 * The dependency rule of DESIGN.md, checked on every import (type-only ones and re-exports too):
 * no module of src/ or sandbox/ reaches itself through its imports, and no import in src/ runs
 * up a layer.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');

/** A folder of src/ may import itself and strictly lower ranks only. */
const LAYER_RANKS: Record<string, number> = {
  shared: 0,
  domain: 1,
  storage: 2,
  confluence: 2,
  auth: 3,
  actions: 4,
  effects: 5,
  commands: 6,
  views: 7,
  resolvers: 8,
  api: 8,
  triggers: 8,
};
const TOP = Number.POSITIVE_INFINITY;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

interface Import {
  specifier: string;
  /** The imported file, for a relative import. */
  target: string | undefined;
}

function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => ({
    specifier: fileName,
    target: fileName.startsWith('.') ? resolveRelative(file, fileName) : undefined,
  }));
}

const rel = (file: string) => relative(ROOT, file);

/** The folder of src/ a file belongs to: `index` for src/index.ts. */
function layerOf(file: string): string | undefined {
  const parts = relative(join(ROOT, 'src'), file).split(/[\\/]/);
  if (parts[0] === '..') return undefined;
  return parts.length === 1 ? 'index' : parts[0];
}

function layerViolation(file: string, imported: Import): string | undefined {
  const from = layerOf(file);
  if (from === undefined) return undefined;
  if (imported.target === undefined) {
    if (from === 'domain' && imported.specifier.startsWith('@forge/')) return 'the domain is pure: no @forge import';
    return undefined;
  }
  const to = layerOf(imported.target);
  if (to === undefined) return `src/ imports nothing outside src/`;
  if (from === to) return undefined;
  if (from === 'frontend') return to === 'shared' ? undefined : 'the front end imports only src/shared and itself';
  if (to === 'frontend') return 'only the front end imports src/frontend';
  if (to === 'index') return 'nothing imports src/index.ts';
  const fromRank = from === 'index' ? TOP : LAYER_RANKS[from];
  const toRank = LAYER_RANKS[to];
  if (fromRank === undefined) return `src/${from} is not a layer of DESIGN.md`;
  if (toRank === undefined) return `src/${to} is not a layer of DESIGN.md`;
  if (toRank < fromRank) return undefined;
  if (toRank === fromRank) return `src/${from} and src/${to} are side by side (rank ${fromRank}): neither imports the other`;
  return `src/${from} (rank ${fromRank}) may not import src/${to} (rank ${toRank}): imports run down the layers`;
}

/** Every cycle's strongly connected set of files (Tarjan), each shown as one loop through it. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(loopThrough(graph, new Set(component), node));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One shortest path from start back to itself inside the component. */
function loopThrough(graph: Map<string, string[]>, component: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

function importGraph(files: string[]): Map<string, string[]> {
  return new Map(files.map((file) => [file, importsOf(file).flatMap(({ target }) => (target === undefined ? [] : [target]))]));
}

describe('the dependency rule', () => {
  const srcFiles = sourceFiles(join(ROOT, 'src'));
  const sandboxFiles = sourceFiles(join(ROOT, 'sandbox'));

  it('has no import that runs up a layer in src/', () => {
    const violations = srcFiles.flatMap((file) =>
      importsOf(file).flatMap((imported) => {
        const rule = layerViolation(file, imported);
        return rule === undefined ? [] : [`${rel(file)} → ${imported.specifier}: ${rule}`];
      }),
    );
    expect(violations).toEqual([]);
  });

  it.each([
    ['src', srcFiles],
    ['sandbox', sandboxFiles],
  ])('has no import cycle in %s/', (_folder, files) => {
    expect(cycles(importGraph(files)).map((loop) => `cycle: ${loop.map(rel).join(' → ')}`)).toEqual([]);
  });
});
