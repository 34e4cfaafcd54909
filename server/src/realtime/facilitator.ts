import { AppError } from '../errors';
import { checkFacilitatorOn, requireFacilitator, type FacilitatorPrincipal } from '../services/access';
import { configureAtelier, facilitatorView, reveal, setPhase, type EveningDeps } from '../services/phases';
import { controlTimer } from '../services/timers';
import { dashboard, scopedDashboard } from '../services/dashboard';
import { createCoFacilitator } from '../services/cofacilitators';
import { configureVote, plenary } from '../services/votes';
import { listCandidates, promote, suggestGrouping, updateCandidate } from '../services/candidates';
import { approveAll, blockParticipant, listBlocked, listModIdeas, moderateIdea, moderationLog, moderationQueue, unblockParticipant } from '../services/moderation';
import { C, followPayload } from '@semis/shared';
import { parse } from '../services/ideas';
import { command, grantFacilitatorBudget, type SemisSocket } from './command';
import { rooms } from './rooms';

export interface FacilitatorDeps extends EveningDeps {
  /** Base URL for links phones and co-facilitators can reach (see http/baseUrl.ts). */
  publicUrl: (host: string | undefined, secure: boolean) => string;
  /** Closes the y-websocket connections of a blocked participant, in every process. */
  closeBoardsOf: (participantId: string) => void;
}

/** Commands of the animation team; each requires facilitator:auth on this connection first. */
export function registerFacilitatorCommands(socket: SemisSocket, deps: FacilitatorDeps): void {
  const me = (): FacilitatorPrincipal => {
    const who = socket.data.facilitator;
    if (!who) throw new AppError('NOT_AUTHENTICATED');
    return who;
  };

  command(socket, C.facilitatorAuth, async (payload) => {
    const who = await requireFacilitator(deps.storage, (payload as { token?: string } | null)?.token);
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
  });

  command(socket, C.setPhase, (p) => setPhase(deps, me(), p));
  command(socket, C.configureAtelier, (p) => configureAtelier(deps, me(), p));
  command(socket, C.reveal, (p) => reveal(deps, me(), p));
  command(socket, C.timer, (p) => controlTimer(deps, me(), p));
  command(socket, C.modIdeas, (p) => listModIdeas(deps, me(), p));
  command(socket, C.moderateIdea, (p) => moderateIdea(deps, me(), p));
  command(socket, C.block, (p) => blockParticipant(deps, me(), p, deps.closeBoardsOf));
  command(socket, C.unblock, (p) => unblockParticipant(deps, me(), p));
  command(socket, C.blockedList, () => listBlocked(deps, me()));
  command(socket, C.modQueue, (p) => moderationQueue(deps, me(), p));
  command(socket, C.approveAll, (p) => approveAll(deps, me(), p));
  command(socket, C.modLog, (p) => moderationLog(deps, me(), p));
  command(socket, C.dashboard, async () => scopedDashboard(await dashboard(deps, me().event.id), me()));
  command(socket, C.coFacilitator, (p) => createCoFacilitator(deps, me(), p, deps.publicUrl(socket.handshake.headers.host, socket.handshake.secure)));
  command(socket, C.voteConfigure, (p) => configureVote(deps, me(), p));
  command(socket, C.plenary, (p) => plenary(deps, me(), p));
  command(socket, C.groupingSuggest, (p) => suggestGrouping(deps, me(), p));
  command(socket, C.promote, (p) => promote(deps, me(), p));
  command(socket, C.candidateUpdate, (p) => updateCandidate(deps, me(), p));
  command(socket, C.candidates, () => listCandidates(deps, me()));
  command(socket, C.follow, async (p) => {
    const { atelierId, viewport } = parse(followPayload, p);
    checkFacilitatorOn(me(), await deps.storage.getAtelier(atelierId), 'board.read');
    deps.broadcast.follow(atelierId, viewport);
    return {};
  });
}
