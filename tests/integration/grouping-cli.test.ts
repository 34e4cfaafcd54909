import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run grouping -- IN OUT` as a person runs it: the real script, files in and out. */
const repo = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-grouping-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Out { id: string; cluster: string; duplicate: string | null }

function run(lines: object[], ...options: string[]): { status: number | null; stderr: string; out: Out[] } {
  const input = path.join(dir, `in-${Math.random().toString(36).slice(2)}.jsonl`);
  const output = `${input}.out`;
  fs.writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const r = spawnSync('npm', ['run', '--silent', 'grouping', '--', input, output, ...options], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  const out = fs.existsSync(output) ? fs.readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Out) : [];
  return { status: r.status, stderr: r.stderr, out };
}

const MOBILITE = ['covoiturage pour aller a la gare', 'une aire de covoiturage au rond point', 'partager sa voiture avec les voisins', 'piste cyclable vers le college', 'des velos electriques en location', 'une navette le jour du marche', 'bus a la demande pour les anciens'];
const SANTE = ['une maison de sante pluridisciplinaire', 'faire venir un medecin generaliste', 'des consultations de medecin en visio a la pharmacie', 'un dentiste au bourg', 'une infirmiere a domicile le week end', 'du sport sur ordonnance pour les seniors', 'marche nordique pour les aines'];
const rows = [
  ...MOBILITE.map((text, k) => ({ id: `m${k}`, text, atelier: 'mobilite' })),
  ...SANTE.map((text, k) => ({ id: `s${k}`, text, atelier: 'sante' })),
];
// Interleaved, as a file of the evening would be.
const mixed = rows.map((_, k) => rows[(k % 2) * MOBILITE.length + Math.floor(k / 2)]!);

const partition = (out: Out[], strip = '') => {
  const by = new Map<string, string[]>();
  for (const o of out) by.set(o.cluster.replace(strip, ''), [...(by.get(o.cluster.replace(strip, '')) ?? []), o.id]);
  return [...by.values()].map((ids) => ids.sort().join(',')).sort();
};

// Each run starts npm, tsx and the grouping's data: seconds on a loaded machine, several per test.
describe('npm run grouping', { timeout: 120_000 }, () => {
  it('groups each atelier on its own when every line names one, ids unique across ateliers', () => {
    const { status, stderr, out } = run(mixed);
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('per-atelier');
    expect(out.map((o) => o.id)).toEqual(mixed.map((r) => r.id));
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(['cluster', 'duplicate', 'id']);
      const atelier = mixed.find((r) => r.id === o.id)!.atelier;
      expect(o.cluster.startsWith(`${atelier}/`)).toBe(true);
      if (o.duplicate !== null) expect(o.duplicate.startsWith(`${atelier}/`)).toBe(true);
    }
    // One atelier's clusters do not depend on the other atelier's lines.
    const alone = run(rows.filter((r) => r.atelier === 'sante'), '--per-atelier');
    expect(alone.status, alone.stderr).toBe(0);
    expect(partition(out.filter((o) => o.id.startsWith('s')))).toEqual(partition(alone.out));
    expect(out.filter((o) => o.id.startsWith('s'))).toEqual(mixed.filter((r) => r.atelier === 'sante').map((r) => alone.out.find((o) => o.id === r.id)));
  });

  it('keeps the cross-theme grouping for lines without an atelier, or when asked', () => {
    const plain = run(mixed.map(({ id, text }) => ({ id, text })));
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('cross-theme');
    const asked = run(mixed, '--cross-theme');
    expect(asked.status, asked.stderr).toBe(0);
    expect(asked.out).toEqual(plain.out);
    for (const o of plain.out) expect(o.cluster).not.toContain('/');
  });

  it('refuses --per-atelier when a line has no atelier, and contradictory or unknown options', () => {
    const missing = run([...rows, { id: 'x', text: 'une idee sans atelier' }], '--per-atelier');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/:15: --per-atelier needs an "atelier"/);
    expect(run(rows, '--per-atelier', '--cross-theme').stderr).toContain('exclude each other');
    expect(run(rows, '--par-atelier').stderr).toContain('unknown option --par-atelier');
    expect(run([{ id: 'a', text: 'x', atelier: 3 }]).stderr).toContain('"atelier" must be a string');
  });
});
