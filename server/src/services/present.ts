import { nextPresentState, type C, type CommandPayload, type PresentKind, type PresentState } from '@semis/shared';
import type { Atelier } from '@semis/shared';
import { AppError } from '../errors';
import { checkFacilitatorOn, type FacilitatorPrincipal } from './access';
import type { EveningDeps } from './phases';

/** Where the presentation states live: this process's memory, or Redis for every process. */
export interface PresentStore {
  get(atelierId: string): Promise<PresentState | null>;
  /** Replaces `expected` (as `get` read it) with `next`; false when someone changed it since. */
  swap(atelierId: string, expected: PresentState | null, next: PresentState | null): Promise<boolean>;
}

function memoryPresentStore(): PresentStore {
  const byAtelier = new Map<string, PresentState>();
  return {
    get: async (atelierId) => byAtelier.get(atelierId) ?? null,
    async swap(atelierId, _expected, next) {
      if (next) byAtelier.set(atelierId, next);
      else byAtelier.delete(atelierId);
      return true;
    },
  };
}

/** A change lost to another process this many times in a row is refused (retryable). */
const MAX_SWAPS = 8;

/** What each atelier presents now. A restart without Redis forgets it, and the console's next
 * "Présenter" sets it again; with Redis every process reads and changes the same state. */
export class Presentations {
  private readonly queues = new Map<string, Promise<unknown>>();
  constructor(private readonly store: PresentStore = memoryPresentStore()) {}
  /** One change at a time per atelier: two consoles pressing "next" at once move two steps,
   * each from the other's result (across processes, `update` retries on the newer state). */
  serial<T>(atelierId: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(atelierId) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(atelierId, tail);
    void tail.then(() => this.queues.get(atelierId) === tail && this.queues.delete(atelierId));
    return run;
  }
  get(atelierId: string): Promise<PresentState | null> {
    return this.store.get(atelierId);
  }
  /** Applies `next` to the current state, again from the newer one if another process
   * changed it in between. */
  async update(atelierId: string, next: (current: PresentState | null) => Promise<PresentState | null>): Promise<PresentState | null> {
    for (let attempt = 0; attempt < MAX_SWAPS; attempt++) {
      const current = await this.store.get(atelierId);
      const state = await next(current);
      if (await this.store.swap(atelierId, current, state)) return state;
    }
    throw new AppError('BUSY');
  }
}

export async function present(deps: EveningDeps & { presentations: Presentations }, who: FacilitatorPrincipal, p: CommandPayload<typeof C.present>): Promise<{ state: PresentState | null }> {
  const atelier = checkFacilitatorOn(who, await deps.storage.getAtelier(p.atelierId), 'board.read');
  if (p.action === 'get') return { state: await deps.presentations.get(atelier.id) };
  return deps.presentations.serial(atelier.id, () => change(deps, atelier, p));
}

async function change(deps: EveningDeps & { presentations: Presentations }, atelier: Atelier, p: Exclude<CommandPayload<typeof C.present>, { action: 'get' }>): Promise<{ state: PresentState | null }> {
  const state = await deps.presentations.update(atelier.id, async (current) => {
    if (p.action === 'stop') return null;
    if (p.action === 'step' && !current) throw new AppError('BAD_REQUEST', 'action');
    return nextPresentState(current, p, await presentable(deps, atelier, p.action === 'start' ? p.kind : current!.kind));
  });
  deps.broadcast.present(atelier.id, state);
  return { state };
}

/** The items one per screen, in the order every screen lists them. */
async function presentable(deps: EveningDeps, atelier: Atelier, kind: PresentKind): Promise<string[]> {
  if (kind === 'clusters') return storedClusters(deps, atelier);
  if (kind === 'candidates') return (await deps.storage.candidates.list(atelier.eventId)).filter((c) => c.atelierId === atelier.id).map((c) => c.id);
  return (await deps.storage.posters.listBoards(atelier.eventId)).filter((b) => b.atelierId === atelier.id && b.kind === 'poster').map((b) => b.id);
}

/** The board's clusters as its log holds them, not as this process's copy shows them: a copy
 * lags what another process stored (it comes through Redis) and is ahead of its own log (edits
 * not stored yet). Every process then counts the same list — a clicker on the projector's
 * process, pressed right after the console's start, used to find no cluster and go back to
 * none — and nothing is presented that a crash could still take back. */
async function storedClusters(deps: EveningDeps, atelier: Atelier): Promise<string[]> {
  const { snapshot, updates } = await deps.storage.loadBoard(atelier.boardId);
  // Read as a process loading the board reads it (registry.ts); a long log in the fold worker.
  return deps.folder.clusterIds(snapshot ? [snapshot, ...updates] : updates, atelier.boardId, atelier.boardKind);
}
