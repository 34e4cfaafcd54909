/** The facilitator's live dashboard: one row per atelier, computed from storage and rooms. */
import { isLocked, type AtelierDashboard, type Dashboard } from '@semis/shared';
import { AppError } from '../errors';
import type { FacilitatorPrincipal } from './access';
import type { EveningDeps } from './phases';

export async function dashboard(deps: EveningDeps, eventId: string): Promise<Dashboard> {
  const event = await deps.storage.getEvent(eventId);
  if (!event) throw new AppError('UNKNOWN_EVENT');
  const [ateliers, counts] = await Promise.all([deps.storage.listAteliers(eventId), deps.storage.ideaCounts(eventId)]);
  const [connected, votes, candidates] = await Promise.all([
    deps.connectedCounts(ateliers.map((a) => a.id)),
    Promise.all(ateliers.map((a) => voteProgress(deps, eventId, a.id))),
    deps.storage.candidates.list(eventId),
  ]);
  const now = Date.parse(deps.now());
  const rows: AtelierDashboard[] = ateliers.map((a, i) => {
    const ideas = { visible: 0, private: 0, pending: 0, hidden: 0 };
    for (const c of counts) if (c.atelierId === a.id) ideas[c.status] += c.count;
    return {
      id: a.id, title: a.title, phase: a.phase, timer: a.timer, locked: isLocked(a.timer, now), privateWriting: a.privateWriting, moderated: a.moderated,
      connected: connected.get(a.id) ?? 0, ideas, vote: votes[i]!, candidates: candidates.filter((c) => c.atelierId === a.id).length,
    };
  });
  return { eventId, timer: event.timer, ateliers: rows, serverTime: now };
}

/** People who placed at least one dot or rating in the atelier's latest vote. */
async function voteProgress(deps: EveningDeps, eventId: string, atelierId: string): Promise<AtelierDashboard['vote']> {
  const session = await deps.storage.votes.latestSession(eventId, atelierId);
  if (!session) return null;
  const [dots, ratings] = await Promise.all([deps.storage.votes.allDots(session.id), deps.storage.votes.allRatings(session.id)]);
  const voters = new Set([...dots.map((d) => d.participantId), ...ratings.map((r) => r.participantId)]).size;
  return { status: session.status, mode: session.config.mode, voters };
}

export function scopedDashboard(d: Dashboard, who: FacilitatorPrincipal): Dashboard {
  return who.scope === null ? d : { ...d, ateliers: d.ateliers.filter((a) => a.id === who.scope) };
}
