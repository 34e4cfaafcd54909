import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isExportDeclaration, isImportDeclaration, isNamedExports, isNamedImports, isStringLiteral, SyntaxKind, type Statement } from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';
import { describe, expect, it } from 'vitest';

/** "No import cycles" (the code rules), checked on the graph of *value* imports: what runs when a
 * module loads. `import type`, `export type … from` and lists of `type X` only are erased, so
 * they are not edges; neither is a lazy `import()` (it runs later, not while the module loads). */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIRS = ['server/src', 'shared/src', 'client/src'];
const SHARED: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'shared/package.json'), 'utf8')).exports;
/** Imported files that are not code (a Vite stylesheet, an asset): leaves. */
const ASSET = /\.(css|svg|png|json)$/;

const rel = (f: string) => path.relative(ROOT, f);

function sources(): string[] {
  const inDir = (dir: string) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.join(ROOT, dir, f));
  return DIRS.flatMap(inDir).filter((f) => /\.(tsx?|mjs)$/.test(f));
}

/** The module a top-level statement imports values from, if any. */
function valueSpecifier(s: Statement): string | null {
  if (isImportDeclaration(s) && isStringLiteral(s.moduleSpecifier)) {
    const clause = s.importClause;
    if (clause?.phaseModifier === SyntaxKind.TypeKeyword) return null;
    const named = clause?.namedBindings;
    if (clause && !clause.name && named && isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) return null;
    return s.moduleSpecifier.text;
  }
  if (isExportDeclaration(s) && s.moduleSpecifier && isStringLiteral(s.moduleSpecifier)) {
    const named = s.exportClause;
    if (s.isTypeOnly || (named && isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly))) return null;
    return s.moduleSpecifier.text;
  }
  return null;
}

/** Each file's value-import specifiers, read by the TypeScript compiler (v7 parses in its own
 * process): a throwaway project of exactly these files, with nothing resolved or checked. */
function specifiers(files: string[]): Map<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-cycles-'));
  const config = path.join(dir, 'tsconfig.json');
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: { allowJs: true, noResolve: true, noLib: true, types: [], jsx: 'react-jsx', module: 'esnext' }, files }));
  const api = new API({ cwd: ROOT });
  try {
    const program = api.updateSnapshot({ openProject: config }).getProjects()[0]!.program;
    return new Map(files.map((f) => [f, program.getSourceFile(f)!.statements.map(valueSpecifier).filter((s) => s !== null)]));
  } finally {
    api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The file a specifier names: relative (`.js` written for `.ts`), or `@semis/shared` and its
 * subpath exports; 'leaf' for a package from node_modules or an asset; null if unresolved. */
function resolve(from: string, spec: string): string | 'leaf' | null {
  let base: string;
  if (spec === '@semis/shared' || spec.startsWith('@semis/shared/')) {
    const target = SHARED[`.${spec.slice('@semis/shared'.length)}`];
    if (!target) return null;
    base = path.join(ROOT, 'shared', target);
  } else if (spec.startsWith('.')) {
    if (ASSET.test(spec)) return 'leaf';
    base = path.resolve(path.dirname(from), spec.replace(/\.js$/, '.ts'));
  } else return 'leaf';
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

function graph() {
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const [file, specs] of specifiers(sources())) {
    const targets = specs.map((spec) => [spec, resolve(file, spec)] as const);
    unresolved.push(...targets.filter(([, t]) => t === null).map(([spec]) => `${rel(file)}: ${spec}`));
    edges.set(file, targets.map(([, t]) => t).filter((t): t is string => t !== null && t !== 'leaf'));
  }
  return { edges, unresolved };
}

/** Strongly connected components (Tarjan): sets of files each reachable from every other. */
function components(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) visit(w);
      if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, low.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    found.push(component);
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Every cycle's files: components of more than one file, and files importing themselves. */
const cycles = (edges: Map<string, string[]>) =>
  components(edges)
    .filter((c) => c.length > 1 || edges.get(c[0]!)?.includes(c[0]!))
    .map((c) => c.map(rel).sort());

describe('import graph of server/src, shared/src and client/src', () => {
  const { edges, unresolved } = graph();

  it('reads every source and resolves every import to a file or a package', () => {
    expect(edges.size).toBeGreaterThan(300);
    expect(unresolved).toEqual([]);
    expect(edges.get(path.join(ROOT, 'server/src/app.ts'))?.map(rel)).toContain('server/src/realtime/socket.ts');
    expect(edges.get(path.join(ROOT, 'client/src/posterEditor/PosterCanvas.tsx'))?.map(rel)).toContain('shared/src/posters.ts');
  });

  it('has no import cycle', () => {
    expect(cycles(edges), 'each list: files that import one another in a ring').toEqual([]);
  });

  it('finds a cycle and a self-import', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((f) => path.join(ROOT, f)) as [string, string, string];
    expect(cycles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(new Map([[a, [a, b]], [b, []]]))).toEqual([['a.ts']]);
  });

  it('keeps value imports and re-exports, skips type-only ones', () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'semis-probe-')), 'probe.ts');
    const lines = ["import type { A } from './type';", "import { type B } from './type-list';", "export type { C } from './type-export';"];
    lines.push("import { type D, E } from './mixed';", "import F from './default';", "import './effect';", "export * from './star';", "import('./lazy');");
    fs.writeFileSync(probe, lines.join('\n'));
    expect(specifiers([probe]).get(probe)).toEqual(['./mixed', './default', './effect', './star']);
    fs.rmSync(path.dirname(probe), { recursive: true });
  });
});
