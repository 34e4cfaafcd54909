import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { C } from '@semis/shared';
import { call, createEvent, facilitator } from '../support/harness';
import { spawnServer, type ServerProcess } from '../support/process';

/** `npm start` runs compiled JavaScript: the bundle starts with plain node, serves, logs JSON
 * lines and stops cleanly. Built into dist/ so its packages resolve from the repository's node_modules. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const out = path.join(ROOT, 'dist', `test-server-${process.pid}`);
let server: ServerProcess;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-server.mjs', out], { cwd: ROOT, stdio: 'pipe' });
  server = await spawnServer({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'semis-compiled-')) }, [], path.join(out, 'main.js'));
}, 60_000);
afterAll(async () => {
  await server?.kill();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('compiled server', () => {
  it('is plain JavaScript that node runs without a TypeScript loader', () => {
    const bundle = fs.readFileSync(path.join(out, 'main.js'), 'utf8');
    expect(bundle).not.toMatch(/from ["']@semis\/shared/);
    expect(bundle).not.toMatch(/\btsx\b/);
    expect(fs.existsSync(path.join(out, 'sqlite-worker.mjs'))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'grouping-worker.mjs'), 'utf8')).not.toMatch(/\btsx\b/);
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
