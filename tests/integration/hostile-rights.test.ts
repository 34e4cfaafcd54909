import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { io as ioClient } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, SOCKET_PATH, type CreateEventResult, type GroupView, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, eventWithAdmin, must, participant, startServer, useServer, waitFor, type Client } from '../support/harness';
import { adminGroup, boardOf, joinPerson } from '../support/posters';

/** Issue #8: every right on every channel, look-alike pseudonyms, hostile texts, HTTP headers. */

const suite = useServer({ config: { lanAddresses: () => [] } });
const { open } = suite;
let ev: CreateEventResult;
let admin: Client;
beforeAll(async () => {
  ({ ev, admin } = await eventWithAdmin(suite));
});

const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error!.code);

describe('a blocked participant is refused on every channel', () => {
  it('closes their poster-screen socket, and refuses its comments and reactions even before it closes', async () => {
    const group = await adminGroup(suite.server.url, ev, 'Bourg');
    const poster = boardOf(group, 'poster');
    // The phone's main socket, and a separate poster-screen socket subscribed with the token.
    const phone = await joinPerson(suite.server.url, ev, 'Yanis');
    open.push(phone.socket);
    const screen = await connect(suite.server.url);
    open.push(screen);
    must(await call(screen, C.subscribePosters, { token: phone.token }));
    must(await call(screen, C.watchBoard, { boardId: poster }));
    must(await call(screen, C.comment, { id: randomUUID(), boardId: poster, text: 'Avant' }));

    // Blocked behind the sockets' back (as another process would): the next command is refused.
    await suite.server.semis.storage.blockParticipant(phone.id, ev.event.id, 'yanis', new Date().toISOString());
    expect(code(await call(screen, C.comment, { id: randomUUID(), boardId: poster, text: 'Après' }))).toBe('BLOCKED');
    expect(code(await call(screen, C.react, { boardId: poster, kind: 'bravo', on: true }))).toBe('BLOCKED');
    expect(code(await call(screen, C.watchBoard, { boardId: poster }))).toBe('BLOCKED');
    expect(code(await call(screen, C.createGroup, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, name: 'Fuite' }))).toBe('BLOCKED');
    const again = await connect(suite.server.url);
    open.push(again);
    expect(code(await call(again, C.subscribePosters, { token: phone.token }))).toBe('BLOCKED');
  });

  it('the facilitator\'s block disconnects every socket of the participant, poster sockets included', async () => {
    const phone = await joinPerson(suite.server.url, ev, 'Inès');
    open.push(phone.socket);
    const screen = await connect(suite.server.url);
    open.push(screen);
    must(await call(screen, C.subscribePosters, { token: phone.token }));
    const closed = new Promise<void>((resolve) => screen.once('disconnect', () => resolve()));
    must(await call(admin, C.block, { participantId: phone.id }));
    await closed;
    await waitFor(() => !phone.socket.connected, 3000, 'phone socket closed');
  });
});

describe('an unexpected failure in one handler', () => {
  it('answers that command INTERNAL and nothing else: the connection and the server go on', async () => {
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Bug', ev.ateliers[0]!.id);
    open.push(socket);
    const storage = suite.server.semis.storage as unknown as { getParticipant: (id: string) => Promise<unknown> };
    const original = storage.getParticipant;
    storage.getParticipant = async () => {
      throw new TypeError('a bug, not an input error');
    };
    try {
      expect(code(await call(socket, C.myIdeas, { atelierId: ev.ateliers[0]!.id }))).toBe('INTERNAL');
    } finally {
      storage.getParticipant = original;
    }
    expect(socket.connected).toBe(true);
    expect(code(await call(socket, C.myIdeas, { atelierId: ev.ateliers[0]!.id }))).toBe('ok');
  });
});

describe('pseudonyms', () => {
  it('refuses look-alike, zero-width and bidi variants of a blocked pseudonym', async () => {
    const { join } = await participant(suite.server.url, ev.event.joinCode, 'Kévin', ev.ateliers[0]!.id);
    must(await call(admin, C.block, { participantId: join.participant.id }));
    for (const variant of ['kevin', 'K\u200Bévin', 'Кévin', 'KEVlN', 'ΚΕVΙΝ', 'ｋｅｖｉｎ', '\u202EKévin', 'K\u00ADévin']) {
      const s = await connect(suite.server.url);
      open.push(s);
      expect(code(await call(s, C.join, { code: ev.event.joinCode, pseudonym: variant })), variant).toBe('PSEUDONYM_BLOCKED');
    }
  });

  it('stores and shows pseudonyms cleaned; refuses invisible ones', async () => {
    const s = await connect(suite.server.url);
    open.push(s);
    const joined = must(await call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: '  Ma\u200Brie\u202E  ' }));
    expect(joined.participant.pseudonym).toBe('Marie');
    for (const invisible of ['\u200B\u200B', '\u202E', '\u3164', '   ']) {
      const t = await connect(suite.server.url);
      open.push(t);
      expect(code(await call(t, C.join, { code: ev.event.joinCode, pseudonym: invisible })), JSON.stringify(invisible)).toBe('INVALID_PSEUDONYM');
    }
    const lone = await connect(suite.server.url);
    open.push(lone);
    expect(code(await call(lone, C.join, { code: ev.event.joinCode, pseudonym: 'Zo\uD800' }))).toBe('INVALID_TEXT');
  });
});

