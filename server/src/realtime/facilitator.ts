import { checkFacilitatorOn, requireFacilitator } from '../services/access';
import { configureAtelier, facilitatorView, reveal, setPhase, type EveningDeps } from '../services/phases';
import { controlTimer } from '../services/timers';
import { dashboard, scopedDashboard } from '../services/dashboard';
import { createCoFacilitator } from '../services/cofacilitators';
import { configureVote, plenary, previewVote } from '../services/votes';
import { listCandidates, promote, suggestGrouping, updateCandidate } from '../services/candidates';
import { approveAll, blockParticipant, listBlocked, listModIdeas, moderateIdea, moderationLog, moderationQueue, unblockParticipant } from '../services/moderation';
import { present, type Presentations } from '../services/present';
import { C } from '@semis/shared';
import { grantFacilitatorBudget, type CommandTable } from './command';
import { facilitatorOf } from './identity';
import { rooms } from './rooms';

export interface FacilitatorDeps extends EveningDeps {
  /** Base URL for links phones and co-facilitators can reach (see http/baseUrl.ts). */
  publicUrl: (host: string | undefined, secure: boolean) => string;
  /** What each atelier presents on the room's screen (*présenter*). */
  presentations: Presentations;
  /** Closes the y-websocket connections of a blocked participant, in every process. */
  closeBoardsOf: (participantId: string) => void;
}

/** Commands of the animation team; each requires facilitator:auth on this connection first. */
export function facilitatorCommands(deps: FacilitatorDeps): CommandTable {
  const me = facilitatorOf;

  return {
    [C.facilitatorAuth]: async ({ token }, socket) => {
      const who = await requireFacilitator(deps.storage, token);
      socket.data.facilitator = who;
      grantFacilitatorBudget(socket);
      const view = await facilitatorView(deps, who);
      const ids = view.ateliers.map((a) => a.id);
      await socket.join([
        rooms.event(who.event.id),
        who.scope === null ? rooms.eventFacilitators(who.event.id) : rooms.coFacilitators(who.scope),
        ...ids.map(rooms.atelier),
        ...ids.map(rooms.atelierFacilitators),
      ]);
      return view;
    },

    [C.setPhase]: (p, socket) => setPhase(deps, me(socket), p),
    [C.configureAtelier]: (p, socket) => configureAtelier(deps, me(socket), p),
    [C.reveal]: (p, socket) => reveal(deps, me(socket), p),
    [C.timer]: (p, socket) => controlTimer(deps, me(socket), p),
    [C.modIdeas]: (p, socket) => listModIdeas(deps, me(socket), p),
    [C.moderateIdea]: (p, socket) => moderateIdea(deps, me(socket), p),
    [C.block]: (p, socket) => blockParticipant(deps, me(socket), p, deps.closeBoardsOf),
    [C.unblock]: (p, socket) => unblockParticipant(deps, me(socket), p),
    [C.blockedList]: (_, socket) => listBlocked(deps, me(socket)),
    [C.modQueue]: (p, socket) => moderationQueue(deps, me(socket), p),
    [C.approveAll]: (p, socket) => approveAll(deps, me(socket), p),
    [C.modLog]: (p, socket) => moderationLog(deps, me(socket), p),
    [C.dashboard]: async (_, socket) => scopedDashboard(await dashboard(deps, me(socket).event.id), me(socket)),
    [C.coFacilitator]: (p, socket) => createCoFacilitator(deps, me(socket), p, deps.publicUrl(socket.handshake.headers.host, socket.handshake.secure)),
    [C.voteConfigure]: (p, socket) => configureVote(deps, me(socket), p),
    [C.votePreview]: (p, socket) => previewVote(deps, me(socket), p),
    [C.plenary]: (p, socket) => plenary(deps, me(socket), p),
    [C.groupingSuggest]: (p, socket) => suggestGrouping(deps, me(socket), p),
    [C.promote]: (p, socket) => promote(deps, me(socket), p),
    [C.candidateUpdate]: (p, socket) => updateCandidate(deps, me(socket), p),
    [C.candidates]: (_, socket) => listCandidates(deps, me(socket)),
    [C.present]: (p, socket) => present(deps, me(socket), p),
    [C.follow]: async ({ atelierId, viewport }, socket) => {
      checkFacilitatorOn(me(socket), await deps.storage.getAtelier(atelierId), 'board.read');
      deps.broadcast.follow(atelierId, viewport);
      return {};
    },
  };
}
