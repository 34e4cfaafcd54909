import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, COMMANDS, type CreateEventResult, type GroupView, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, facilitator, must, participant, useServer, type Client } from '../support/harness';
import { adminGroup, boardOf } from '../support/posters';
import { seeded } from '../support/random';

/**
 * Hostile socket.io and HTTP traffic for a few seconds (SEMIS_FUZZ_MS, default 3 s; `npm run
 * fuzz` runs a minute), seeded (SEMIS_FUZZ_SEED) so a failure replays: random and structured
 * payloads over every documented socket.io event, from anonymous, joined, facilitator and
 * poster-subscribed sockets; malformed URLs, methods, headers and bodies over HTTP. Meanwhile an
 * honest phone keeps posting and reading its ideas. The y-websocket side is yjs-fuzz.test.ts.
 *
 * Holds: no command is answered INTERNAL and no HTTP answer is a 5xx other than 503 BUSY (every
 * decoder is guarded); the server stays up; the honest phone's every post is acked ok within
 * PHONE_MAX_MS; RSS grows by less than RSS_GROWTH_MB.
 */
const FUZZ_MS = Number(process.env.SEMIS_FUZZ_MS ?? 3000);
const SEED = Number(process.env.SEMIS_FUZZ_SEED ?? 20261130);
const PHONE_MAX_MS = 3000;
const RSS_GROWTH_MB = 400;

const suite = useServer();
const { open } = suite;
let ev: CreateEventResult;
let group: GroupView;
beforeAll(async () => {
  ev = await createEvent(suite.server.url, 2);
  group = await adminGroup(suite.server.url, ev, 'Fuzz');
});

const NASTY_STRINGS = [
  '', ' ', '\u0000', '\u200B', '\u202Eevil', '\uD800', '\uDFFF', 'a'.repeat(300), '😀'.repeat(100), '%E0%A4%A', '../../etc/passwd', '<script>alert(1)</script>',
  '__proto__', 'constructor', 'toString', '{"a":1}', 'null', 'NaN', '1e309', '-0', 'ACDEFG', 'acdefg', 'Z'.repeat(21), '\r\n\r\n', 'é'.normalize('NFD'),
];

function generator(rand: () => number, known: { uuids: string[]; tokens: string[]; codes: string[] }) {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const int = (n: number) => Math.floor(rand() * n);
  const str = (): string => {
    switch (int(5)) {
      case 0:
        return pick(NASTY_STRINGS);
      case 1:
        return randomUUID();
      case 2:
        return pick(known.uuids);
      case 3:
        return String.fromCharCode(...Array.from({ length: int(40) }, () => int(0x10000)));
      default:
        return Math.random().toString(36).slice(2, 2 + int(12));
    }
  };
  const value = (depth: number): unknown => {
    switch (int(depth > 3 ? 6 : 9)) {
      case 0:
        return null;
      case 1:
        return rand() < 0.5;
      case 2:
        return pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, Number.MAX_SAFE_INTEGER + 2, 86_400_001]);
      case 3:
      case 4:
        return str();
      case 5:
        return Buffer.from(Array.from({ length: int(64) }, () => int(256)));
      case 6:
        return Array.from({ length: int(6) }, () => value(depth + 1));
      case 7:
        return Object.fromEntries(Array.from({ length: int(6) }, () => [pick([...NASTY_STRINGS, 'id', 'atelierId', 'text', 'token', 'code', 'boardId', 'groupId']), value(depth + 1)]));
      default:
        return { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } };
    }
  };
  /** A payload of the right shape with one field mutated, or a random value. */
  const payload = (event: string): unknown => {
    if (rand() < 0.3) return value(0);
    const base: Record<string, unknown> = {
      id: randomUUID(), atelierId: pick(known.uuids), boardId: pick(known.uuids), groupId: pick(known.uuids), participantId: pick(known.uuids),
      text: str(), name: str(), label: str(), pseudonym: str(), code: pick(known.codes), token: pick(known.tokens), t: Date.now(),
      kind: pick(['bravo', 'question', 'x']), on: rand() < 0.5, action: pick(['hide', 'show', 'delete', 'approve', 'reject', 'edit', 'start', 'pause', 'nope']),
      phase: pick(['ideation', 'vote', 'closed', 'x']), atelierIds: rand() < 0.5 ? 'all' : [pick(known.uuids)], target: pick(['event', ...known.uuids]), durationMs: pick([1, 1000, -5, 1e12]),
      itemId: str(), delta: pick([1, -1, 2, 0]), value: int(12) - 2, viewport: rand() < 0.5 ? null : { x: 0, y: 0, zoom: pick([1, -1, 1e9]) },
      animateurId: pick([null, ...known.uuids]), rapporteurId: pick([null, ...known.uuids]), debate: rand() < 0.5, limit: pick([1, 100, 1e9, -1]),
    };
    const keys = Object.keys(base);
    for (let i = int(3); i > 0; i--) base[pick(keys)] = value(1);
    void event;
    return base;
  };
  return { payload, value, pick, int, str };
}

