import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import WS from 'ws';
import { afterAll, beforeAll } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import { io as ioClient, type Socket } from 'socket.io-client';
import { API, C, SOCKET_PATH, YJS_PATH, type Ack, type CreateEventResult, type ClientToServerEvents, type IdeaView, type JoinResult, type ServerToClientEvents } from '@semis/shared';
import { createSemisServer, type SemisServer } from '../../server/src/app';
import type { Config } from '../../server/src/config';

export interface TestServer {
  semis: SemisServer;
  url: string;
  dataDir: string;
  /** Stops gracefully and starts a new server on the same data (new port). */
  restart(): Promise<TestServer>;
  stop(): Promise<void>;
}

/**
 * One real server for a test file or `describe`, and what its tests open on it (`open`,
 * `boards`), all closed after it. Call at the top; `server` is valid inside tests, and is the
 * new one after `restart()` (same data, new port).
 */
export function useServer(opts: Parameters<typeof startServer>[0] = {}): { readonly server: TestServer; open: Client[]; boards: BoardClient[]; restart(): Promise<TestServer> } {
  let server: TestServer | undefined;
  const open: Client[] = [];
  const boards: BoardClient[] = [];
  beforeAll(async () => {
    server = await startServer(opts);
  });
  closeAfterAll(open, boards, async () => server?.stop());
  return {
    get server() {
      return server!;
    },
    open,
    boards,
    async restart() {
      server = await server!.restart();
      return server;
    },
  };
}

/**
 * For a file or `describe` whose tests start their own servers (each with its config): `start`
 * them here, and they are stopped after it, with what its tests open on them. `after(fn)` runs
 * `fn` once they are all stopped, last registered first: for what the servers use and must
 * outlive them (a PostgreSQL schema to drop, a Redis or proxy to stop). In one hook with the
 * stops, because Vitest runs a scope's afterAll hooks in reverse order of registration.
 */
export function useServers(): { start(opts?: Parameters<typeof startServer>[0]): Promise<TestServer>; after(fn: () => Promise<unknown>): void; open: Client[]; boards: BoardClient[] } {
  const servers: TestServer[] = [];
  const open: Client[] = [];
  const boards: BoardClient[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  closeAfterAll(open, boards, async () => {
    for (const s of servers) await s.stop();
  }, cleanups);
  return {
    open,
    boards,
    after(fn) {
      cleanups.push(fn);
    },
    async start(opts = {}) {
      const server = await startServer(opts);
      servers.push(server);
      return server;
    },
  };
}

/** After the scope: its boards and sockets closed, then `stop` (its servers or processes), then
 * the cleanups, last registered first. */
export function closeAfterAll(open: Client[], boards: BoardClient[], stop: () => Promise<unknown>, cleanups: (() => unknown)[] = []): void {
  afterAll(async () => {
    for (const b of boards) b.destroy();
    for (const s of open) s.disconnect();
    await stop();
    for (const fn of [...cleanups].reverse()) await fn();
  });
}

/** A real Semis server on port 0 with its own embedded database (or DATABASE_URL when given). */
export async function startServer(opts: { dataDir?: string; databaseUrl?: string; config?: Partial<Config> } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'semis-test-'));
  const semis = await createSemisServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: opts.databaseUrl,
    clientDir: undefined,
    boardIdleMs: 60_000,
    persistDebounceMs: 20,
    sqliteSynchronous: 'FULL',
    log: () => {},
    ...opts.config,
  });
  const url = await semis.listen();
  const server: TestServer = {
    semis,
    url,
    dataDir,
    stop: () => semis.close(),
    async restart() {
      await semis.close();
      return startServer({ ...opts, dataDir });
    },
  };
  return server;
}