describe('texts', () => {
  it('strips NUL and controls, refuses zero-width-only, whitespace-only and lone surrogates', async () => {
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Léon', ev.ateliers[0]!.id);
    open.push(socket);
    const atelierId = ev.ateliers[0]!.id;
    const posted = must(await call<{ idea: { text: string } }>(socket, C.postIdea, { id: randomUUID(), atelierId, text: 'Une\u0000 navette\u0007 le soir' }));
    expect(posted.idea.text).toBe('Une navette le soir');
    expect(code(await call(socket, C.postIdea, { id: randomUUID(), atelierId, text: '\u200B\u200D\uFEFF' }))).toBe('INVALID_IDEA_TEXT');
    expect(code(await call(socket, C.postIdea, { id: randomUUID(), atelierId, text: ' \n\t ' }))).toBe('INVALID_IDEA_TEXT');
    const lone = await call(socket, C.postIdea, { id: randomUUID(), atelierId, text: 'Parc \uDC00' });
    expect(code(lone)).toBe('INVALID_TEXT');
    expect(code(await call(admin, C.coFacilitator, { atelierId, label: '\u200B' }))).toBe('BAD_REQUEST');
  });
});

describe('who may form poster groups is the facilitator\'s setting', () => {
  it('lets a participant form one group by default, more or none as configured', async () => {
    const atelierId = ev.ateliers[1]!.id;
    const p = await joinPerson(suite.server.url, ev, 'Maëlle');
    open.push(p.socket);
    const form = (name: string, id = randomUUID()) => call<{ group: GroupView }>(p.socket, C.createGroup, { id, atelierId, name });
    const firstId = randomUUID();
    expect(code(await form('Premier', firstId))).toBe('ok');
    expect(code(await form('Premier', firstId))).toBe('ok'); // a retry of the same id is not a second group
    expect(code(await form('Second'))).toBe('GROUP_CREATION_LIMIT');
    must(await call(admin, C.configureAtelier, { atelierId, groupCreation: { by: 'participants', perParticipant: 2 } }));
    expect(code(await form('Second'))).toBe('ok');
    expect(code(await form('Troisième'))).toBe('GROUP_CREATION_LIMIT');
    const atelier = must(await call<{ atelier: { groupCreation?: unknown } }>(admin, C.configureAtelier, { atelierId, groupCreation: { by: 'facilitators', perParticipant: 1 } })).atelier;
    expect(atelier.groupCreation).toEqual({ by: 'facilitators', perParticipant: 1 });
    const other = await joinPerson(suite.server.url, ev, 'Noé');
    open.push(other.socket);
    expect(code(await call(other.socket, C.createGroup, { id: randomUUID(), atelierId, name: 'Non' }))).toBe('GROUPS_BY_FACILITATORS');
    // Facilitators still form groups, and participants join them.
    const made = await adminGroup(suite.server.url, ev, 'Par l’animation', false, 1);
    expect(code(await call(other.socket, C.joinGroup, { groupId: made.group.id }))).toBe('ok');
    expect(code(await call(admin, C.configureAtelier, { atelierId, groupCreation: { by: 'participants', perParticipant: 50 } }))).toBe('BAD_REQUEST');
    must(await call(admin, C.configureAtelier, { atelierId, groupCreation: { by: 'participants', perParticipant: 1 } }));
  });
});

describe('co-facilitator scope covers group commands', () => {
  it("refuses group:roles on another atelier's group, allows its own", async () => {
    const mine = await adminGroup(suite.server.url, ev, 'Ici', false, 0);
    const theirs = await adminGroup(suite.server.url, ev, 'Ailleurs', false, 1);
    const { token } = must(await call<{ token: string }>(admin, C.coFacilitator, { atelierId: ev.ateliers[0]!.id, label: 'Sam' }));
    const cofac = await connect(suite.server.url);
    open.push(cofac);
    must(await call(cofac, C.subscribePosters, { token }));
    const refused = await call(cofac, C.setGroupRoles, { groupId: theirs.group.id, animateurId: null, rapporteurId: null });
    expect(code(refused)).toBe('FORBIDDEN');
    expect(code(await call<{ group: GroupView }>(cofac, C.setGroupRoles, { groupId: mine.group.id, animateurId: null, rapporteurId: null }))).toBe('ok');
    const created = await call(cofac, C.createGroup, { id: randomUUID(), atelierId: ev.ateliers[1]!.id, name: 'Pas chez moi' });
    expect(code(created)).toBe('FORBIDDEN');
  });
});

