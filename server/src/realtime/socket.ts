import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { C, S, enterAtelierPayload, myIdeasPayload, pickLanguage, SOCKET_PATH, type Ack, type ClientToServerEvents, type ServerToClientEvents, type Language } from '@semis/shared';
import { AppError, errorBody, fromZod } from '../errors';
import type { ParticipantRecord, Storage } from '../storage/types';
import { join, publicParticipant } from '../services/participants';
import { deleteIdea, editIdea, ideaView, postIdea, type IdeaDeps } from '../services/ideas';

interface SocketData {
  participant?: ParticipantRecord;
  lang: Language;
  bucket: { tokens: number; at: number };
}
export type SemisSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type SemisIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const BURST = 30;
const PER_SECOND = 10;

export const rooms = {
  atelier: (id: string) => `atelier:${id}`,
  participant: (id: string) => `participant:${id}`,
};

/** socket.io commands: each one parses its payload, calls a service, and acks exactly once. */
export function attachSocketServer(http: HttpServer, deps: IdeaDeps & { storage: Storage; log: (m: string) => void }): SemisIo {
  const io: SemisIo = new Server(http, {
    path: SOCKET_PATH,
    // Our y-websocket endpoint shares the HTTP server: socket.io must leave its upgrades alone.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 25_000,
  });

  io.on('connection', (socket: SemisSocket) => {
    socket.data.lang = pickLanguage((socket.handshake.auth as { lang?: string })?.lang ?? socket.handshake.headers['accept-language']);
    socket.data.bucket = { tokens: BURST, at: Date.now() };

    command(socket, C.join, async (payload) => {
      const { result, participant } = await join(deps.storage, payload, deps.now());
      if (socket.data.participant && socket.data.participant.id !== participant.id) leaveAll(socket);
      socket.data.participant = participant;
      await socket.join(rooms.participant(participant.id));
      return result;
    });

    command(socket, C.enterAtelier, async (payload) => {
      const me = requireParticipant(socket);
      const parsed = enterAtelierPayload.safeParse(payload);
      if (!parsed.success) throw fromZod(parsed.error);
      const atelier = await deps.storage.getAtelier(parsed.data.atelierId);
      if (!atelier || atelier.eventId !== me.eventId) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
      await deps.storage.updateParticipant(me.id, { atelierId: atelier.id });
      me.atelierId = atelier.id;
      for (const r of socket.rooms) if (r.startsWith('atelier:')) await socket.leave(r);
      await socket.join(rooms.atelier(atelier.id));
      return { atelier, participant: publicParticipant(me) };
    });

    command(socket, C.postIdea, async (payload) => {
      const me = requireParticipant(socket);
      const res = await postIdea(deps, me, payload);
      socket.to(rooms.participant(me.id)).emit(S.ideaChanged, res.idea);
      return res;
    });

    command(socket, C.editIdea, async (payload) => {
      const me = requireParticipant(socket);
      const res = await editIdea(deps, me, payload);
      socket.to(rooms.participant(me.id)).emit(S.ideaChanged, res.idea);
      return res;
    });

    command(socket, C.deleteIdea, async (payload) => {
      const me = requireParticipant(socket);
      return deleteIdea(deps, me, payload);
    });

    command(socket, C.myIdeas, async (payload) => {
      const me = requireParticipant(socket);
      const parsed = myIdeasPayload.safeParse(payload);
      if (!parsed.success) throw fromZod(parsed.error);
      const ideas = await deps.storage.listAuthorIdeas(me.id, parsed.data.atelierId);
      return { ideas: ideas.map(ideaView) };
    });
  });

  return io;
}

function requireParticipant(socket: SemisSocket): ParticipantRecord {
  const p = socket.data.participant;
  if (!p) throw new AppError('NOT_JOINED');
  return p;
}

function leaveAll(socket: SemisSocket): void {
  for (const r of socket.rooms) if (r !== socket.id) void socket.leave(r);
}

/** Wraps a handler: rate limit, a missing ack, thrown errors — the server never crashes on input. */
export function command<T>(socket: SemisSocket, name: string, handler: (payload: unknown) => Promise<T>): void {
  socket.on(name as keyof ClientToServerEvents, (async (payload: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
    try {
      if (!takeToken(socket.data.bucket)) throw new AppError('RATE_LIMITED');
      reply({ ok: true, data: await handler(payload) });
    } catch (err) {
      if (!(err instanceof AppError)) console.error(`[semis] ${name} failed:`, err);
      reply({ ok: false, error: errorBody(err, socket.data.lang) });
    }
  }) as never);
}

function takeToken(b: { tokens: number; at: number }): boolean {
  const now = Date.now();
  b.tokens = Math.min(BURST, b.tokens + ((now - b.at) / 1000) * PER_SECOND);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}
