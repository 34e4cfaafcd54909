import { useEffect, useRef } from 'react';
import type { ServerToClientEvents } from '@semis/shared';
import type { SemisSocket } from './socket';

/** Listens to one server push while mounted; the latest handler is used without resubscribing. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(socket: SemisSocket | null, event: E, handler: ServerToClientEvents[E]): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    const fn = ((...args: unknown[]) => (ref.current as (...a: unknown[]) => void)(...args)) as ServerToClientEvents[E];
    // socket.io's typed overloads can't follow a generic event name; the cast stays local.
    const s = socket as unknown as { on(e: string, f: unknown): void; off(e: string, f: unknown): void };
    s.on(event, fn);
    return () => s.off(event, fn);
  }, [socket, event]);
}
