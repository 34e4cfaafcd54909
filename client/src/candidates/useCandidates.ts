import { useCallback, useEffect, useState } from 'react';
import { C, S, type Candidate } from '@semis/shared';
import { request, type SemisSocket } from '../sync/socket';
import { useSocketEvent } from '../sync/useSocketEvent';
import type { ClientError } from '../sync/errors';

/** The event's portfolio, kept current by candidate:changed pushes (other facilitators' edits). */
export function useCandidates(socket: SemisSocket | null, ready: boolean) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  const upsert = useCallback((c: Candidate) => {
    setCandidates((list) => {
      const rest = (list ?? []).filter((x) => x.id !== c.id);
      return [...rest, c].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    });
  }, []);

  useEffect(() => {
    if (!socket || !ready) return;
    let live = true;
    void request(socket, C.candidates, {}).then((r) => {
      if (!live) return;
      if (r.ok) setCandidates(r.data.candidates);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [socket, ready]);

  useSocketEvent(socket, S.candidateChanged, upsert);
  return { candidates, error, upsert };
}
