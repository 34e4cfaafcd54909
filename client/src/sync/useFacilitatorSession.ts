import { useEffect, useState, useSyncExternalStore } from 'react';
import { FacilitatorSession, INITIAL_STATE, type FacilitatorState } from './facilitatorSession';
import { useServerClock } from './serverClock';

const noop = () => () => {};

/** One facilitator connection for the lifetime of a page (console, wall, projector). */
export function useFacilitatorSession(token: string | null): { session: FacilitatorSession | null; state: FacilitatorState } {
  const [session, setSession] = useState<FacilitatorSession | null>(null);
  useEffect(() => {
    if (!token) return;
    const s = new FacilitatorSession(token);
    setSession(s);
    return () => {
      s.close();
      setSession(null);
    };
  }, [token]);
  useServerClock(session?.socket ?? null);
  const state = useSyncExternalStore(session?.subscribe ?? noop, session?.getState ?? (() => INITIAL_STATE));
  return { session, state };
}

/** The idea list (all statuses) of one atelier, kept current while mounted. */
export function useModIdeas(session: FacilitatorSession | null, state: FacilitatorState, atelierId: string) {
  useEffect(() => session?.watchIdeas(atelierId), [session, atelierId]);
  return state.modIdeas.get(atelierId) ?? null;
}