describe('join guessing', () => {
  it('throttles a guesser on one connection while 150 phones from the same address all join', async () => {
    const guesser = await connect(suite.server.url);
    open.push(guesser);
    const outcomes: Record<string, number> = {};
    let guessing = true;
    const guessLoop = (async () => {
      for (let i = 0; guessing && i < 2000 && guesser.connected; i++) {
        const c = code(await call(guesser, C.join, { code: `QQQQ${String(i % 100).padStart(2, '0').replace(/[0125]/g, 'A').replace(/8/g, 'C')}`, pseudonym: 'x' }));
        outcomes[c] = (outcomes[c] ?? 0) + 1;
      }
    })();
    const started = Date.now();
    const phones = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => {
        const s = await connect(suite.server.url);
        open.push(s);
        return code(await call(s, C.join, { code: ev.event.joinCode, pseudonym: `Tel ${i}` }, 15_000));
      }),
    );
    guessing = false;
    await guessLoop;
    expect(phones.filter((c) => c === 'ok')).toHaveLength(150);
    // Three typos looked up, then at most a handful more within the seconds the phones took.
    const seconds = (Date.now() - started) / 1000;
    expect(outcomes.UNKNOWN_CODE ?? 0).toBeLessThanOrEqual(3 + Math.ceil(Math.log2(seconds + 1)) + 1);
    expect(outcomes.RATE_LIMITED ?? 0).toBeGreaterThan(10);
  });

  it('limits joins presented with one participant token', async () => {
    const { join } = await participant(suite.server.url, ev.event.joinCode, 'Rémi', ev.ateliers[0]!.id);
    const s = await connect(suite.server.url);
    open.push(s);
    const codes = [];
    for (let i = 0; i < 25; i++) codes.push(code(await call(s, C.join, { token: join.token })));
    expect(codes.filter((c) => c === 'ok').length).toBeGreaterThanOrEqual(10);
    expect(codes).toContain('RATE_LIMITED');
  });

  it('throttles code guessing over HTTP per connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const statuses: number[] = [];
    const waits: (string | undefined)[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await rawGet(suite.server.url, API.join('QQQQQQ'), {}, agent);
      statuses.push(r.status);
      if (r.status === 429) waits.push(r.headers['retry-after'] as string | undefined);
    }
    agent.destroy();
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses).toContain(429);
    // Each refusal says how long to wait, in whole seconds (1 s, then 2 s, 4 s … on this connection).
    for (const w of waits) expect(Number(w)).toBeGreaterThanOrEqual(1);
  });
});

function rawGet(url: string, path: string, headers: Record<string, string>, agent?: http.Agent, method = 'GET', body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, agent }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP hardening', () => {
  it('sends a CSP without inline scripts, no framing, nosniff and no referrer', async () => {
    const res = await fetch(suite.server.url + API.health);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('ignores a forged X-Forwarded-Proto unless TRUST_PROXY is set', async () => {
    const forged = { host: 'salle.example:8080', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };
    const body = JSON.stringify({ name: 'Soirée', ateliers: [{ title: 'A' }] });
    const plain = JSON.parse((await rawGet(suite.server.url, API.createEvent, forged, undefined, 'POST', body)).body) as CreateEventResult;
    expect(plain.links.participant.startsWith('http://salle.example:8080/')).toBe(true);
    const trusting = await startServer({ config: { lanAddresses: () => [], trustProxy: true } });
    try {
      const behind = JSON.parse((await rawGet(trusting.url, API.createEvent, forged, undefined, 'POST', body)).body) as CreateEventResult;
      expect(behind.links.participant.startsWith('https://')).toBe(true);
    } finally {
      await trusting.stop();
    }
  });

  it('refuses socket.io connections from another site, accepts our own origin and native clients', async () => {
    const attempt = (headers: Record<string, string>, transports: string[]) =>
      new Promise<string>((resolve) => {
        const s = ioClient(suite.server.url, { path: SOCKET_PATH, transports, reconnection: false, forceNew: true, extraHeaders: headers });
        s.once('connect', () => {
          s.disconnect();
          resolve('connected');
        });
        s.once('connect_error', (e) => resolve(`refused: ${e.message}`));
      });
    expect(await attempt({ origin: 'https://evil.example' }, ['websocket'])).toMatch(/^refused/);
    expect(await attempt({ origin: 'https://evil.example' }, ['polling'])).toMatch(/^refused/);
    expect(await attempt({ origin: 'null' }, ['polling'])).toMatch(/^refused/);
    expect(await attempt({ origin: suite.server.url }, ['websocket'])).toBe('connected');
    expect(await attempt({}, ['websocket'])).toBe('connected');
  });

  it('limits HTTP requests per token, not per address', async () => {
    const statuses: number[] = [];
    for (let batch = 0; batch < 10 && !statuses.includes(429); batch++) {
      statuses.push(...(await Promise.all(Array.from({ length: 100 }, () => fetch(suite.server.url + API.adminEvent, { headers: { authorization: `Bearer ${ev.adminToken}` } }).then((r) => r.status)))));
    }
    expect(statuses).toContain(429);
    // Another token from the same address is not affected.
    const other = await createEvent(suite.server.url, 1);
    expect((await fetch(suite.server.url + API.adminEvent, { headers: { authorization: `Bearer ${other.adminToken}` } })).status).toBe(200);
  });
});
