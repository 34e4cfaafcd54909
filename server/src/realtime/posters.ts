import { C, S, watchBoardPayload, subscribePostersPayload, type CommentView, type GroupView, type ReactionCounts } from '@semis/shared';
import { AppError, fromZod } from '../errors';
import type { Storage } from '../storage/types';
import { resolveToken, type Principal } from '../services/access';
import { boardFeed, comment, createGroup, joinGroup, leaveGroup, listGroupViews, react, setGroupRoles } from '../services/posters';
import type { SemisIo } from './socket';
import { command, type SemisSocket } from './command';
import { rooms } from './rooms';

/** The poster workshop's broadcasts, from socket handlers and HTTP routes alike: one place that
 * fans out (through the Redis adapter when several processes run). */
export class PosterBus {
  private io: SemisIo | null = null;
  attach(io: SemisIo): void {
    this.io = io;
  }
  groupChanged(view: GroupView): void {
    this.io?.to(rooms.event(view.group.eventId)).emit(S.groupChanged, view);
  }
  comment(c: CommentView): void {
    this.io?.to(rooms.board(c.boardId)).emit(S.boardComment, c);
  }
  reactions(boardId: string, reactions: ReactionCounts): void {
    this.io?.to(rooms.board(boardId)).emit(S.boardReactions, { boardId, reactions });
  }
}

export interface PosterSocketDeps {
  storage: Storage;
  now: () => string;
  bus: PosterBus;
}

/** Who a socket speaks for in the poster workshop: set by posters:subscribe (any token), or the
 * participant who joined on this socket. */
const viewers = new WeakMap<SemisSocket, Promise<Principal>>();

export function attachPosterCommands(io: SemisIo, deps: PosterSocketDeps): void {
  const { storage, now, bus } = deps;

  const viewer = async (socket: SemisSocket): Promise<Principal> => {
    // Commands sent right after posters:subscribe run concurrently with it: wait for it.
    const known = await viewers.get(socket)?.catch(() => undefined);
    const p = socket.data.participant;
    if (known?.role === 'facilitator') return known;
    const participant = known?.role === 'participant' && (!p || known.participant.id === p.id) ? known.participant : p;
    if (!participant) throw new AppError('NOT_JOINED');
    // Re-read on every command, whichever socket it comes through: a block takes effect at once.
    const fresh = await storage.getParticipant(participant.id);
    if (!fresh || fresh.blockedAt) throw new AppError('BLOCKED');
    const event = known?.event.id === fresh.eventId ? known.event : await storage.getEvent(fresh.eventId);
    if (!event) throw new AppError('NOT_AUTHENTICATED');
    const who: Principal = { role: 'participant', event, participant: fresh };
    viewers.set(socket, Promise.resolve(who));
    return who;
  };

  const announce = async (eventId: string, view: GroupView, left: string | null) => {
    bus.groupChanged(view);
    if (left) {
      const other = (await listGroupViews(storage, eventId)).find((v) => v.group.id === left);
      if (other) bus.groupChanged(other);
    }
  };

  io.on('connection', (socket: SemisSocket) => {
    command(socket, C.subscribePosters, async (payload) => {
      const parsed = subscribePostersPayload.safeParse(payload);
      if (!parsed.success) throw fromZod(parsed.error, { token: 'NOT_AUTHENTICATED' });
      const resolving = resolveToken(storage, parsed.data.token);
      viewers.set(socket, resolving);
      const who = await resolving;
      // In the participant's room too, so blocking them closes this socket like their others.
      await socket.join(who.role === 'participant' ? [rooms.event(who.event.id), rooms.participant(who.participant.id)] : rooms.event(who.event.id));
      return { groups: await listGroupViews(storage, who.event.id) };
    });

    command(socket, C.createGroup, async (payload) => {
      const who = await viewer(socket);
      const res = await createGroup(storage, who, payload, now());
      await announce(who.event.id, res.view, res.left);
      return { group: res.view, created: res.created };
    });

    command(socket, C.joinGroup, async (payload) => {
      const who = await viewer(socket);
      const res = await joinGroup(storage, who, payload, now());
      await announce(who.event.id, res.view, res.left);
      return { group: res.view };
    });

    command(socket, C.leaveGroup, async (payload) => {
      const view = await leaveGroup(storage, await viewer(socket), payload);
      bus.groupChanged(view);
      return { group: view };
    });

    command(socket, C.setGroupRoles, async (payload) => {
      const view = await setGroupRoles(storage, await viewer(socket), payload);
      bus.groupChanged(view);
      return { group: view };
    });

    command(socket, C.watchBoard, async (payload) => {
      const parsed = watchBoardPayload.safeParse(payload);
      if (!parsed.success) throw fromZod(parsed.error);
      const feed = await boardFeed(storage, await viewer(socket), parsed.data.boardId);
      // One poster at a time: the presentation steps through them.
      for (const r of socket.rooms) if (r.startsWith('board:')) await socket.leave(r);
      await socket.join(rooms.board(feed.boardId));
      return feed;
    });

    command(socket, C.react, async (payload) => {
      const res = await react(storage, await viewer(socket), payload, now());
      bus.reactions(res.boardId, res.reactions);
      return res;
    });

    command(socket, C.comment, async (payload) => {
      const res = await comment(storage, await viewer(socket), payload, now());
      if (res.created) bus.comment(res.comment);
      return res;
    });
  });
}
