import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The server's import graph, read from the sources (relative imports only, type-only ones too:
 * a cycle of types is still a cycle for whoever reads the code). */
const ROOT = path.resolve(import.meta.dirname, '../../../server/src');
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sources(ROOT)) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => resolve(file, m[1]!)).filter((t): t is string => t !== null);
    edges.set(file, targets);
  }
  return edges;
}

const rel = (f: string) => path.relative(ROOT, f);
const folder = (f: string) => rel(f).split(path.sep)[0]!;

/** Every cycle's files, found by depth-first search (each reported once, from its first file). */
function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') found.push(stack.slice(stack.indexOf(t)).map(rel));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of edges.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('server import graph', () => {
  const edges = graph();

  it('finds the sources it checks', () => {
    expect(edges.size).toBeGreaterThan(30);
    expect(edges.get(path.join(ROOT, 'app.ts'))?.map(rel)).toContain(path.join('realtime', 'socket.ts'));
  });

  it('services never import the socket layer (they push through the Notifier)', () => {
    const wrong = [...edges].flatMap(([f, ts]) => (folder(f) === 'services' ? ts.filter((t) => folder(t) === 'realtime').map((t) => `${rel(f)} → ${rel(t)}`) : []));
    expect(wrong).toEqual([]);
  });

  it('has no import cycle between services/ and realtime/', () => {
    const crossing = cycles(edges).filter((c) => c.some((f) => f.startsWith('services')) && c.some((f) => f.startsWith('realtime')));
    expect(crossing).toEqual([]);
  });

  it('detects a cycle when there is one', () => {
    const a = path.join(ROOT, 'services', 'a.ts');
    const b = path.join(ROOT, 'realtime', 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([[rel(a), rel(b)]]);
  });
});
