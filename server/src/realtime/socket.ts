import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { Server } from 'socket.io';
import { pickLanguage, PROTOCOL_VERSION, SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@semis/shared';
import { AppError, errorBody } from '../errors';
import type { IdeaDeps } from '../services/ideas';
import { commandListener, initSocketData, type SemisSocket, type SocketData } from './command';
import { facilitatorCommands, type FacilitatorDeps } from './facilitator';
import { participantCommands } from './participant';
import { posterCommands } from './posters';
import type { JoinGuard } from '../limits/joinGuard';
import type { EventSeats } from '../limits/eventSeats';
import { yieldIfBusy } from '../limits/loopSlice';
import { guardOutput } from './outputGuard';

export type SemisIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** `allowRequest` sees each handshake (polling and WebSocket): the Origin check goes there. */
export function createSocketServer(http: HttpServer, allowRequest: (req: IncomingMessage) => boolean = () => true): SemisIo {
  const others = new Set(http.listeners('upgrade'));
  const io: SemisIo = new Server(http, {
    allowRequest: (req, callback) => callback(null, allowRequest(req)),
    path: SOCKET_PATH,
    // Our y-websocket endpoint shares the HTTP server: socket.io must leave its upgrades alone.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 25_000,
  });
  // Every connection, polling or WebSocket: a client that stops reading is closed, not fed.
  io.engine.on('connection', guardOutput);
  // Doors open: hundreds of WebSocket handshakes reach one poll phase. Like the board's
  // upgrades (yjs/server.ts), each waits for a turn of the loop with time left.
  for (const engineUpgrade of http.listeners('upgrade')) {
    if (others.has(engineUpgrade)) continue;
    http.off('upgrade', engineUpgrade as never);
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // Node took its own error listener off the socket: a reset while waiting must not throw.
      socket.on('error', () => socket.destroy());
      void yieldIfBusy().then(() => {
        if (socket.destroyed) return;
        // The 101 answer and engine.io's open packet leave in one write, not two: engine.io
        // sends the packet after an await (its id), so the socket is uncorked once the
        // microtasks queued here have run.
        socket.cork();
        try {
          engineUpgrade.call(http, req, socket, head);
        } finally {
          process.nextTick(() => socket.uncork());
        }
      });
    });
  }
  return io;
}

/** The one connection handler: each role's command table, parsed and acked by `command`. */
export function registerCommands(io: SemisIo, deps: IdeaDeps & FacilitatorDeps & { joinGuard: JoinGuard; seats: EventSeats }): void {
  // A page built for another protocol must reload; clients that send no version (raw ones
  // written from docs/protocol.md) are taken as current.
  io.use((socket, next) => {
    const sent = (socket.handshake.auth as { protocol?: unknown } | undefined)?.protocol;
    if (sent === undefined || sent === PROTOCOL_VERSION) return next();
    const refusal = new Error('PROTOCOL_MISMATCH') as Error & { data: unknown };
    refusal.data = errorBody(new AppError('PROTOCOL_MISMATCH'), pickLanguage(socket.handshake.headers['accept-language']));
    next(refusal);
  });
  // Built once: a connection holds one listener for every command, and one for its end.
  const commands = commandListener(participantCommands(deps), facilitatorCommands(deps), posterCommands(deps));
  function disconnected(this: SemisSocket): void {
    const eventId = this.data.participant?.eventId;
    if (eventId) deps.broadcast.dashboardChanged(eventId);
  }
  io.on('connection', (socket: SemisSocket) => {
    // `auth` is whatever JSON object the client sent: `lang` may be anything.
    const lang = (socket.handshake.auth as { lang?: unknown } | undefined)?.lang;
    initSocketData(socket, pickLanguage(typeof lang === 'string' ? lang : socket.handshake.headers['accept-language']));
    socket.onAny(commands);
    socket.on('disconnect', disconnected);
  });
}
