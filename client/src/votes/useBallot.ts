import { useCallback, useMemo, useRef, useState } from 'react';
import { C, dotRefusal, dotsLeft, type MyDots } from '@semis/shared';
import { request, type SemisSocket } from '../sync/socket';
import { uuidv4 } from '../sync/uuid';
import type { ClientError } from '../sync/errors';
import type { VoteHandle } from './useVote';

interface Op {
  sessionId: string;
  itemId: string;
  delta: 1 | -1;
  /** One per click, kept across retries: the server counts a repeated opId once. */
  opId: string;
}

const MAX_ATTEMPTS = 3;

/**
 * A participant's dots: each click shows at once, and the clicks go to the server one at a time,
 * so every acknowledgement (a whole VoteState) already includes the clicks before it and the
 * counter never jumps back. The same budget rules as the server (dotRefusal) decide what is
 * clickable, so a refusal from the server means another tab voted meanwhile.
 */
export function useBallot(socket: SemisSocket | null, vote: VoteHandle) {
  const [pending, setPending] = useState<readonly Op[]>([]);
  const [error, setError] = useState<ClientError | null>(null);
  const queue = useRef<Op[]>([]);
  const sending = useRef(false);
  const { state, setState } = vote;

  const mine: MyDots = useMemo(() => {
    const m = { ...(state?.mine ?? {}) };
    for (const op of pending) m[op.itemId] = (m[op.itemId] ?? 0) + op.delta;
    return m;
  }, [state?.mine, pending]);

  const config = state?.session?.config;
  const open = state?.session?.status === 'open';
  const refusal = useCallback(
    (itemId: string, delta: 1 | -1) => (!config || !open ? 'NO_OPEN_VOTE' : dotRefusal(config, mine, itemId, delta)),
    [config, open, mine],
  );

  const pump = useCallback(async () => {
    if (sending.current || !socket) return;
    sending.current = true;
    let attempts = 0;
    while (queue.current.length > 0) {
      const op = queue.current[0]!;
      const r = await request(socket, C.voteDot, op);
      if (!r.ok && r.error.code === 'TIMEOUT' && ++attempts < MAX_ATTEMPTS) continue;
      attempts = 0;
      if (r.ok) setState(r.data);
      else {
        setError(r.error);
        // Offline: the clicks after this one would fail the same way; drop them visibly.
        if (r.error.code === 'OFFLINE') queue.current = [op];
      }
      queue.current.shift();
      setPending([...queue.current]);
    }
    sending.current = false;
  }, [socket, setState]);

  const click = useCallback(
    (itemId: string, delta: 1 | -1) => {
      const why = refusal(itemId, delta);
      if (why || !state?.session) return setError({ code: why ?? 'NO_OPEN_VOTE' });
      setError(null);
      queue.current.push({ sessionId: state.session.id, itemId, delta, opId: uuidv4() });
      setPending([...queue.current]);
      void pump();
    },
    [refusal, state?.session, pump],
  );

  const rate = useCallback(
    async (itemId: string, desirability: number, feasibility: number) => {
      if (!socket || !state?.session) return;
      const r = await request(socket, C.voteRate, { sessionId: state.session.id, itemId, desirability, feasibility });
      if (r.ok) {
        setState(r.data);
        setError(null);
      } else setError(r.error);
    },
    [socket, state?.session, setState],
  );

  return { mine, remaining: config ? dotsLeft(config, mine) : 0, refusal, click, rate, error, clearError: () => setError(null) };
}
