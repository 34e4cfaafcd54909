import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, C, type IdeaView } from '@semis/shared';
import { call, connect, createEvent, must, openBoard, participant, startServer, useServers, type TestServer } from '../support/harness';
import { DATABASE_URL, probePostgres, tempSchema } from '../support/env';
import { serviceAvailable } from '../support/services';
import { seedEvening, type SeededEvening } from '../support/evening';

const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite: 'event archive on PostgreSQL' });

type Archive = { format: string; version: number; storageVersion: number; exportedAt: string; tables: Record<string, Record<string, unknown>[]>; boards: { id: string; schemaVersion: number; state: string }[] };

async function exportFrom(server: TestServer, token: string): Promise<{ status: number; archive: Archive; disposition: string }> {
  const res = await fetch(server.url + API.adminArchive, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, disposition: res.headers.get('content-disposition') ?? '', archive: (await res.json()) as Archive };
}

async function importInto(server: TestServer, body: string | Uint8Array): Promise<{ status: number; body: { eventId?: string; error?: { code: string; field?: string } } }> {
  const res = await fetch(server.url + API.importEvent, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body as BodyInit });
  return { status: res.status, body: (await res.json()) as never };
}

/** What must be equal after a move: everything but the moment of the export. */
const canonical = (a: Archive) => JSON.stringify({ ...a, exportedAt: undefined });

