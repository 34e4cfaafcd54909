import { useCallback, useEffect, useRef, useState } from 'react';
import { C, S, type VoteResults, type VoteState } from '@semis/shared';
import { request, type SemisSocket } from '../sync/socket';
import { useSocketEvent } from '../sync/useSocketEvent';
import type { ClientError } from '../sync/errors';

export type VoteTarget = { atelierId: string } | { plenary: true };

export interface VoteHandle {
  state: VoteState | null;
  error: ClientError | null;
  /** An acknowledged vote:dot / vote:rate / vote:plenary answers a whole VoteState. */
  setState: (s: VoteState) => void;
  refresh: () => Promise<void>;
}

const targetAtelier = (t: VoteTarget) => ('atelierId' in t ? t.atelierId : null);

/**
 * One vote as this connection may see it: fetched when the connection is usable (joined or
 * authenticated), again whenever the server says it opened or closed, with results pushes
 * applied as they come (they carry only the session id, so they are matched on it).
 */
export function useVote(socket: SemisSocket | null, target: VoteTarget, enabled: boolean): VoteHandle {
  const [state, setState] = useState<VoteState | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const atelierId = targetAtelier(target);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    if (!socket || !enabled) return;
    const ticket = ++latest.current;
    const r = await request(socket, C.voteGet, atelierId ? { atelierId } : { plenary: true });
    if (ticket !== latest.current) return; // an older answer must not overwrite a newer one
    if (r.ok) {
      setState(r.data);
      setError(null);
    } else if (r.error.code !== 'OFFLINE') setError(r.error);
  }, [socket, enabled, atelierId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useSocketEvent(socket, S.voteChanged, (p) => {
    if (p.atelierId === atelierId) void refresh();
  });
  useSocketEvent(socket, S.voteResults, (results: VoteResults) => {
    setState((s) => (s?.session && s.session.id === results.sessionId ? { ...s, results } : s));
  });

  const set = useCallback((s: VoteState) => {
    latest.current++;
    setState(s);
  }, []);

  return { state, error, setState: set, refresh };
}
