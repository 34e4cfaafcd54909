import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, nextPhase, previousPhase, type Atelier, type Phase } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { PhaseBadge } from '../../ui/PhaseBadge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCommand } from '../useCommand';

/** One step at a time, with "back" as easy to reach as "forward": a mistaken advance is one
 * click from undone. `compact`: arrows only (the phase names are in their labels), for the
 * one-line cockpit row. Before a cluster vote opens, ideas left outside every cluster are named
 * and the facilitator chooses: vote on them as items of their own, or open without them. */
export function PhaseStepper({ session, atelier, compact = false }: { session: FacilitatorSession | null; atelier: Atelier; compact?: boolean }) {
  const { t } = useTranslation();
  const { run, busy, error } = useCommand(session);
  const [left, setLeft] = useState(0);
  const prev = previousPhase(atelier.phase);
  const next = nextPhase(atelier.phase);
  const move = (phase: Phase) => void run(C.setPhase, { atelierIds: [atelier.id], phase });
  const go = async (phase: Phase | null) => {
    if (!phase) return;
    if (phase === 'vote' && atelier.vote.target === 'clusters' && !atelier.vote.includeUnclustered) {
      const preview = await run(C.votePreview, { atelierId: atelier.id });
      const n = preview.ok ? (preview.data as { left: number }).left : 0;
      if (n > 0) return setLeft(n);
    }
    move(phase);
  };
  const include = async () => {
    setLeft(0);
    const r = await run(C.voteConfigure, { atelierId: atelier.id, config: { includeUnclustered: true } });
    if (r.ok) move('vote');
  };
  const prevLabel = prev ? t('dashboard.backTo', { phase: t(`phase.${prev}`) }) : undefined;
  const nextLabel = next ? t('dashboard.forwardTo', { phase: t(`phase.${next}`) }) : undefined;
  return (
    <div className={compact ? 'phase-stepper compact' : 'phase-stepper'}>
      <button type="button" className="secondary small" data-testid="phase-prev" disabled={!prev || busy} onClick={() => void go(prev)}
        aria-label={prevLabel} title={prevLabel}>
        {prev && !compact ? `◀ ${t(`phase.${prev}`)}` : '◀'}
      </button>
      <PhaseBadge phase={atelier.phase} />
      <button type="button" className="secondary small" data-testid="phase-next" disabled={!next || busy} onClick={() => void go(next)}
        aria-label={nextLabel} title={nextLabel}>
        {next && !compact ? `${t(`phase.${next}`)} ▶` : '▶'}
      </button>
      {left > 0 && (
        <div className="vote-left" role="alertdialog" aria-labelledby={`left-${atelier.id}`} data-testid="vote-left" data-count={left}>
          <p id={`left-${atelier.id}`}>{t('votes.config.unclusteredLeft', { count: left })}</p>
          <button type="button" className="primary small" data-testid="vote-left-include" disabled={busy} onClick={() => void include()}>
            {t('votes.config.includeUnclustered')}
          </button>
          <button type="button" className="secondary small" data-testid="vote-left-open" disabled={busy} onClick={() => { setLeft(0); move('vote'); }}>
            {t('cockpit.openWithout')}
          </button>
          <button type="button" className="link small" onClick={() => setLeft(0)}>{t('participant.cancel')}</button>
        </div>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
