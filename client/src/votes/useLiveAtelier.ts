import { useEffect, useState } from 'react';
import { S, type Atelier } from '@semis/shared';
import type { SemisSocket } from '../sync/socket';
import { useSocketEvent } from '../sync/useSocketEvent';

/** The atelier as last pushed by the server (phase, vote settings), else as the phone stored it. */
export function useLiveAtelier(socket: SemisSocket | null, atelier: Atelier): Atelier {
  const [live, setLive] = useState(atelier);
  useEffect(() => setLive(atelier), [atelier]);
  useSocketEvent(socket, S.atelierState, ({ atelier: pushed }) => {
    if (pushed.id === atelier.id) setLive(pushed);
  });
  return live;
}
