import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { YJS_PATH, HTTP_STATUS } from '@semis/shared';
import { AppError, errorBody } from '../errors';
import type { BoardRegistry } from './registry';
import { YjsConnection, type ConnectionLimits } from './connection';

export interface YjsServerOptions {
  registry: BoardRegistry;
  /** Decides at the HTTP upgrade who may read or write a board; throws AppError to refuse. */
  authorize: (token: string | null, boardId: string) => Promise<{ canWrite: boolean; subject: string }>;
  maxMessageBytes: number;
  limits: ConnectionLimits;
  log: (msg: string) => void;
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

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(YJS_PATH + '/')) return; // socket.io's, or refused below
    socket.on('error', () => socket.destroy());
    const boardId = decodeURIComponent(url.pathname.slice(YJS_PATH.length + 1));
    const token = url.searchParams.get('token');
    void (async () => {
      let canWrite: boolean;
      let subject: string;
      try {
        ({ canWrite, subject } = await opts.authorize(token, boardId));
      } catch (err) {
        return refuse(socket, err);
      }
      let room;
      try {
        room = await opts.registry.acquire(boardId);
      } catch (err) {
        opts.log(`board ${boardId}: load failed: ${String(err)}`);
        return refuse(socket, new AppError('INTERNAL'));
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = new YjsConnection(ws, room, canWrite, opts.limits, () => {
          connections.delete(conn);
          opts.registry.release(boardId);
        });
        connections.add(conn);
        subjects.set(conn, subject);
      });
    })();
  });

  return {
    connections,
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
      wss.close();
    },
  };
}

function refuse(socket: Duplex, err: unknown): void {
  const body = JSON.stringify({ error: errorBody(err) });
  const status = err instanceof AppError ? HTTP_STATUS[err.code] : 500;
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Error'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
