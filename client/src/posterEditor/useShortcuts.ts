import { useEffect, useRef } from 'react';
import type { Tool } from './model';

export interface ShortcutActions {
  tool: (t: Tool) => void;
  undo: () => void;
  redo: () => void;
  remove: () => void;
  duplicate: () => void;
  selectAll: () => void;
  nudge: (dx: number, dy: number) => void;
  front: () => void;
  back: () => void;
  cancel: () => void;
  finish: () => void;
  zoom: (factor: number) => void;
  fit: () => void;
  space: (held: boolean) => void;
}

const TOOL_KEYS: Record<string, Tool> = { v: { kind: 'select' }, h: { kind: 'hand' }, p: { kind: 'pen' }, t: { kind: 'text' }, n: { kind: 'postit' }, a: { kind: 'arrow' } };

/** Keyboard shortcuts of the poster editor; ignored while typing in a field. */
export function useShortcuts(actions: ShortcutActions, canWrite: boolean): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const typing = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
    };
    const down = (e: KeyboardEvent) => {
      if (typing(e)) return;
      const a = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (key === ' ') a.space(true);
      else if (key === 'escape') a.cancel();
      else if (key === 'enter') a.finish();
      else if (key === '+' || key === '=') a.zoom(1.2);
      else if (key === '-') a.zoom(1 / 1.2);
      else if (key === '0') a.fit();
      else if (mod && key === 'a') a.selectAll();
      else if (!canWrite) {
        if (key === 'v' || key === 'h') a.tool(TOOL_KEYS[key]!);
        else handled = false;
      }
      else if (mod && key === 'z' && !e.shiftKey) a.undo();
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) a.redo();
      else if (mod && key === 'd') a.duplicate();
      else if (key === 'delete' || key === 'backspace') a.remove();
      else if (key === ']') a.front();
      else if (key === '[') a.back();
      else if (key.startsWith('arrow')) {
        const step = e.shiftKey ? 100 : 20;
        a.nudge(key === 'arrowleft' ? -step : key === 'arrowright' ? step : 0, key === 'arrowup' ? -step : key === 'arrowdown' ? step : 0);
      } else if (!mod && TOOL_KEYS[key]) a.tool(TOOL_KEYS[key]!);
      else handled = false;
      if (handled) e.preventDefault();
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') ref.current.space(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, [canWrite]);
}
