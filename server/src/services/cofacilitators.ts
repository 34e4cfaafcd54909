import { randomUUID } from 'node:crypto';
import type { C, CommandPayload } from '@semis/shared';
import { hashToken, newToken } from '../auth/tokens';
import { checkFacilitatorOn, requireWholeEvent, type FacilitatorPrincipal } from './access';
import { audit as log } from './audit';
import { adminLink } from './events';
import type { EveningDeps } from './phases';

/** A link giving facilitator rights on one atelier only (its *animateur*). */
export async function createCoFacilitator(deps: EveningDeps, who: FacilitatorPrincipal, { atelierId, label }: CommandPayload<typeof C.coFacilitator>, publicUrl: string): Promise<{ token: string; link: string }> {
  requireWholeEvent(who);
  checkFacilitatorOn(who, await deps.storage.getAtelier(atelierId), 'event.manage');
  const token = newToken();
  await deps.storage.createFacilitatorToken({ id: randomUUID(), eventId: who.event.id, atelierId, label, tokenHash: hashToken(token), createdAt: deps.now() });
  await log(deps, who, atelierId, 'cofacilitator', atelierId, label);
  return { token, link: adminLink(publicUrl, token) };
}
