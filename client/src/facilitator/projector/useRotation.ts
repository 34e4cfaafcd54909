import { useEffect, useState } from 'react';

export interface ProjectorChoice {
  /** A fixed atelier, or null to rotate through all of them. */
  atelierId: string | null;
  seconds: number;
}

export const MIN_ROTATION_S = 5;
const DEFAULT_ROTATION_S = 20;

/** The choice lives in the address (?atelier=…&rotation=…) so a projector tab can be bookmarked
 * and survives a reload mid-evening. */
export function readChoice(search: string): ProjectorChoice {
  const q = new URLSearchParams(search);
  const seconds = Number(q.get('rotation'));
  return { atelierId: q.get('atelier'), seconds: Number.isFinite(seconds) && seconds >= MIN_ROTATION_S ? seconds : DEFAULT_ROTATION_S };
}

export function writeChoice(c: ProjectorChoice): void {
  const q = new URLSearchParams();
  if (c.atelierId) q.set('atelier', c.atelierId);
  q.set('rotation', String(c.seconds));
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

/** Which atelier is on screen: the chosen one, or each in turn every `seconds`. */
export function useRotation(ids: readonly string[], choice: ProjectorChoice): string | null {
  const [index, setIndex] = useState(0);
  const rotating = choice.atelierId === null && ids.length > 1;
  useEffect(() => {
    if (!rotating) return;
    const timer = setInterval(() => setIndex((i) => i + 1), Math.max(MIN_ROTATION_S, choice.seconds) * 1000);
    return () => clearInterval(timer);
  }, [rotating, choice.seconds]);
  if (choice.atelierId && ids.includes(choice.atelierId)) return choice.atelierId;
  return ids.length > 0 ? ids[index % ids.length]! : null;
}
