import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { C, type PresentState } from '@semis/shared';
import { INLINE_FOLD_BYTES } from '../../server/src/yjs/fold-pool';
import { call, createEvent, facilitator, must, waitFor } from '../support/harness';
import { seedWall } from '../support/room';
import { useProcesses, type ServerProcess } from '../support/process';

/** `npm start` runs compiled JavaScript: the bundle starts with plain node, serves, logs JSON
 * lines and stops cleanly. Built into dist/ so its packages resolve from the repository's node_modules. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const out = path.join(ROOT, 'dist', `test-server-${process.pid}`);
const processes = useProcesses();
// The bundle outlives the process that runs it: removed once that is ended.
processes.after(() => fs.rmSync(out, { recursive: true, force: true }));
let server: ServerProcess;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-server.mjs', out], { cwd: ROOT, stdio: 'pipe' });
  server = await processes.spawn({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'semis-compiled-')) }, [], path.join(out, 'main.js'));
}, 60_000);

describe('compiled server', () => {
  it('is plain JavaScript that node runs without a TypeScript loader', () => {
    const bundle = fs.readFileSync(path.join(out, 'main.js'), 'utf8');
    expect(bundle).not.toMatch(/from ["']@semis\/shared/);
    expect(bundle).not.toMatch(/\btsx\b/);
    expect(fs.existsSync(path.join(out, 'sqlite-worker.mjs'))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'grouping-worker.mjs'), 'utf8')).not.toMatch(/\btsx\b/);
    expect(fs.readFileSync(path.join(out, 'fold-worker.mjs'), 'utf8')).not.toMatch(/\btsx\b/);
  });

  it('reads a long board log in its bundled fold worker (présenter over clusters)', async () => {
    const ev = await createEvent(server.url, 1);
    const atelier = ev.ateliers[0]!;
    const text = (g: number, i: number) => `Groupe ${g}, idée ${i} : ${'une navette partagée le samedi matin vers le marché et la gare. '.repeat(3)}`;
    const groups = [0, 1, 2].map((g) => ({ title: `Thème ${g}`, texts: Array.from({ length: 25 }, (_, i) => text(g, i)) }));
    const { wall, sockets } = await seedWall(server.url, ev, atelier, groups);
    const admin = await facilitator(server.url, ev.adminToken);
    try {
      // Past what is folded in place: the présenter's read of the log goes to the thread.
      expect(Y.encodeStateAsUpdate(wall.doc).byteLength).toBeGreaterThan(INLINE_FOLD_BYTES);
      const start = async () => must(await call<{ state: PresentState | null }>(admin, C.present, { action: 'start', atelierId: atelier.id, kind: 'clusters' })).state?.count;
      await waitFor(async () => (await start()) === 3, 10_000, 'the three clusters read from the stored log');
    } finally {
      wall.destroy();
      for (const s of [admin, ...sockets]) s.disconnect();
    }
  });

  it('runs grouping:suggest in its bundled worker thread', async () => {
    const ev = await createEvent(server.url, 1);
    const admin = await facilitator(server.url, ev.adminToken);
    try {
      expect(await call(admin, C.groupingSuggest, { atelierId: ev.ateliers[0]!.id }, 20_000)).toEqual({ ok: true, data: { clusters: [], duplicates: [] } });
    } finally {
      admin.disconnect();
    }
  });

  it('serves the API on its embedded database and logs structured lines', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, storage: 'sqlite' });
    const line = server.output().split('\n').find((l) => l.includes('écoute sur'));
    expect(JSON.parse(line!)).toMatchObject({ level: 30, name: 'semis', msg: `écoute sur ${server.url}` });
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await server.kill('SIGTERM')).toBe(0);
  });
});
