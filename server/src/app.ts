import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { API, WS_CLOSE } from '@semis/shared';
import type { Config } from './config';
import { GroupingPool } from './grouping/pool';
import { FoldPool } from './yjs/fold-pool';
import { openStorage } from './storage/index';
import type { Storage } from './storage/types';
import { apiRouter } from './http/api';
import { lastErrorHandler, notFound, rateLimitByToken, rateLimitShared, securityHeaders } from './http/hardening';
import { originAllowed } from './http/origin';
import { JoinGuard } from './limits/joinGuard';
import { EventSeats } from './limits/eventSeats';
import { clientRouter } from './http/static';
import { createSocketServer, registerCommands, type SemisIo } from './realtime/socket';
import { Broadcaster } from './realtime/broadcast';
import { rooms } from './realtime/rooms';
import { dashboard } from './services/dashboard';
import type { EveningDeps } from './services/phases';
import { BoardRegistry } from './yjs/registry';
import { attachYjsServer } from './yjs/server';
import { CONNECTION_LIMITS, HEARTBEAT_MS, MAX_YJS_MESSAGE, subjectLimits } from './yjs/limits';
import { authorizeBoard, findBoard } from './services/access';
import { posterRouter } from './http/posters';
import { exportsRouter } from './http/exports';
import { reconcileBoard } from './services/ideas';
import { joinCluster, type Cluster } from './cluster/redis';
import { chooseBaseUrl, lanAddresses, type BaseUrl } from './http/baseUrl';
import { Presentations } from './services/present';
import { startRetention } from './services/retention';

export interface SemisServer {
  http: http.Server;
  storage: Storage;
  registry: BoardRegistry;
  io: SemisIo;
  yjs: ReturnType<typeof attachYjsServer>;
  /** Base URL once listening (e.g. http://127.0.0.1:41234). */
  url: string;
  /** Where phones reach us without a request to go by (what the terminal prints). */
  joinBase(): BaseUrl;
  listen(): Promise<string>;
  /** Graceful stop: refuse new work, flush every board, close storage. */
  close(): Promise<void>;
}

export { MAX_YJS_MESSAGE, MAX_DOC_BYTES } from './yjs/limits';

/** HTTP budgets per bearer token (never per IP); event creation is anonymous, hence tight. */
export const HTTP_RATES = {
  api: { token: { burst: 120, perSecond: 20 }, anonymous: { burst: 1000, perSecond: 200 } },
  // No token is taken: one bucket for everyone.
  createEvent: { burst: 20, perSecond: 0.5 },
} as const;

