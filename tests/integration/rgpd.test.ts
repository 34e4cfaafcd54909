import { describe, expect, it } from 'vitest';
import { API, C } from '@semis/shared';
import { BOARD_TABLES, EVENT_TABLES, GLOBAL_TABLES } from '../../server/src/storage/archive';
import { call, must, useServers, type TestServer } from '../support/harness';
import { DATABASE_URL, probePostgres, tempSchema } from '../support/env';
import { serviceAvailable } from '../support/services';
import { seedEvening } from '../support/evening';
import { cellHolds, postgresDb, sqliteDb, type RawDb } from '../support/rawDb';

const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite: 'event deletion on PostgreSQL' });

/** `start` runs inside the first test (its time counts there); its server, and after it the
 * schema it `after`s, are the suite's to stop and drop. */
function suite(name: string, start: (servers: ReturnType<typeof useServers>) => Promise<{ server: TestServer; db: () => Promise<RawDb> }>) {
  describe(`deleting an event for good (${name})`, () => {
    const servers = useServers();
    let env: Awaited<ReturnType<typeof start>>;

    it('the archive catalogue covers every table and column of the live schema', async () => {
      env = await start(servers);
      const db = await env.db();
      try {
        const known = [...EVENT_TABLES.map((t) => t.name), ...BOARD_TABLES, ...GLOBAL_TABLES].sort();
        expect(await db.tables()).toEqual(known);
        for (const t of EVENT_TABLES) {
          const live = (await db.columns(t.name)).filter((c) => !(t.orderBy && c === t.orderBy));
          expect(live, t.name).toEqual(Object.keys(t.columns).sort());
        }
      } finally {
        await db.close();
      }
    });

    it('leaves no row anywhere that refers to it, and keeps the other events', async () => {
      const { server } = env;
      const gone = await seedEvening(server.url, { ateliers: 2, ideasPerAtelier: 5, posters: 1, voting: 1 });
      const kept = await seedEvening(server.url, { ateliers: 1, ideasPerAtelier: 3, posters: 0, voting: 0 });
      try {
        const dump = await server.semis.storage.archive.dumpEvent(gone.ev.event.id);
        // Every identifier and personal string of the event, as stored.
        const uuids = new Set(JSON.stringify(dump).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
        // (The seed names people alike in both events: only names the kept event lacks count.)
        const keptNames = new Set([...kept.publicPseudonyms, ...kept.anonymousPseudonyms]);
        const names = [...gone.publicPseudonyms, ...gone.anonymousPseudonyms].filter((p) => !keptNames.has(p));
        const needles = [...uuids, gone.ev.event.joinCode, String(dump.events![0]!.admin_token_hash), ...dump.participants!.map((p) => String(p.token_hash)), ...names];
        expect(needles.length).toBeGreaterThan(40);
        const cofac = must(await call<{ token: string }>(gone.admin, C.coFacilitator, { atelierId: gone.ev.ateliers[0]!.id, label: 'Zoé' }));

        const del = (token: string, confirm: string) =>
          fetch(server.url + API.adminEvent, { method: 'DELETE', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ confirm }) });
        expect((await del(gone.ev.adminToken, 'WRONG1')).status).toBe(400);
        expect((await del(cofac.token, gone.ev.event.joinCode)).status).toBe(403);
        expect(await server.semis.storage.getEvent(gone.ev.event.id)).not.toBeNull();
        const ok = await del(gone.ev.adminToken, gone.ev.event.joinCode.toLowerCase());
        expect(ok.status).toBe(200);
        expect((await fetch(server.url + API.adminEvent, { headers: { Authorization: `Bearer ${gone.ev.adminToken}` } })).status).toBe(401);

        const db = await env.db();
        try {
          for (const table of await db.tables()) {
            for (const row of await db.rows(table)) {
              for (const needle of needles) expect(Object.values(row).some((v) => cellHolds(v, needle)), `${table} still holds ${needle}`).toBe(false);
            }
          }
        } finally {
          await db.close();
        }
        const other = await server.semis.storage.archive.dumpEvent(kept.ev.event.id);
        // Three ideas, and the hidden and the deleted one the seed adds to a first atelier.
        expect(other.ideas).toHaveLength(5);
        const report = await fetch(server.url + API.adminReport, { method: 'POST', headers: { Authorization: `Bearer ${kept.ev.adminToken}`, 'Content-Type': 'application/json' }, body: '{"format":"html"}' });
        expect(report.status).toBe(200);
      } finally {
        for (const s of [...gone.sockets, ...kept.sockets]) s.disconnect();
      }
    }, 60_000);
  });
}

suite('SQLite', async (servers) => {
  const server = await servers.start();
  return { server, db: async () => sqliteDb(server.dataDir) };
});

if (pgOk) {
  suite('PostgreSQL', async (servers) => {
    const schema = await tempSchema();
    servers.after(() => schema.drop());
    const server = await servers.start({ databaseUrl: DATABASE_URL, config: { databaseSchema: schema.name } });
    return { server, db: () => postgresDb(schema.name) };
  });
}