function rawHttp(url: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const req = http.request({ hostname, port, path, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(-1)); // refused at the parser (e.g. an invalid path): not a server error
    req.setTimeout(5000, () => req.destroy());
    req.end(body);
  });
}

describe('fuzzing socket.io and HTTP', () => {
  it(
    `keeps serving an honest phone while hostile clients send random and structured payloads (seed ${SEED})`,
    async () => {
      const rand = seeded(SEED);
      const admin = await facilitator(suite.server.url, ev.adminToken);
      open.push(admin);
      const joiner = await participant(suite.server.url, ev.event.joinCode, 'Fuzzeur', ev.ateliers[0]!.id);
      open.push(joiner.socket);
      const known = {
        uuids: [...ev.ateliers.map((a) => a.id), ...ev.ateliers.map((a) => a.boardId), group.group.id, boardOf(group, 'poster'), joiner.join.participant.id],
        tokens: [ev.adminToken, joiner.join.token, 'x'.repeat(30), ''],
        codes: [ev.event.joinCode, 'AAAAAA', '%%', ''],
      };
      const gen = generator(rand, known);
      // socket.io-client refuses to emit its reserved names (connect, disconnect…) itself.
      const events = [...Object.keys(COMMANDS), 'unknown:event', '__proto__', 'toString', 'x'.repeat(200)];

      // The honest phone: posts, then reads its ideas, in a loop.
      const phone = await participant(suite.server.url, ev.event.joinCode, 'Honnête', ev.ateliers[1]!.id);
      open.push(phone.socket);
      const latencies: number[] = [];
      let posted = 0;
      const start = Date.now();
      const rssStart = process.memoryUsage().rss;
      let rssMax = rssStart;
      const honest = (async () => {
        while (Date.now() - start < FUZZ_MS) {
          const t0 = Date.now();
          const ack = await call<{ idea: { id: string } }>(phone.socket, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[1]!.id, text: `Idée honnête ${posted}` }, PHONE_MAX_MS + 2000);
          latencies.push(Date.now() - t0);
          expect(ack.ok).toBe(true);
          posted++;
          must(await call(phone.socket, C.myIdeas, { atelierId: ev.ateliers[1]!.id }, PHONE_MAX_MS + 2000));
          await new Promise((r) => setTimeout(r, 100));
        }
      })();

      // Hostile socket.io clients: one of each kind, reconnected when the server closes them.
      const internal: string[] = [];
      let sent = 0;
      const kinds = ['anonymous', 'participant', 'facilitator', 'poster'] as const;
      const attacker = async (kind: (typeof kinds)[number]) => {
        let s: Client | null = null;
        while (Date.now() - start < FUZZ_MS) {
          if (!s?.connected) {
            s = await connect(suite.server.url).catch(() => null);
            if (!s) continue;
            open.push(s);
            if (kind === 'participant') await call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: `F${gen.int(1e6)}` });
            if (kind === 'facilitator') await call(s, C.facilitatorAuth, { token: ev.adminToken });
            if (kind === 'poster') await call(s, C.subscribePosters, { token: joiner.join.token });
          }
          const event = gen.pick(events);
          const payload = gen.payload(event);
          sent++;
          if (rand() < 0.2 || !(event in COMMANDS)) {
            // No ack callback, or extra arguments: executed, never answered, never a crash.
            (s as unknown as { emit(...a: unknown[]): void }).emit(event, payload, gen.value(0), gen.value(0));
            continue;
          }
          const ack = await call(s, event, payload, 2000).catch(() => null);
          if (ack && !ack.ok && ack.error.code === 'INTERNAL') internal.push(`${event} ${JSON.stringify(payload).slice(0, 200)}`);
          rssMax = Math.max(rssMax, process.memoryUsage().rss);
        }
      };

      // Hostile HTTP: malformed URLs, methods, headers and bodies.
      let httpSent = 0;
      const serverErrors: string[] = [];
      const routes = (Object.values(API) as unknown[]).filter((v): v is string => typeof v === 'string');
      const encode = (v: string) => {
        try {
          return encodeURIComponent(v);
        } catch {
          return '%ED%A0%80'; // a lone surrogate, as raw bytes
        }
      };
      const httpAttacker = async () => {
        while (Date.now() - start < FUZZ_MS) {
          const route = gen.pick(routes).replace(/:[A-Za-z]+/g, () => gen.pick(['%E0%A4%A', '%', '%zz', '..%2F..', encode(gen.str()), gen.pick(known.uuids), 'x'.repeat(gen.int(3000))]));
          const method = gen.pick(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD']);
          const headers: Record<string, string> = {};
          if (rand() < 0.5) headers.authorization = gen.pick([`Bearer ${gen.pick(known.tokens)}`, 'Bearer', 'Basic x', `Bearer ${'a'.repeat(5000)}`]);
          if (rand() < 0.5) headers['content-type'] = gen.pick(['application/json', 'image/png', 'text/plain', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', '']);
          if (rand() < 0.2) headers['x-forwarded-proto'] = gen.pick(['https', 'gopher', '']);
          if (rand() < 0.2) headers.origin = gen.pick(['https://evil.example', 'null', '%']);
          if (rand() < 0.1) headers['accept-language'] = gen.str().replace(/[^\x20-\x7e]/g, '');
          const body = method === 'GET' || method === 'HEAD' ? undefined : gen.pick([JSON.stringify(gen.value(0)), '{"name":', '\u0000\u0001', Buffer.from(Array.from({ length: gen.int(2048) }, () => gen.int(256))), '[]', 'null']);
          const query = rand() < 0.3 ? `?width=${gen.pick(['4000', '1e9', '-1', '%', 'NaN', '8000'])}` : '';
          const status = await rawHttp(suite.server.url, method, route + query, headers, body);
          httpSent++;
          if (status >= 500 && status !== 503) serverErrors.push(`${method} ${route}${query} → ${status}`);
        }
      };

      await Promise.all([honest, ...kinds.map(attacker), attacker('anonymous'), httpAttacker(), httpAttacker()]);
      const sorted = [...latencies].sort((a, b) => a - b);
      const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
      const health = await fetch(suite.server.url + API.health);
      console.log(
        `[fuzz:socket.io+http] seed ${SEED}, ${FUZZ_MS} ms: ${sent} socket.io messages, ${httpSent} HTTP requests, ${posted} honest posts, phone p99 ${p99} ms, max ${sorted.at(-1)} ms, RSS +${((rssMax - rssStart) / 2 ** 20).toFixed(0)} MB`,
      );
      expect(internal).toEqual([]);
      expect(serverErrors).toEqual([]);
      expect(health.status).toBe(200);
      expect(posted).toBeGreaterThan(0);
      expect(sorted.at(-1)!).toBeLessThan(PHONE_MAX_MS);
      expect((rssMax - rssStart) / 2 ** 20).toBeLessThan(RSS_GROWTH_MB);
    },
    FUZZ_MS + 40_000,
  );
});