describe.skipIf(!pgOk)('the event archive: SQLite → PostgreSQL → SQLite', () => {
  const servers = useServers();
  let laptop: TestServer;
  let venue: TestServer;
  let back: TestServer;
  let schema: Awaited<ReturnType<typeof tempSchema>>;
  let seeded: SeededEvening;
  let original: Archive;

  beforeAll(async () => {
    laptop = await servers.start();
    schema = await tempSchema();
    venue = await servers.start({ databaseUrl: DATABASE_URL, config: { databaseSchema: schema.name } });
    back = await servers.start();
    seeded = await seedEvening(laptop.url, { ateliers: 3, ideasPerAtelier: 8, posters: 1, voting: 2 });
    servers.open.push(...seeded.sockets);
    const out = await exportFrom(laptop, seeded.ev.adminToken);
    expect(out.status).toBe(200);
    expect(out.disposition).toMatch(/attachment; filename="semis-soiree-des-possibles.*\.json"/);
    original = out.archive;
  }, 90_000);
  afterAll(async () => {
    await schema?.drop();
  });

  it('holds every record and every board document with its schema version', () => {
    expect(original.format).toBe('semis-event-archive');
    expect(original.tables.events).toHaveLength(1);
    expect(original.tables.ateliers).toHaveLength(3);
    expect(original.tables.ideas!.length).toBeGreaterThanOrEqual(24);
    expect(original.tables.candidates!.length).toBe(seeded.candidates.length);
    expect(original.tables.vote_dots!.length).toBeGreaterThan(0);
    expect(original.tables.vote_ratings!.length).toBeGreaterThan(0);
    // Three walls, and the group's poster, AFOM and debate.
    expect(original.boards).toHaveLength(6);
    for (const b of original.boards) expect(b.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('moves to PostgreSQL and back identical, and the admin link still opens it', async () => {
    const imported = await importInto(venue, JSON.stringify(original));
    expect(imported.status).toBe(201);
    expect(imported.body.eventId).toBe(seeded.ev.event.id);
    const fromVenue = await exportFrom(venue, seeded.ev.adminToken);
    expect(fromVenue.status).toBe(200);
    expect(canonical(fromVenue.archive)).toBe(canonical(original));

    expect((await importInto(back, JSON.stringify(fromVenue.archive))).status).toBe(201);
    expect(canonical((await exportFrom(back, seeded.ev.adminToken)).archive)).toBe(canonical(original));

    const admin = await fetch(venue.url + API.adminEvent, { headers: { Authorization: `Bearer ${seeded.ev.adminToken}` } });
    expect(admin.status).toBe(200);
    expect(((await admin.json()) as { event: { name: string } }).event.name).toBe(seeded.ev.event.name);
    const report = await fetch(venue.url + API.adminReport, { method: 'POST', headers: { Authorization: `Bearer ${seeded.ev.adminToken}`, 'Content-Type': 'application/json' }, body: '{"format":"html"}' });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain(seeded.clusterTitles[0]);
  });

  it('never overwrites: a second import of the same event is refused and changes nothing', async () => {
    const again = await importInto(venue, JSON.stringify(original));
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ARCHIVE_EXISTS');
    expect(canonical((await exportFrom(venue, seeded.ev.adminToken)).archive)).toBe(canonical(original));
  });

  it('is atomic: an archive whose rows collide halfway writes nothing at all', async () => {
    // A new event id, code and link, but the same atelier and idea ids as the one imported.
    const clash = structuredClone(original);
    const newId = randomUUID();
    for (const rows of Object.values(clash.tables)) for (const row of rows) if ('event_id' in row) row.event_id = newId;
    Object.assign(clash.tables.events![0]!, { id: newId, join_code: 'XXXXXX', admin_token_hash: 'f'.repeat(64) });
    const res = await importInto(venue, JSON.stringify(clash));
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('ARCHIVE_EXISTS');
    expect(await venue.semis.storage.getEvent(newId)).toBeNull();
    expect(await venue.semis.storage.archive.dumpEvent(newId)).toSatisfy((t: Record<string, unknown[]>) => Object.values(t).every((rows) => rows.length === 0));
  });
});

describe('an event deleted, then imported again on the same server', () => {
  const servers = useServers();

  it('opens its boards again: the wall over y-websocket, posts, exports', async () => {
    const server = await servers.start();
    const ev = await createEvent(server.url, 1);
    const atelier = ev.ateliers[0]!;
    const phone = await participant(server.url, ev.event.joinCode, 'Léa', atelier.id);
    servers.open.push(phone.socket);
    const before = must(await call<{ idea: IdeaView }>(phone.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Avant' })).idea;
    const { archive } = await exportFrom(server, ev.adminToken);
    const del = await fetch(server.url + API.adminEvent, { method: 'DELETE', headers: { Authorization: `Bearer ${ev.adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ confirm: ev.event.joinCode }) });
    expect(del.status).toBe(200);
    expect((await importInto(server, JSON.stringify(archive))).status).toBe(201);

    const again = await connect(server.url);
    servers.open.push(again);
    must(await call(again, C.join, { token: phone.join.token, atelierId: atelier.id }));
    expect(await call(again, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Après' })).toMatchObject({ ok: true });
    const wall = openBoard(server.url, atelier.boardId, ev.adminToken);
    servers.boards.push(wall);
    await wall.synced;
    expect([...wall.doc.getMap('ideas').keys()]).toContain(before.id);
    expect((await fetch(server.url + API.boardExport(atelier.boardId, 'svg'), { headers: { Authorization: `Bearer ${ev.adminToken}` } })).status).toBe(200);
  });
});

describe('archive refusals, with nothing written', () => {
  const servers = useServers();
  let server: TestServer;
  let source: TestServer;
  let good: Archive;
  let seeded: SeededEvening;
  beforeAll(async () => {
    source = await servers.start();
    server = await servers.start();
    seeded = await seedEvening(source.url, { ateliers: 2, ideasPerAtelier: 4, posters: 0, voting: 1 });
    servers.open.push(...seeded.sockets);
    good = (await exportFrom(source, seeded.ev.adminToken)).archive;
  }, 60_000);

  const mutate = (fn: (a: Archive) => void): string => {
    const a = structuredClone(good);
    fn(a);
    return JSON.stringify(a);
  };

  const cases: [string, () => string, number, string][] = [
    ['not JSON', () => 'PK\u0003\u0004 this is a zip', 400, 'ARCHIVE_INVALID'],
    ['truncated', () => JSON.stringify(good).slice(0, 2000), 400, 'ARCHIVE_INVALID'],
    ['another format', () => mutate((a) => { a.format = 'miro-board'; }), 400, 'ARCHIVE_INVALID'],
    ['a newer archive version', () => mutate((a) => { a.version = 2; }), 422, 'ARCHIVE_VERSION'],
    ['a newer storage schema', () => mutate((a) => { a.storageVersion = 999; }), 422, 'ARCHIVE_VERSION'],
    ['a newer board document schema', () => mutate((a) => { a.boards[0]!.schemaVersion = 99; }), 422, 'ARCHIVE_VERSION'],
    ['an unknown column', () => mutate((a) => { a.tables.ideas![0]!.sneaky = 'x'; }), 400, 'ARCHIVE_INVALID'],
    ['an unknown table', () => mutate((a) => { a.tables.users = []; }), 400, 'ARCHIVE_INVALID'],
    ['a bad phase', () => mutate((a) => { a.tables.ateliers![0]!.phase = 'party'; }), 400, 'ARCHIVE_INVALID'],
    ['a corrupt candidate card', () => mutate((a) => { a.tables.candidates![0]!.data = '{"title":'; }), 400, 'ARCHIVE_INVALID'],
    ['a row of another event', () => mutate((a) => { a.tables.ideas![0]!.event_id = randomUUID(); }), 400, 'ARCHIVE_INVALID'],
    ['a vote of another session', () => mutate((a) => { a.tables.vote_dots![0]!.session_id = randomUUID(); }), 400, 'ARCHIVE_INVALID'],
    ['a board document that is not Yjs', () => mutate((a) => { a.boards[0]!.state = Buffer.from('garbage garbage').toString('base64'); }), 400, 'ARCHIVE_INVALID'],
    ['a board of nobody', () => mutate((a) => { a.boards[0]!.id = randomUUID(); }), 400, 'ARCHIVE_INVALID'],
  ];
  it.each(cases)('refuses %s', async (_, body, status, code) => {
    const res = await importInto(server, body());
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(await server.semis.storage.getEvent(seeded.ev.event.id)).toBeNull();
  });

  it('imports an archive from before the retention setting (storage 6) with the default of 30 days', async () => {
    const without = (a: Archive) => {
      for (const col of ['retention_days', 'closed_at', 'purged_at', 'purge_lease']) delete a.tables.events![0]![col];
    };
    // Only older archives are filled in: a current one must carry its columns.
    expect((await importInto(server, mutate(without))).body.error?.code).toBe('ARCHIVE_INVALID');
    const fresh = await startServer();
    try {
      const res = await importInto(fresh, mutate((a) => { without(a); a.storageVersion = 6; }));
      expect(res.status).toBe(201);
      expect((await fresh.semis.storage.getEvent(res.body.eventId!))!.retentionDays).toBe(30);
    } finally {
      await fresh.stop();
    }
  });

  it('refuses an oversized archive before reading it', async () => {
    const res = await importInto(server, Buffer.alloc(33 * 1024 * 1024, 0x20));
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('exports only for the admin link (a co-facilitator has one atelier, not the event)', async () => {
    expect((await fetch(source.url + API.adminArchive)).status).toBe(401);
    const link = must(await call<{ token: string }>(seeded.admin, C.coFacilitator, { atelierId: seeded.ev.ateliers[0]!.id, label: 'Zoé' }));
    expect((await fetch(source.url + API.adminArchive, { headers: { Authorization: `Bearer ${link.token}` } })).status).toBe(403);
    // After all these refusals, the good archive still imports.
    expect((await importInto(server, JSON.stringify(good))).status).toBe(201);
  });
});
