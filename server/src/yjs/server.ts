import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { YJS_PATH, PROTOCOL_VERSION } from '@semis/shared';
import { AppError, asAppError, errorBody, httpStatus } from '../errors';
import { originAllowed, type OriginPolicy } from '../http/origin';
import type { BoardRegistry } from './registry';
import { YjsConnection, type ConnectionLimits } from './connection';
import { SubjectBudgets, type SubjectLimits } from './budget';
import { yieldIfBusy } from '../limits/loopSlice';

export interface YjsServerOptions {
  registry: BoardRegistry;
  /** Decides at the HTTP upgrade who may read or write a board; throws AppError to refuse. */
  authorize: (token: string | null, boardId: string) => Promise<{ canWrite: boolean; subject: string; role: string }>;
  maxMessageBytes: number;
  limits: ConnectionLimits;
  /** Budgets shared by all the connections of one participant (or one event's facilitators). */
  subjectLimits: (role: string) => SubjectLimits;
  /** Ping period of the heartbeat that drops dead connections. */
  heartbeatMs: number;
  /** Origins browsers may connect from, besides the one we are served from (socket.io's too). */
  origins: OriginPolicy;
  log: (msg: string) => void;
}

/** Board ids are UUIDs (tests and older data use other short ids): anything else is refused
 * before it reaches the database. */
const BOARD_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Reads `/yjs/<boardId>?token=…[&protocol=N]`; throws AppError('BAD_REQUEST') on anything malformed
 * (bad percent-escapes included), PROTOCOL_MISMATCH for another client version — never anything else. */
function parseTarget(rawUrl: string): { boardId: string; token: string | null } {
  let url: URL;
  let boardId: string;
  try {
    url = new URL(rawUrl, 'http://x');
    boardId = decodeURIComponent(url.pathname.slice(YJS_PATH.length + 1));
    // URLSearchParams reads a bad percent-escape leniently (`token=%ZZ` → "%ZZ", then 401):
    // a malformed query is refused as one, like a malformed path.
    for (const part of url.search.slice(1).split('&')) decodeURIComponent(part);
  } catch {
    throw new AppError('BAD_REQUEST');
  }
  if (!BOARD_ID.test(boardId)) throw new AppError('BAD_REQUEST');
  const protocol = url.searchParams.get('protocol');
  if (protocol !== null && protocol !== String(PROTOCOL_VERSION)) throw new AppError('PROTOCOL_MISMATCH');
  const tokens = url.searchParams.getAll('token');
  if (tokens.length > 1 || (tokens[0]?.length ?? 0) > 512) throw new AppError('BAD_REQUEST');
  return { boardId, token: tokens[0] ?? null };
}

/**
 * Our y-websocket-protocol endpoint: `ws(s)://host/yjs/<boardId>?token=…`, compatible with the
 * official WebsocketProvider. Attached with noServer so socket.io keeps its own upgrades.
 */
export function attachYjsServer(http: Server, opts: YjsServerOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes });
  const connections = new Set<YjsConnection>();
  /** Who each connection belongs to (participant id, or the event for facilitators). */
  const subjects = new WeakMap<YjsConnection, string>();
  const budgets = new SubjectBudgets(opts.subjectLimits);
  const heartbeat = setInterval(() => {
    for (const c of [...connections]) {
      try {
        c.heartbeat();
      } catch (err) {
        opts.log(`board ${c.boardId}: heartbeat failed: ${String(err)}`);
        c.close(1011, 'internal error');
      }
    }
  }, opts.heartbeatMs);
  heartbeat.unref();

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const { boardId, token } = parseTarget(req.url ?? '/');
    if (!originAllowed(req, opts.origins)) throw new AppError('FORBIDDEN');
    // A crowd opening the board at once: each upgrade waits for a turn with time left.
    await yieldIfBusy();
    const { canWrite, subject, role } = await opts.authorize(token, boardId);
    const budget = budgets.open(subject, role);
    if (!budget) throw new AppError('RATE_LIMITED');
    let room;
    try {
      room = await opts.registry.acquire(boardId);
    } catch (err) {
      budgets.close(budget);
      opts.log(`board ${boardId}: load failed: ${String(err)}`);
      // A database that does not answer is UNAVAILABLE (503, retry), as on every channel.
      throw asAppError(err);
    }
    const release = () => {
      budgets.close(budget);
      opts.registry.release(boardId);
    };
    // The client hung up while we authorized or loaded (a phone losing the network, a provider
    // disconnecting mid-handshake). The HTTP server leaves an upgraded socket half-open: ended
    // by us or never — one descriptor leaked each time, and a shutdown waiting on it for good.
    if (!socket.readable || !socket.writable) {
      socket.destroy();
      return release();
    }
    // ws drops a socket that closes from here on, or a handshake it finds invalid (a bad
    // Sec-WebSocket-Key…), without calling back: release those ourselves.
    let adopted = false;
    socket.once('close', () => adopted || release());
    const adopt = (ws: WebSocket) => {
      adopted = true;
      try {
        const conn = new YjsConnection(ws, room, canWrite, opts.limits, budget, opts.log, () => {
          connections.delete(conn);
          release();
        });
        connections.add(conn);
        subjects.set(conn, subject);
      } catch (err) {
        opts.log(`board ${boardId}: connection failed: ${String(err)}`);
        ws.terminate();
        release();
      }
    };
    // The 101 answer and the greeting (SyncStep1) leave in one write, not two: a thousand
    // phones opening their board make a thousand write calls fewer (~15–50 µs each here).
    socket.cork();
    try {
      wss.handleUpgrade(req, socket, head, adopt);
    } finally {
      socket.uncork();
    }
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!(req.url ?? '').startsWith(YJS_PATH + '/')) return; // socket.io's, or refused in app.ts
    socket.on('error', () => socket.destroy());
    upgrade(req, socket, head).catch((err: unknown) => {
      if (!(err instanceof AppError)) opts.log(`yjs upgrade failed: ${String(err)}`);
      refuse(socket, err);
    });
  });

  return {
    connections,
    /** Bytes queued on every /yjs socket together (what backpressure bounds). */
    bufferedBytes(): number {
      let n = 0;
      for (const c of connections) n += c.buffered;
      return n;
    },
    /** Closes every connection of one subject (a participant just blocked). */
    closeSubject(subject: string, code: number, reason: string) {
      for (const c of [...connections]) if (subjects.get(c) === subject) c.close(code, reason);
    },
    /** Closes every connection to these boards, e.g. so writers reconnect with new rights. */
    closeBoards(boardIds: ReadonlySet<string>, code: number, reason: string) {
      for (const c of [...connections]) if (boardIds.has(c.boardId)) c.close(code, reason);
    },
    close(code: number, reason: string) {
      for (const c of [...connections]) c.close(code, reason);
      budgets.stop();
      clearInterval(heartbeat);
      wss.close();
    },
  };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' };

function refuse(socket: Duplex, err: unknown): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: errorBody(err) });
  const status = httpStatus(err);
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
