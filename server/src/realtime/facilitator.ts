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
import { grantFacilitatorBudget, type CommandTable, type SemisSocket } from './command';
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
export function facilitatorCommands(socket: SemisSocket, deps: FacilitatorDeps): CommandTable {
  const me = () => facilitatorOf(socket);

  return {
    [C.facilitatorAuth]: async ({ token }) => {
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

    [C.setPhase]: (p) => setPhase(deps, me(), p),
    [C.configureAtelier]: (p) => configureAtelier(deps, me(), p),
    [C.reveal]: (p) => reveal(deps, me(), p),
    [C.timer]: (p) => controlTimer(deps, me(), p),
    [C.modIdeas]: (p) => listModIdeas(deps, me(), p),
    [C.moderateIdea]: (p) => moderateIdea(deps, me(), p),
    [C.block]: (p) => blockParticipant(deps, me(), p, deps.closeBoardsOf),
    [C.unblock]: (p) => unblockParticipant(deps, me(), p),
    [C.blockedList]: () => listBlocked(deps, me()),
    [C.modQueue]: (p) => moderationQueue(deps, me(), p),
    [C.approveAll]: (p) => approveAll(deps, me(), p),
    [C.modLog]: (p) => moderationLog(deps, me(), p),
    [C.dashboard]: async () => scopedDashboard(await dashboard(deps, me().event.id), me()),
    [C.coFacilitator]: (p) => createCoFacilitator(deps, me(), p, deps.publicUrl(socket.handshake.headers.host, socket.handshake.secure)),
    [C.voteConfigure]: (p) => configureVote(deps, me(), p),
    [C.votePreview]: (p) => previewVote(deps, me(), p),
    [C.plenary]: (p) => plenary(deps, me(), p),
    [C.groupingSuggest]: (p) => suggestGrouping(deps, me(), p),
    [C.promote]: (p) => promote(deps, me(), p),
    [C.candidateUpdate]: (p) => updateCandidate(deps, me(), p),
    [C.candidates]: () => listCandidates(deps, me()),
    [C.present]: (p) => present(deps, me(), p),
    [C.follow]: async ({ atelierId, viewport }) => {
      checkFacilitatorOn(me(), await deps.storage.getAtelier(atelierId), 'board.read');
      deps.broadcast.follow(atelierId, viewport);
      return {};
    },
  };
}
