import { C, type Atelier } from '@semis/shared';
import { AppError } from '../errors';
import { join, publicParticipant } from '../services/participants';
import { deleteIdea, editIdea, postIdea, type IdeaDeps } from '../services/ideas';
import { ideaView } from '../services/views';
import { castDot, getVote, rate } from '../services/votes';
import type { CommandTable, SemisSocket } from './command';
import { participantOf } from './identity';
import { rooms } from './rooms';
import { hashToken } from '../auth/tokens';
import { isFailedGuess, type JoinGuard } from '../limits/joinGuard';
import type { EventSeats } from '../limits/eventSeats';

/** Commands of a phone (and `time:sync`, for anyone). A participant speaks for the identity
 * it joined with on this connection. */
export function participantCommands(deps: IdeaDeps & { joinGuard: JoinGuard; seats: EventSeats }): CommandTable {
  const me = (socket: SemisSocket) => participantOf(deps.storage, socket);
  return {
    [C.timeSync]: async ({ t }) => ({ t, serverTime: Date.parse(deps.now()) }),

    [C.join]: async (payload, socket) => {
      // Doors open: hundreds of phones join within a second. Like every command, a join waited
      // for a turn of the loop with time left (command.ts), so timers, pings and posts keep
      // flowing meanwhile; a second wait here would only send it to the back of the queue again.
      deps.joinGuard.check(socket, payload.token !== undefined ? hashToken(payload.token) : undefined);
      const { result, participant, atelier } = await join(deps.storage, payload, deps.now(), deps.seats).catch((err: unknown) => {
        // A wrong code or token slows this connection down, and closes it after too many.
        if (isFailedGuess(err) && deps.joinGuard.failed(socket)) setTimeout(() => socket.disconnect(true), 50);
        throw err;
      });
      deps.joinGuard.succeeded(socket);
      if (socket.data.participant && socket.data.participant.id !== participant.id) leaveAll(socket);
      socket.data.participant = participant;
      await socket.join([rooms.participant(participant.id), rooms.event(participant.eventId)]);
      if (atelier) await enterRooms(socket, deps, atelier);
      return result;
    },

    [C.enterAtelier]: async ({ atelierId }, socket) => {
      const participant = await me(socket);
      const atelier = await deps.storage.getAtelier(atelierId);
      if (!atelier || atelier.eventId !== participant.eventId) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
      // A phone re-entering after a reconnect is already there: nothing to write.
      if (participant.atelierId !== atelier.id) await deps.storage.updateParticipant(participant.id, { atelierId: atelier.id });
      participant.atelierId = atelier.id;
      await enterRooms(socket, deps, atelier);
      return { atelier, participant: publicParticipant(participant) };
    },

    [C.postIdea]: async (p, socket) => postIdea(deps, await me(socket), p),
    [C.editIdea]: async (p, socket) => editIdea(deps, await me(socket), p),
    [C.deleteIdea]: async (p, socket) => deleteIdea(deps, await me(socket), p),
    [C.myIdeas]: async ({ atelierId }, socket) => ({ ideas: (await deps.storage.listAuthorIdeas((await me(socket)).id, atelierId)).map(ideaView) }),

    [C.voteGet]: async (p, socket) =>
      socket.data.facilitator ? getVote(deps, { role: 'facilitator', who: socket.data.facilitator }, p) : getVote(deps, { role: 'participant', participant: await me(socket) }, p),
    [C.voteDot]: async (p, socket) => castDot(deps, await me(socket), p),
    [C.voteRate]: async (p, socket) => rate(deps, await me(socket), p),
  };
}

/** This connection follows one atelier (its pushes, and the dashboard's head count). */
async function enterRooms(socket: SemisSocket, deps: IdeaDeps, atelier: Atelier): Promise<void> {
  for (const r of socket.rooms) if (r.startsWith('atelier:') || r.startsWith('present:')) await socket.leave(r);
  await socket.join([rooms.atelier(atelier.id), rooms.present(atelier.id)]);
  deps.broadcast.dashboardChanged(atelier.eventId);
}

function leaveAll(socket: SemisSocket): void {
  for (const r of socket.rooms) if (r !== socket.id) void socket.leave(r);
}