export async function createSemisServer(config: Config): Promise<SemisServer> {
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema, sqliteSynchronous: config.sqliteSynchronous });
  let cluster: Cluster | null = null;
  const now = config.now ?? (() => new Date().toISOString());

  const folder = new FoldPool();
  const registry = new BoardRegistry({
    storage,
    folder,
    idleMs: config.boardIdleMs,
    debounceMs: config.persistDebounceMs,
    log: config.log,
    boardKind: async (boardId) => (await findBoard(storage, boardId))?.kind ?? 'mur',
    reconcile: (room) => reconcileBoard(storage, room),
    onOpen: (room) => void cluster?.relay.attach(room),
    onClose: (room) => void cluster?.relay.detach(room),
  });

  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-* believed only when TRUST_PROXY says a proxy sets them (else links could be forged).
  app.set('trust proxy', config.trustProxy ?? false);
  app.use(securityHeaders());
  const server = http.createServer(app);
  let baseUrl = '';
  // Computed per request: the venue Wi-Fi may come up after the server started.
  const joinBase = (protocol?: string, host?: string): BaseUrl =>
    chooseBaseUrl({
      publicUrl: config.publicUrl,
      protocol,
      host,
      listenHost: config.host,
      port: (server.address() as AddressInfo | null)?.port ?? config.port,
      lan: config.lanAddresses?.() ?? lanAddresses(os.networkInterfaces()),
    });
  const originPolicy = { publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins, trustProxy: config.trustProxy };
  const io = createSocketServer(server, (req) => originAllowed(req, originPolicy));
  const broadcast = new Broadcaster(io, (eventId) => dashboard(evening, eventId), config.log, config.dashboardEveryMs);
  const joinGuard = new JoinGuard(config.log);
  app.post(API.createEvent, rateLimitShared(HTTP_RATES.createEvent));
  // Importing an archive creates an event too, and its checks cost the loop ~0.5 s per 30 MB.
  app.post(API.importEvent, rateLimitShared(HTTP_RATES.createEvent));
  app.use('/api', rateLimitByToken(HTTP_RATES.api, async (hash) => (await storage.findTokenOwner(hash)) !== null));
  // Before apiRouter, whose catch-all answers 404 for any other /api path.
  app.use(posterRouter({ storage, registry, now, log: config.log, broadcast }));
  app.use(exportsRouter({ storage, registry, now, log: config.log, dropEvent: (eventId, boardIds) => dropEverywhere({ kind: 'deleted', eventId, boardIds }), reviveBoards: (boardIds) => reviveEverywhere(boardIds), publicUrl: (req) => joinBase(req.protocol, req.get('host')).url }));
  app.use(apiRouter({ storage, baseUrl: (req) => joinBase(req.protocol, req.get('host')), now, joinGuard, redisState: () => cluster?.redisState() ?? 'off' }));
  app.use(clientRouter(config.clientDir, config.log));
  // What no route answered (a missing /assets file, POST to a page): our JSON 404, not
  // Express' HTML page echoing the path.
  app.use(notFound);
  app.use(lastErrorHandler);

  const grouping = new GroupingPool();
  const evening: EveningDeps = {
    storage, registry, broadcast, now, grouping, folder,
    connectedCounts: (ids) => connectedCounts(io, ids),
    reconnectBoardsOf: (atelierIds) => {
      void reconnectBoardsLocally(atelierIds);
      if (cluster) io.serverSideEmit(RECONNECT_BOARDS as never, atelierIds as never);
    },
  };
  if (config.redisUrl) {
    try {
      cluster = await joinCluster(config.redisUrl, io, config.log);
    } catch (err) {
      await storage.close();
      throw err;
    }
  }
  const yjs = attachYjsServer(server, {
    registry,
    authorize: (token, boardId) => authorizeBoard(storage, token, boardId),
    maxMessageBytes: MAX_YJS_MESSAGE,
    limits: { ...CONNECTION_LIMITS, ...config.yjsLimits },
    subjectLimits,
    heartbeatMs: config.yjsHeartbeatMs ?? HEARTBEAT_MS,
    origins: originPolicy,
    log: config.log,
  });
  const RECONNECT_BOARDS = 'semis:reconnect-boards';
  const reconnectBoardsLocally = async (atelierIds: string[]) => {
    const ateliers = new Set(atelierIds);
    const walls = await Promise.all(atelierIds.map((id) => storage.getAtelier(id)));
    const boards = new Set(walls.flatMap((a) => (a ? [a.boardId] : [])));
    const eventIds = new Set(walls.flatMap((a) => (a ? [a.eventId] : [])));
    for (const eventId of eventIds) for (const b of await storage.posters.listBoards(eventId)) if (ateliers.has(b.atelierId)) boards.add(b.id);
    yjs.closeBoards(boards, WS_CLOSE.RIGHTS_CHANGED, 'rights changed');
  };
  io.on(RECONNECT_BOARDS as never, ((ids: string[]) => void reconnectBoardsLocally(ids)) as never);
  // What a purge or a deletion on one process asks of every process (services/retention.ts, rgpd.ts).
  const DROP = 'semis:drop';
  const dropLocally = async (drop: Drop) => {
    const gone = drop.kind === 'deleted';
    const subjects = gone ? [rooms.event(drop.eventId)] : drop.participantIds.map(rooms.participant);
    // Closing the transport (not a socket.io disconnect) makes clients reconnect by themselves
    // and find their token void: phones show the pseudonym form, consoles their error.
    const here = new Set(subjects.flatMap((room) => [...(io.sockets.adapter.rooms.get(room) ?? [])]));
    for (const id of here) io.sockets.sockets.get(id)?.conn.close();
    yjs.closeBoards(new Set(drop.boardIds), gone ? WS_CLOSE.NOT_FOUND : WS_CLOSE.RIGHTS_CHANGED, gone ? 'event deleted' : 'pseudonyms purged');
    if (gone) await registry.discard(drop.boardIds);
  };
  io.on(DROP as never, ((drop: Drop, ack?: () => void) => void dropLocally(drop).finally(() => ack?.())) as never);
  /** Runs `local` here and on every other process; resolves once those that answer within
   * DROP_ACK_MS have done it too. */
  const everywhere = async <T>(name: string, payload: T, local: (p: T) => Promise<void>) => {
    if (cluster) {
      // The adapter gives up on silent processes after its own delay; ours bounds the wait anyway.
      const others = new Promise<void>((resolve) => {
        setTimeout(resolve, DROP_ACK_MS).unref();
        io.serverSideEmit(name as never, payload as never, (() => resolve()) as never);
      });
      await Promise.all([local(payload), others]);
    } else await local(payload);
  };
  const dropEverywhere = (drop: Drop) => everywhere(DROP, drop, dropLocally);
  // An imported event's boards, which a deletion may have discarded on every process.
  const REVIVE = 'semis:revive';
  const reviveLocally = async (boardIds: string[]) => registry.revive(boardIds);
  io.on(REVIVE as never, ((boardIds: string[], ack?: () => void) => void reviveLocally(boardIds).finally(() => ack?.())) as never);
  const reviveEverywhere = (boardIds: string[]) => everywhere(REVIVE, boardIds, reviveLocally);
  const CLOSE_BOARDS = 'semis:close-boards';
  const closeBoardsLocally = (participantId: string) => yjs.closeSubject(participantId, WS_CLOSE.FORBIDDEN, 'blocked');
  io.on(CLOSE_BOARDS as never, closeBoardsLocally as never);
  registerCommands(io, {
    ...evening,
    joinGuard,
    seats: new EventSeats((eventId) => storage.countParticipants(eventId), config.participantsPerEvent),
    publicUrl: (host, secure) => joinBase(secure ? 'https' : 'http', host).url,
    presentations: new Presentations(cluster?.presentStore),
    closeBoardsOf: (participantId) => {
      closeBoardsLocally(participantId);
      // Other processes (with Redis) close theirs too.
      if (cluster) io.serverSideEmit(CLOSE_BOARDS as never, participantId as never);
    },
  });

  const retention = startRetention({
    storage, registry, now, log: config.log,
    disconnect: (eventId, participantIds, boardIds) => dropEverywhere({ kind: 'purged', eventId, participantIds, boardIds }),
  }, config.retentionSweepMs ?? 60_000);

  // Anything else asking to upgrade (not socket.io, not /yjs/…) is refused rather than left hanging.
  server.on('upgrade', (req, socket) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith('/socket.io') && !path.startsWith('/yjs/')) socket.destroy();
  });

  let closing: Promise<void> | null = null;
  return {
    http: server,
    storage,
    registry,
    io,
    yjs,
    get url() {
      return baseUrl;
    },
    joinBase: () => joinBase(),
    listen() {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const addr = server.address() as AddressInfo;
          const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
          baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
          resolve(baseUrl);
        });
      });
    },
    close() {
      closing ??= (async () => {
        await retention.stop();
        broadcast.close();
        yjs.close(WS_CLOSE.SHUTTING_DOWN, 'server shutting down');
        await new Promise<void>((resolve) => io.close(() => resolve()));
        server.closeAllConnections?.();
        await registry.closeAll();
        await cluster?.close();
        await grouping.close();
        await folder.close();
        await storage.close();
      })();
      return closing;
    },
  };
}

/** Connections to end on every process: a purge's phones and boards, or a deleted event's all. */
type Drop = { kind: 'purged'; eventId: string; participantIds: string[]; boardIds: string[] } | { kind: 'deleted'; eventId: string; boardIds: string[] };
/** How long a deletion or a purge waits for the other processes to drop the event's connections. */
const DROP_ACK_MS = 5000;

/** Participants present per atelier, counted from socket.io rooms (across processes). */
async function connectedCounts(io: SemisIo, atelierIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (atelierIds.length === 0) return counts;
  const sockets = await io.in(atelierIds.map(rooms.present)).fetchSockets();
  for (const s of sockets) {
    for (const room of s.rooms) if (room.startsWith('present:')) counts.set(room.slice(8), (counts.get(room.slice(8)) ?? 0) + 1);
  }
  return counts;
}
