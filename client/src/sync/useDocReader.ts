import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * State `read` from a board document, re-read when the `watched` maps change (their nested
 * values too with `deep`). A sync can carry hundreds of updates: re-reading at most every
 * ~frame keeps phones responsive. A timer rather than requestAnimationFrame: rAF stops in
 * hidden tabs, and a wall left in a background tab must still be current when brought back.
 * `read` and `watched` are module-level functions, `empty` a constant.
 */
export function useDocReader<T>(doc: Y.Doc | null, empty: T, read: (doc: Y.Doc) => T, watched: (doc: Y.Doc) => Y.Map<unknown>[], deep = false): T {
  const [state, setState] = useState<T>(empty);
  useEffect(() => {
    if (!doc) {
      setState(empty);
      return;
    }
    const maps = watched(doc);
    let timer: ReturnType<typeof setTimeout> | 0 = 0;
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = 0;
        setState(read(doc));
      }, 16);
    };
    setState(read(doc));
    for (const m of maps) {
      if (deep) m.observeDeep(schedule);
      else m.observe(schedule);
    }
    return () => {
      for (const m of maps) {
        if (deep) m.unobserveDeep(schedule);
        else m.unobserve(schedule);
      }
      if (timer) clearTimeout(timer);
    };
  }, [doc, empty, read, watched, deep]);
  return state;
}
