import { useEffect, useState, useSyncExternalStore } from 'react';
import { ParticipantSession } from './participantSession';
import { useServerClock } from './serverClock';

export type { Outcome, Connection } from './participantSession';

/** One participant connection for the lifetime of the phone screen (keyed by the code). */
export function useParticipantSession(code: string) {
  const [session] = useState(() => new ParticipantSession(code));
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  useServerClock(state.socket);
  const atelier = state.session.ateliers.find((a) => a.id === state.session.atelierId) ?? null;
  const { join, enterAtelier, leaveAtelier, post, edit, remove, clearError } = session;
  return { ...state, code: session.code, atelier, join, enterAtelier, leaveAtelier, post, edit, remove, clearError };
}
