import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { API, C, S, type ErrorBody, type IdeaView, type ModIdeaView } from '@semis/shared';
import { api, call, createEvent, facilitator, participant, useServers, waitFor, type Client, type TestServer } from '../support/harness';
import { DATABASE_URL, probePostgres, tempSchema } from '../support/env';
import { serviceAvailable } from '../support/services';
import { upgradeStatus, wsUrl } from '../support/yjsRaw';

/** Issue #14: outages reported honestly, local delivery never waiting for Redis. */
const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite: 'outages' });
const redisBinary = () => new Promise<void>((resolve, reject) => {
  const p = spawn('redis-server', ['--version']);
  p.once('error', reject);
  p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`redis-server --version exited ${code}`))));
});
const redisOk = await serviceAvailable('redis', redisBinary, { where: 'redis-server binary', suite: 'Redis outage' });

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** A Redis of our own, on its own port, that the test can stop and start again. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${out}`)));
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

/** A TCP proxy in front of PostgreSQL: closing it is a database outage for whoever uses it. */
function pgProxy(port: number) {
  const target = new URL(DATABASE_URL);
  const open = new Set<net.Socket>();
  let server: net.Server | null = null;
  return {
    async start() {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          open.add(s);
          s.on('close', () => open.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    },
    async stop() {
      const closed = new Promise((r) => server?.close(r));
      for (const s of open) s.destroy();
      await closed;
      server = null;
    },
    url: () => { const u = new URL(DATABASE_URL); u.hostname = '127.0.0.1'; u.port = String(port); return u.toString(); },
  };
}

describe.skipIf(!pgOk || !redisOk)('Redis stopped for a few seconds', () => {
  // The servers are stopped first, then their Redis, then their schema dropped (after() runs
  // last registered first); a cleanup that fails (Redis already gone) must not hide the test's
  // own failure, hence the catches.
  const servers = useServers();
  it('a facilitator on the author’s process gets the push at once; the other process catches up', async () => {
    const schema = await tempSchema();
    servers.after(() => schema.drop().catch(() => {}));
    const port = await freePort();
    let redis = await startRedis(port);
    servers.after(() => stopRedis(redis).catch(() => {}));
    const logs: string[] = [];
    const config = { redisUrl: `redis://127.0.0.1:${port}`, databaseSchema: schema.name };
    const a: TestServer = await servers.start({ databaseUrl: DATABASE_URL, config: { ...config, log: (m: string) => logs.push(m) } });
    const b: TestServer = await servers.start({ databaseUrl: DATABASE_URL, config });
    const ev = await createEvent(a.url, 1);
    const atelierId = ev.ateliers[0]!.id;
    const onA = await facilitator(a.url, ev.adminToken);
    const onB = await facilitator(b.url, ev.adminToken);
    const phone = await participant(a.url, ev.event.joinCode, 'Aline', atelierId);
    servers.open.push(onA, onB, phone.socket);
    const seen = (who: Client, id: string) => new Promise<number>((resolve) => {
      const on = (idea: ModIdeaView) => { if (idea.id === id) { who.off(S.modIdea, on); resolve(performance.now()); } };
      who.on(S.modIdea, on);
    });

    // Normal latency first, Redis up.
    const warm = randomUUID();
    const warmA = seen(onA, warm);
    const warmB = seen(onB, warm);
    const t0 = performance.now();
    expect((await call(phone.socket, C.postIdea, { id: warm, atelierId, text: 'avant la panne' })).ok).toBe(true);
    await Promise.all([warmA, warmB]);
    const normal = (await warmA) - t0;

    await stopRedis(redis);
    await waitFor(async () => (await api<{ redis: string }>(a.url, API.health)).body.redis === 'down', 5000, 'health says redis down');
    const id = randomUUID();
    const localA = seen(onA, id);
    const remoteB = seen(onB, id);
    const t1 = performance.now();
    const ack = await call<{ idea: IdeaView }>(phone.socket, C.postIdea, { id, atelierId, text: 'pendant la panne' });
    expect(ack.ok).toBe(true);
    const local = (await localA) - t1;
    expect(local).toBeLessThan(Math.max(500, normal * 5));

    // Redis back: the push reaches the other process too, and the outage is one line each way.
    await new Promise((r) => setTimeout(r, 1500)); // "a few seconds" of outage, on purpose
    redis = await startRedis(port);
    await remoteB;
    await waitFor(() => logs.some((l) => /redis: back after \d+\.\d s/.test(l)), 15_000, 'recovery logged');
    expect(logs.filter((l) => l.includes('redis: connection lost'))).toHaveLength(1);
    expect((await api<{ redis: string }>(a.url, API.health)).body.redis).toBe('up');
  }, 40_000);
});

describe.skipIf(!pgOk)('PostgreSQL unreachable', () => {
  // The server is stopped first, then the proxy it reaches PostgreSQL through, then the schema
  // dropped; catches as above.
  const servers = useServers();
  it('answers UNAVAILABLE and health 503 during the outage, and recovers by itself', async () => {
    const schema = await tempSchema();
    servers.after(() => schema.drop().catch(() => {}));
    const proxy = pgProxy(await freePort());
    await proxy.start();
    servers.after(() => proxy.stop().catch(() => {}));
    const server = await servers.start({ databaseUrl: proxy.url(), config: { databaseSchema: schema.name } });
    const ev = await createEvent(server.url, 1);
    const atelierId = ev.ateliers[0]!.id;
    const phone = await participant(server.url, ev.event.joinCode, 'Aline', atelierId);
    servers.open.push(phone.socket);
    expect(await api(server.url, API.health)).toEqual({ status: 200, body: { ok: true, storage: 'postgres', database: 'up', redis: 'off' } });

    await proxy.stop();
    const id = randomUUID();
    const during = await call(phone.socket, C.postIdea, { id, atelierId, text: 'pendant la panne' }, 10_000);
    expect(during.ok).toBe(false);
    expect(!during.ok && during.error.code).toBe('UNAVAILABLE');
    expect(!during.ok && during.error.message).toBe('Serveur momentanément indisponible, réessayez.');
    expect(await api(server.url, API.health)).toEqual({ status: 503, body: { ok: false, storage: 'postgres', database: 'down', redis: 'off' } });
    const http = await api<{ error: ErrorBody }>(server.url, API.createEvent, { body: { name: 'x', ateliers: [{ title: 't' }] } });
    expect(http.status).toBe(503);
    expect(http.body.error.code).toBe('UNAVAILABLE');
    // The board channel says the same (its token is looked up in the database): 503, not 500.
    expect(await upgradeStatus(wsUrl(server.url, ev.ateliers[0]!.boardId, phone.join.token))).toBe(503);

    await proxy.start();
    await waitFor(async () => (await api(server.url, API.health)).status === 200, 10_000, 'health back to 200');
    // The phone's outbox retries with the same id: stored exactly once.
    const retry = await call<{ idea: IdeaView; created: boolean }>(phone.socket, C.postIdea, { id, atelierId, text: 'pendant la panne' });
    expect(retry.ok && retry.data.idea.id).toBe(id);
  }, 40_000);
});