export async function api<T = unknown>(url: string, route: string, init: { method?: string; body?: unknown; token?: string; raw?: string } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(url + route, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** An event of `ateliers` ateliers, named "Atelier n" unless `titles` names the first ones. */
export async function createEvent(url: string, ateliers = 2, titles: string[] = []): Promise<CreateEventResult> {
  const { status, body } = await api<CreateEventResult>(url, API.createEvent, {
    body: {
      name: 'Soirée test',
      date: '2026-06-08',
      place: 'Aromas',
      ateliers: Array.from({ length: ateliers }, (_, i) => ({ title: titles[i] ?? `Atelier ${i + 1}`, theme: 'tourisme', question: 'Quels besoins ?' })),
    },
  });
  if (status !== 201) throw new Error(`createEvent: ${status} ${JSON.stringify(body)}`);
  return body;
}

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function connect(url: string): Promise<Client> {
  const socket: Client = ioClient(url, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Emits a command and resolves with its ack (rejects if none comes in time). */
export function call<T = unknown>(socket: Client, event: string, payload: unknown, timeoutMs = 5000): Promise<Ack<T>> {
  // socket.io rejects from its own internals (a timeout, a closed socket): the stack would not
  // say which command of the test it was, so the failure carries the caller's.
  const site = new Error(`${event} failed`);
  return (socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> }).emitWithAck(event, payload).catch((err: unknown) => {
    site.message = `${event}: ${err instanceof Error ? err.message : String(err)}`;
    throw site;
  });
}

export function must<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

export interface BoardClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  destroy(): void;
}

/** The official y-websocket provider, as browsers use it, on a board document. */
export function openBoard(url: string, boardId: string, token: string): BoardClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws') + YJS_PATH, boardId, doc, {
    WebSocketPolyfill: WS as unknown as typeof WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 500,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (s: boolean) => s && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Boards opened at once on one board, one per token, once all are synced (the caller destroys them). */
export async function syncedBoards<T extends string[]>(url: string, boardId: string, ...tokens: T): Promise<{ [K in keyof T]: BoardClient }> {
  const boards = tokens.map((token) => openBoard(url, boardId, token));
  await Promise.all(boards.map((b) => b.synced));
  return boards as { [K in keyof T]: BoardClient };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server's copy of a board document satisfies `check` (a client's write has
 * reached it), instead of sleeping for a guessed while. */
export function untilServerDoc(server: TestServer, boardId: string, check: (doc: import('yjs').Doc) => boolean, what = 'board write on the server'): Promise<void> {
  return waitFor(() => server.semis.registry.use(boardId, (room) => check(room.doc)), 5000, what);
}

/** A facilitator connection (admin or co-facilitator token), authenticated. */
export async function facilitator(url: string, token: string): Promise<Client> {
  const socket = await connect(url);
  must(await call(socket, C.facilitatorAuth, { token }));
  return socket;
}

/** A new event and its admin's facilitator socket, which closes with the suite's (`useServer`). */
export async function eventWithAdmin(suite: { readonly server: TestServer; open: Client[] }, ateliers = 2): Promise<{ ev: CreateEventResult; admin: Client }> {
  const ev = await createEvent(suite.server.url, ateliers);
  const admin = await facilitator(suite.server.url, ev.adminToken);
  suite.open.push(admin);
  return { ev, admin };
}

/** A participant who joined (entering no atelier), posted one idea in the first atelier and
 * left: their token and the idea remain, for tests of the board channel. */
export async function postedIdea(url: string, ev: CreateEventResult, text: string): Promise<{ participant: JoinResult; ideaId: string }> {
  const s = await connect(url);
  const participant = must(await call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: 'Léa' }));
  const ideaId = must(await call<{ idea: IdeaView }>(s, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, text })).idea.id;
  s.disconnect();
  return { participant, ideaId };
}

/** A participant that joined the event and entered an atelier. */
export async function participant(url: string, code: string, pseudonym: string, atelierId: string): Promise<{ socket: Client; join: JoinResult }> {
  const socket = await connect(url);
  const join = must(await call<JoinResult>(socket, C.join, { code, pseudonym }));
  must(await call(socket, C.enterAtelier, { atelierId }));
  return { socket, join };
}

/** Everything a socket receives, in order, to inspect what actually reached a client. */
export function record(socket: Client): { event: string; args: unknown[] }[] {
  const seen: { event: string; args: unknown[] }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push({ event, args }));
  return seen;
}
