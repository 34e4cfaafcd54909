/** The facilitator's live dashboard: one row per atelier, computed from storage and rooms. */
import { isLocked, type AtelierDashboard, type Dashboard } from '@semis/shared';
import { AppError } from '../errors';
import type { FacilitatorPrincipal } from './access';
import type { EveningDeps } from './phases';

export async function dashboard(deps: EveningDeps, eventId: string): Promise<Dashboard> {
  const event = await deps.storage.getEvent(eventId);
  if (!event) throw new AppError('UNKNOWN_EVENT');
  const [ateliers, counts] = await Promise.all([deps.storage.listAteliers(eventId), deps.storage.ideaCounts(eventId)]);
  const connected = await deps.connectedCounts(ateliers.map((a) => a.id));
  const now = Date.now();
  const rows: AtelierDashboard[] = ateliers.map((a) => {
    const ideas = { visible: 0, private: 0, pending: 0, hidden: 0 };
    for (const c of counts) if (c.atelierId === a.id) ideas[c.status] += c.count;
    return { id: a.id, title: a.title, phase: a.phase, timer: a.timer, locked: isLocked(a.timer, now), privateWriting: a.privateWriting, moderated: a.moderated, connected: connected.get(a.id) ?? 0, ideas };
  });
  return { eventId, timer: event.timer, ateliers: rows, serverTime: now };
}

export function scopedDashboard(d: Dashboard, who: FacilitatorPrincipal): Dashboard {
  return who.scope === null ? d : { ...d, ateliers: d.ateliers.filter((a) => a.id === who.scope) };
}
