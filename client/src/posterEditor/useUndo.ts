import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';

/**
 * Undo/redo of this person's own changes only: every local write carries `origin`, and the
 * UndoManager tracks that origin alone, so undoing never reverts a teammate's drawing.
 */
export function useUndo(doc: Y.Doc | null, typeNames: readonly string[]) {
  const origin = useMemo(() => ({ who: 'local-editor' }), []);
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  const manager = useMemo(() => {
    if (!doc) return null;
    return new Y.UndoManager(
      typeNames.map((n) => doc.getMap(n)),
      { trackedOrigins: new Set([origin]), captureTimeout: 400 },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, origin]);

  useEffect(() => {
    if (!manager) return;
    const sync = () => setState({ canUndo: manager.undoStack.length > 0, canRedo: manager.redoStack.length > 0 });
    manager.on('stack-item-added', sync);
    manager.on('stack-item-popped', sync);
    manager.on('stack-cleared', sync);
    return () => manager.destroy();
  }, [manager]);

  return {
    origin,
    ...state,
    undo: () => manager?.undo(),
    redo: () => manager?.redo(),
  };
}
