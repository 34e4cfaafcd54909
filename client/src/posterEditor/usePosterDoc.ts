import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { byZ, posterMaps, readBackground, shapeSchema, type Background, type Shape } from '@semis/shared/posters';

/**
 * The poster's shapes, validated. A document value is parsed once and cached by identity:
 * a remote edit re-parses the shapes it touched, not all five thousand. Bad records are
 * skipped (and reported once in the console) so the rest of the board still renders.
 */
export function usePosterDoc(doc: Y.Doc | null): { shapes: Shape[]; background: Background | null } {
  const [state, setState] = useState<{ shapes: Shape[]; background: Background | null }>({ shapes: [], background: null });

  useEffect(() => {
    if (!doc) return;
    const { shapes, settings } = posterMaps(doc);
    const cache = new Map<string, { raw: unknown; shape: Shape | null }>();
    let marked = false;
    const update = (keys: Iterable<string>) => {
      // Marks for bench:canvas: first render = document received → validated → drawn.
      const first = !marked && shapes.size > 0;
      if (first) performance.mark('poster:doc');
      for (const key of keys) {
        const raw = shapes.get(key);
        if (raw === undefined) {
          cache.delete(key);
          continue;
        }
        if (cache.get(key)?.raw === raw) continue;
        const parsed = shapeSchema.safeParse(raw);
        const ok = parsed.success && parsed.data.id === key;
        if (!ok) console.warn(`[semis] poster: élément ${key} ignoré (invalide)`, parsed.error?.issues[0]);
        cache.set(key, { raw, shape: ok ? parsed.data : null });
      }
      const list: Shape[] = [];
      for (const { shape } of cache.values()) if (shape) list.push(shape);
      setState((s) => ({ ...s, shapes: list.sort(byZ) }));
      if (first) {
        marked = true;
        performance.mark('poster:parsed');
      }
    };
    update(shapes.keys());
    setState((s) => ({ ...s, background: readBackground(doc) }));
    const onShapes = (e: Y.YMapEvent<unknown>) => update(e.keysChanged);
    const onSettings = () => setState((s) => ({ ...s, background: readBackground(doc) }));
    shapes.observe(onShapes);
    settings.observe(onSettings);
    return () => {
      shapes.unobserve(onShapes);
      settings.unobserve(onSettings);
    };
  }, [doc]);

  return state;
}
