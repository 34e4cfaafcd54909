import { nextPresentState, readClusters, type C, type CommandPayload, type PresentKind, type PresentState } from '@semis/shared';
import type { Atelier } from '@semis/shared';
import { AppError } from '../errors';
import { checkFacilitatorOn, type FacilitatorPrincipal } from './access';
import type { EveningDeps } from './phases';

/** What each atelier presents now. Held by the process, like "follow me": a restart (or another
 * process, with Redis) starts without it, and the console's next "Présenter" sets it again. */
export class Presentations {
  private readonly byAtelier = new Map<string, PresentState>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** One change at a time per atelier: two consoles pressing "next" at once move two steps,
   * each from the other's result. */
  serial<T>(atelierId: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(atelierId) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(atelierId, tail);
    void tail.then(() => this.queues.get(atelierId) === tail && this.queues.delete(atelierId));
    return run;
  }
  get(atelierId: string): PresentState | null {
    return this.byAtelier.get(atelierId) ?? null;
  }
  set(state: PresentState): void {
    this.byAtelier.set(state.atelierId, state);
  }
  delete(atelierId: string): void {
    this.byAtelier.delete(atelierId);
  }
}

export async function present(deps: EveningDeps & { presentations: Presentations }, who: FacilitatorPrincipal, p: CommandPayload<typeof C.present>): Promise<{ state: PresentState | null }> {
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(p.atelierId), 'board.read');
  if (p.action === 'get') return { state: deps.presentations.get(atelier.id) };
  return deps.presentations.serial(atelier.id, () => change(deps, atelier, p));
}

async function change(deps: EveningDeps & { presentations: Presentations }, atelier: Atelier, p: Exclude<CommandPayload<typeof C.present>, { action: 'get' }>): Promise<{ state: PresentState | null }> {
  const current = deps.presentations.get(atelier.id);
  if (p.action === 'stop') {
    deps.presentations.delete(atelier.id);
    deps.broadcast.present(atelier.id, null);
    return { state: null };
  }
  if (p.action === 'step' && !current) throw new AppError('BAD_REQUEST', 'action');
  const state = nextPresentState(current, p, await presentable(deps, atelier, p.action === 'start' ? p.kind : current!.kind));
  deps.presentations.set(state!);
  deps.broadcast.present(atelier.id, state);
  return { state };
}

/** The items one per screen, in the order every screen lists them. */
async function presentable(deps: EveningDeps, atelier: Atelier, kind: PresentKind): Promise<string[]> {
  if (kind === 'clusters') return deps.registry.use(atelier.boardId, (room) => readClusters(room.doc).map((c) => c.id));
  if (kind === 'candidates') return (await deps.storage.candidates.list(atelier.eventId)).filter((c) => c.atelierId === atelier.id).map((c) => c.id);
  return (await deps.storage.posters.listBoards(atelier.eventId)).filter((b) => b.atelierId === atelier.id && b.kind === 'poster').map((b) => b.id);
}
