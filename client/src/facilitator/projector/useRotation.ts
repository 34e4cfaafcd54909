import { useEffect, useState } from 'react';

export interface ProjectorChoice {
  /** A fixed atelier; null with `rotate` off means the first one. */
  atelierId: string | null;
  /** Each atelier in turn: an explicit choice, never the default. */
  rotate: boolean;
  seconds: number;
  /** The evening's final vote instead of an atelier. */
  plenary: boolean;
  /** `room`: large columns; `canvas`: the wall as drawn (the facilitator's "follow me" also shows it). */
  view: 'room' | 'canvas';
}

export const MIN_ROTATION_S = 5;
const DEFAULT_ROTATION_S = 20;

/** The choice lives in the address (?atelier=…, ?rotation=…, ?vue=canevas, ?vote=final) so a
 * projector tab can be bookmarked and survives a reload mid-evening. */
export function readChoice(search: string): ProjectorChoice {
  const q = new URLSearchParams(search);
  const seconds = Number(q.get('rotation'));
  return {
    atelierId: q.get('atelier'),
    rotate: !q.get('atelier') && q.has('rotation'),
    seconds: Number.isFinite(seconds) && seconds >= MIN_ROTATION_S ? seconds : DEFAULT_ROTATION_S,
    plenary: q.get('vote') === 'final',
    view: q.get('vue') === 'canevas' ? 'canvas' : 'room',
  };
}

export function writeChoice(c: ProjectorChoice): void {
  const q = new URLSearchParams();
  if (c.atelierId) q.set('atelier', c.atelierId);
  else if (c.rotate) q.set('rotation', String(c.seconds));
  if (c.plenary) q.set('vote', 'final');
  if (c.view === 'canvas') q.set('vue', 'canevas');
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

/** Which atelier is on screen: the chosen one (the first by default), or each in turn every `seconds`. */
export function useRotation(ids: readonly string[], choice: ProjectorChoice): string | null {
  const [index, setIndex] = useState(0);
  const rotating = choice.rotate && choice.atelierId === null && ids.length > 1;
  useEffect(() => {
    if (!rotating) return;
    const timer = setInterval(() => setIndex((i) => i + 1), Math.max(MIN_ROTATION_S, choice.seconds) * 1000);
    return () => clearInterval(timer);
  }, [rotating, choice.seconds]);
  if (choice.atelierId && ids.includes(choice.atelierId)) return choice.atelierId;
  if (!rotating) return ids[0] ?? null;
  return ids.length > 0 ? ids[index % ids.length]! : null;
}
