import { useTranslation } from 'react-i18next';
import { C, nextPhase, previousPhase, type Atelier } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { PhaseBadge } from '../../ui/PhaseBadge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCommand } from '../useCommand';

/** One step at a time, with "back" as easy to reach as "forward": a mistaken advance is one
 * click from undone. */
export function PhaseStepper({ session, atelier }: { session: FacilitatorSession | null; atelier: Atelier }) {
  const { t } = useTranslation();
  const { run, busy, error } = useCommand(session);
  const prev = previousPhase(atelier.phase);
  const next = nextPhase(atelier.phase);
  const go = (phase: typeof prev) => phase && void run(C.setPhase, { atelierIds: [atelier.id], phase });
  return (
    <div className="phase-stepper">
      <button type="button" className="secondary small" data-testid="phase-prev" disabled={!prev || busy} onClick={() => go(prev)}
        aria-label={prev ? t('dashboard.backTo', { phase: t(`phase.${prev}`) }) : undefined}>
        {prev ? `◀ ${t(`phase.${prev}`)}` : '◀'}
      </button>
      <PhaseBadge phase={atelier.phase} />
      <button type="button" className="secondary small" data-testid="phase-next" disabled={!next || busy} onClick={() => go(next)}
        aria-label={next ? t('dashboard.forwardTo', { phase: t(`phase.${next}`) }) : undefined}>
        {next ? `${t(`phase.${next}`)} ▶` : '▶'}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
