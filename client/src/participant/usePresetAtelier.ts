import { useEffect } from 'react';
import { participantPath, type Atelier } from '@semis/shared';
import { navigate } from '../router';

/** A per-atelier QR poster (`/j/CODE/<atelierId>`) drops the phone into that atelier once it has
 * a pseudonym; the address then becomes `/j/CODE`, so *changer d'atelier* and reloads behave as
 * usual. An atelier id that isn't in the event is ignored: the picker shows. */
export function usePresetAtelier(code: string, atelierId: string | undefined, s: { joinedAs: unknown; ateliers: readonly Atelier[] }, enter: (id: string) => void): void {
  const known = !!atelierId && s.ateliers.some((a) => a.id === atelierId);
  const ready = !!s.joinedAs && s.ateliers.length > 0;
  useEffect(() => {
    if (!atelierId || !ready) return;
    if (known) enter(atelierId);
    navigate(participantPath(code), { replace: true });
  }, [atelierId, ready, known, code, enter]);
}
