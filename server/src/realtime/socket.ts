import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { C, enterAtelierPayload, myIdeasPayload, pickLanguage, SOCKET_PATH, timeSyncPayload, type ClientToServerEvents, type ServerToClientEvents } from '@semis/shared';
import { AppError } from '../errors';
import type { ParticipantRecord } from '../storage/types';
import { join, publicParticipant } from '../services/participants';
import { deleteIdea, editIdea, parse, postIdea, type IdeaDeps } from '../services/ideas';
import { ideaView } from '../services/views';
import { castDot, getVote, rate } from '../services/votes';
import { command, initSocketData, type SemisSocket, type SocketData } from './command';
import { registerFacilitatorCommands, type FacilitatorDeps } from './facilitator';
import { rooms } from './rooms';
import { hashToken } from '../auth/tokens';
import { isFailedGuess, type JoinGuard } from '../limits/joinGuard';

export type SemisIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** `allowRequest` sees each handshake (polling and WebSocket): the Origin check goes there. */
export function createSocketServer(http: HttpServer, allowRequest: (req: IncomingMessage) => boolean = () => true): SemisIo {
  return new Server(http, {
    allowRequest: (req, callback) => callback(null, allowRequest(req)),
    path: SOCKET_PATH,
    // Our y-websocket endpoint shares the HTTP server: socket.io must leave its upgrades alone.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 25_000,
  });
}

/** socket.io commands: each one parses its payload, calls a service, and acks exactly once. */
export function registerCommands(io: SemisIo, deps: IdeaDeps & FacilitatorDeps & { joinGuard: JoinGuard }): void {
  io.on('connection', (socket: SemisSocket) => {
    initSocketData(socket, pickLanguage((socket.handshake.auth as { lang?: string })?.lang ?? socket.handshake.headers['accept-language']));

    command(socket, C.timeSync, async (payload) => ({ t: parse(timeSyncPayload, payload).t, serverTime: Date.now() }));

    command(socket, C.join, async (payload) => {
      const token = (payload as { token?: unknown } | null)?.token;
      deps.joinGuard.check(socket, typeof token === 'string' ? hashToken(token) : undefined);
      const { result, participant } = await join(deps.storage, payload, deps.now()).catch((err: unknown) => {
        // A wrong code or token slows this connection down, and closes it after too many.
        if (isFailedGuess(err) && deps.joinGuard.failed(socket)) setTimeout(() => socket.disconnect(true), 50);
        throw err;
      });
      deps.joinGuard.succeeded(socket);
      if (socket.data.participant && socket.data.participant.id !== participant.id) leaveAll(socket);
      socket.data.participant = participant;
      await socket.join([rooms.participant(participant.id), rooms.event(participant.eventId)]);
      return result;
    });

    command(socket, C.enterAtelier, async (payload) => {
      const me = await currentParticipant(deps, socket);
      const { atelierId } = parse(enterAtelierPayload, payload);
      const atelier = await deps.storage.getAtelier(atelierId);
      if (!atelier || atelier.eventId !== me.eventId) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
      await deps.storage.updateParticipant(me.id, { atelierId: atelier.id });
      me.atelierId = atelier.id;
      for (const r of socket.rooms) if (r.startsWith('atelier:') || r.startsWith('present:')) await socket.leave(r);
      await socket.join([rooms.atelier(atelier.id), rooms.present(atelier.id)]);
      deps.broadcast.dashboardChanged(atelier.eventId);
      return { atelier, participant: publicParticipant(me) };
    });

    command(socket, C.postIdea, async (payload) => postIdea(deps, await currentParticipant(deps, socket), payload));
    command(socket, C.editIdea, async (payload) => editIdea(deps, await currentParticipant(deps, socket), payload));
    command(socket, C.deleteIdea, async (payload) => deleteIdea(deps, await currentParticipant(deps, socket), payload));

    command(socket, C.myIdeas, async (payload) => {
      const me = await currentParticipant(deps, socket);
      const { atelierId } = parse(myIdeasPayload, payload);
      return { ideas: (await deps.storage.listAuthorIdeas(me.id, atelierId)).map(ideaView) };
    });

    command(socket, C.voteGet, async (payload) =>
      socket.data.facilitator ? getVote(deps, { role: 'facilitator', who: socket.data.facilitator }, payload) : getVote(deps, { role: 'participant', participant: await currentParticipant(deps, socket) }, payload),
    );
    command(socket, C.voteDot, async (payload) => castDot(deps, await currentParticipant(deps, socket), payload));
    command(socket, C.voteRate, async (payload) => rate(deps, await currentParticipant(deps, socket), payload));

    registerFacilitatorCommands(socket, deps);

    socket.on('disconnect', () => {
      const eventId = socket.data.participant?.eventId;
      if (eventId) deps.broadcast.dashboardChanged(eventId);
    });
  });
}

/** The participant of this connection, re-read so a block takes effect on the next command. */
async function currentParticipant(deps: IdeaDeps, socket: SemisSocket): Promise<ParticipantRecord> {
  const cached = socket.data.participant;
  if (!cached) throw new AppError('NOT_JOINED');
  const fresh = await deps.storage.getParticipant(cached.id);
  if (!fresh || fresh.blockedAt) throw new AppError('BLOCKED');
  socket.data.participant = fresh;
  return fresh;
}

function leaveAll(socket: SemisSocket): void {
  for (const r of socket.rooms) if (r !== socket.id) void socket.leave(r);
}
