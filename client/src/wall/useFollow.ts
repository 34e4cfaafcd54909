import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { C, type Viewport } from '@semis/shared';
import type { FacilitatorSession } from '../sync/facilitatorSession';
import type { BoardHandle } from './Board';

/** ~10 viewports a second at most, the last one always sent (trailing edge). */
const MIN_INTERVAL_MS = 100;

/**
 * "Faire suivre ma vue": while on, this wall's pan/zoom is broadcast to the atelier's other
 * walls and the projector; while off, viewports others broadcast are applied here. Both go
 * straight to Konva through `board`, never through React state.
 */
export function useFollow(session: FacilitatorSession | null, atelierId: string, board: RefObject<BoardHandle | null>, opts: { canLead: boolean }) {
  const [leading, setLeadingState] = useState(false);
  const leadingRef = useRef(false);
  const last = useRef(0);
  const trailing = useRef<ReturnType<typeof setTimeout> | null>(null);

  const send = useCallback(
    (viewport: Viewport | null) => void session?.command(C.follow, { atelierId, viewport }),
    [session, atelierId],
  );

  const onViewportEnd = useCallback(
    (v: Viewport) => {
      if (!leadingRef.current) return;
      if (trailing.current) clearTimeout(trailing.current);
      const wait = last.current + MIN_INTERVAL_MS - Date.now();
      const fire = () => {
        trailing.current = null;
        last.current = Date.now();
        send(v);
      };
      if (wait <= 0) fire();
      else trailing.current = setTimeout(fire, wait);
    },
    [send],
  );

  const setLeading = useCallback(
    (on: boolean) => {
      leadingRef.current = on;
      setLeadingState(on);
      if (trailing.current) clearTimeout(trailing.current);
      send(on ? board.current?.getViewport() ?? null : null);
    },
    [send, board],
  );

  // Others' views: applied unless we lead ourselves.
  useEffect(
    () =>
      session?.onFollow((id, viewport) => {
        if (id === atelierId && viewport && !leadingRef.current) board.current?.setViewport(viewport);
      }),
    [session, atelierId, board],
  );

  // Leaving the page while leading must release the followers.
  useEffect(
    () => () => {
      if (trailing.current) clearTimeout(trailing.current);
      if (leadingRef.current && opts.canLead) send(null);
    },
    [send, opts.canLead],
  );

  return { leading, setLeading, onViewportEnd };
}
