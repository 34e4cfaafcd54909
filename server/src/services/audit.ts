import type { Storage } from '../storage/types';
import type { FacilitatorPrincipal } from './access';

/** Every facilitator action that changes the evening is written down: who, when, what. */
export async function audit(
  deps: { storage: Storage; now: () => string },
  who: FacilitatorPrincipal,
  atelierId: string | null,
  action: string,
  target: string,
  details: string,
): Promise<void> {
  await deps.storage.logModeration({ eventId: who.event.id, atelierId, actor: who.actor, action, target, details, at: deps.now() });
}
