/** The evening's phases for one atelier, in order. Server-authoritative. */
export const PHASES = ['preparation', 'ideation', 'regroupement', 'vote', 'restitution', 'cloture'] as const;
export type Phase = (typeof PHASES)[number];

/** New ateliers open in idéation: a facilitator who ignores phases still gets a working wall;
 * one who prepares ahead moves them back to préparation. */
export const INITIAL_PHASE: Phase = 'ideation';

export function phaseIndex(p: Phase): number {
  return PHASES.indexOf(p);
}

/** One step forward or back — so a mistaken advance is always undoable, and nobody skips the
 * vote by a slip of the finger. Staying put is not a transition. */
export function canTransition(from: Phase, to: Phase): boolean {
  return Math.abs(phaseIndex(from) - phaseIndex(to)) === 1;
}

export function nextPhase(p: Phase): Phase | null {
  return PHASES[phaseIndex(p) + 1] ?? null;
}

export function previousPhase(p: Phase): Phase | null {
  return phaseIndex(p) > 0 ? PHASES[phaseIndex(p) - 1]! : null;
}
