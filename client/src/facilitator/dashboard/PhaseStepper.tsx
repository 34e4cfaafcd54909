import { useTranslation } from 'react-i18next';
import { C, nextPhase, previousPhase, type Atelier } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { PhaseBadge } from '../../ui/PhaseBadge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCommand } from '../useCommand';

/** One step at a time, with "back" as easy to reach as "forward": a mistaken advance is one
 * click from undone. `compact`: arrows only (the phase names are in their labels), for the
 * one-line cockpit row. */
export function PhaseStepper({ session, atelier, compact = false }: { session: FacilitatorSession | null; atelier: Atelier; compact?: boolean }) {
  const { t } = useTranslation();
  const { run, busy, error } = useCommand(session);
  const prev = previousPhase(atelier.phase);
  const next = nextPhase(atelier.phase);
  const go = (phase: typeof prev) => phase && void run(C.setPhase, { atelierIds: [atelier.id], phase });
  const prevLabel = prev ? t('dashboard.backTo', { phase: t(`phase.${prev}`) }) : undefined;
  const nextLabel = next ? t('dashboard.forwardTo', { phase: t(`phase.${next}`) }) : undefined;
  return (
    <div className={compact ? 'phase-stepper compact' : 'phase-stepper'}>
      <button type="button" className="secondary small" data-testid="phase-prev" disabled={!prev || busy} onClick={() => go(prev)}
        aria-label={prevLabel} title={prevLabel}>
        {prev && !compact ? `◀ ${t(`phase.${prev}`)}` : '◀'}
      </button>
      <PhaseBadge phase={atelier.phase} />
      <button type="button" className="secondary small" data-testid="phase-next" disabled={!next || busy} onClick={() => go(next)}
        aria-label={nextLabel} title={nextLabel}>
        {next && !compact ? `${t(`phase.${next}`)} ▶` : '▶'}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
