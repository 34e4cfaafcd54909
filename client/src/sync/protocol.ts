import { useSyncExternalStore } from 'react';

/** Set once the server refused this page's protocol version: only a reload helps. */
let outdated = false;
const listeners = new Set<() => void>();

export function markOutdated(): void {
  if (outdated) return;
  outdated = true;
  for (const l of listeners) l();
}

export function useOutdated(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => outdated,
  );
}
