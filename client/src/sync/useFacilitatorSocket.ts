import { useEffect, useState } from 'react';
import { C, S, type Atelier } from '@semis/shared';
import { createSocket, request, type SemisSocket } from './socket';
import type { ClientError } from './errors';

export interface FacilitatorSocket {
  socket: SemisSocket | null;
  /** Authenticated on the current connection: facilitator commands may be sent. */
  ready: boolean;
  /** Live copies (phase, vote settings), from facilitator:auth then atelier:state pushes. */
  ateliers: Atelier[];
  /** The token was refused: reconnecting will not help. */
  error: ClientError | null;
}

/**
 * A facilitator's socket.io connection. Identity belongs to the connection, so it sends
 * facilitator:auth again after every reconnect; `ready` is false in between so screens don't
 * send commands that would only answer NOT_AUTHENTICATED.
 */
export function useFacilitatorSocket(token: string | null): FacilitatorSocket {
  const [state, setState] = useState<FacilitatorSocket>({ socket: null, ready: false, ateliers: [], error: null });

  useEffect(() => {
    if (!token) return;
    const socket = createSocket();
    setState({ socket, ready: false, ateliers: [], error: null });
    const upsert = (changed: Atelier[]) =>
      setState((s) => ({ ...s, ateliers: s.ateliers.map((a) => changed.find((c) => c.id === a.id) ?? a) }));

    socket.on('connect', async () => {
      const r = await request(socket, C.facilitatorAuth, { token });
      if (r.ok) setState((s) => ({ ...s, ready: true, ateliers: r.data.ateliers, error: null }));
      else if (r.error.code === 'NOT_AUTHENTICATED' || r.error.code === 'FORBIDDEN') {
        setState((s) => ({ ...s, ready: false, error: r.error }));
        socket.disconnect();
      }
    });
    socket.on('disconnect', () => setState((s) => ({ ...s, ready: false })));
    socket.on(S.atelierState, ({ atelier }) => upsert([atelier]));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      setState({ socket: null, ready: false, ateliers: [], error: null });
    };
  }, [token]);

  return state;
}
