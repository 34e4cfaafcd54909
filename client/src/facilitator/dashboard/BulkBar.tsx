import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, PHASES, nextPhase, phaseIndex, previousPhase, type Atelier, type Phase } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { errorText } from '../../sync/errors';
import { useCommand } from '../useCommand';

interface Props {
  session: FacilitatorSession | null;
  ateliers: Atelier[];
  selected: ReadonlySet<string>;
  onSelectAll: (on: boolean) => void;
}

/** Forward: every selected atelier to the step after the furthest one; back: to the step
 * before the earliest. Ateliers already there stay put; one that would jump two phases makes
 * the server refuse the whole move (all or none), and we name it. */
export function targetPhase(phases: Phase[], dir: 1 | -1): Phase | null {
  if (phases.length === 0) return null;
  const idx = phases.map(phaseIndex);
  const from = PHASES[dir === 1 ? Math.max(...idx) : Math.min(...idx)]!;
  return dir === 1 ? nextPhase(from) : previousPhase(from);
}

export function BulkBar({ session, ateliers, selected, onSelectAll }: Props) {
  const { t } = useTranslation();
  const { run, busy, error } = useCommand(session);
  const [undo, setUndo] = useState<{ ids: string[]; phase: Phase } | null>(null);
  const chosen = ateliers.filter((a) => selected.has(a.id));
  const all = chosen.length === ateliers.length && ateliers.length > 0;

  const move = async (dir: 1 | -1) => {
    const phase = targetPhase(chosen.map((a) => a.phase), dir);
    if (!phase) return;
    if (phase === 'vote' && !(await confirmLeftOut())) return;
    const before = new Map(chosen.map((a) => [a.id, a.phase]));
    const r = await run(C.setPhase, { atelierIds: all ? 'all' : chosen.map((a) => a.id), phase });
    const moved = r.ok ? (r.data as { ateliers: Atelier[] }).ateliers : [];
    // Undo only makes sense when they all came from the same phase.
    const from = new Set(moved.map((a) => before.get(a.id)));
    setUndo(moved.length > 0 && from.size === 1 ? { ids: moved.map((a) => a.id), phase: [...from][0]! } : null);
  };

  /** Before opening cluster votes: ideas outside every cluster would not be voted on — say so. */
  const confirmLeftOut = async (): Promise<boolean> => {
    const asked = chosen.filter((a) => a.phase !== 'vote' && a.vote.target === 'clusters' && !a.vote.includeUnclustered);
    const previews = await Promise.all(asked.map((a) => run(C.votePreview, { atelierId: a.id })));
    const left = previews.map((r) => (r.ok ? (r.data as { left: number }).left : 0));
    const count = left.reduce((x, y) => x + y, 0);
    const where = asked.filter((_, i) => left[i]! > 0).map((a) => a.title).join(', ');
    return count === 0 || window.confirm(t('cockpit.bulkLeft', { count, where }));
  };

  const failure = error?.code === 'INVALID_TRANSITION' && error.field ? ateliers.find((a) => a.id === error.field) : undefined;
  const next = targetPhase(chosen.map((a) => a.phase), 1);
  const prev = targetPhase(chosen.map((a) => a.phase), -1);

  return (
    <div className="bulk-bar card" role="group" aria-label={t('dashboard.bulk')}>
      <label className="check">
        <input type="checkbox" data-testid="select-all" checked={all} onChange={(e) => onSelectAll(e.target.checked)} />
        {t('dashboard.selectAll')}
      </label>
      <span className="hint">{chosen.length > 0 ? t('dashboard.selected', { count: chosen.length }) : t('dashboard.bulkHint')}</span>
      <button type="button" className="secondary" data-testid="bulk-phase-prev" disabled={busy || !prev} onClick={() => void move(-1)}>
        ◀ {prev ? t(`phase.${prev}`) : t('dashboard.prev')}
      </button>
      <button type="button" className="primary" data-testid="bulk-phase-next" disabled={busy || !next} onClick={() => void move(1)}>
        {next ? t(`phase.${next}`) : t('dashboard.next')} ▶
      </button>
      {undo && (
        <button type="button" className="link" data-testid="bulk-undo" disabled={busy}
          onClick={() => void run(C.setPhase, { atelierIds: undo.ids, phase: undo.phase }).then(() => setUndo(null))}>
          {t('dashboard.undo', { phase: t(`phase.${undo.phase}`) })}
        </button>
      )}
      {failure ? (
        <ErrorMessage text={t('dashboard.transitionFailed', { title: failure.title, phase: t(`phase.${failure.phase}`), reason: errorText(t, error!) })} />
      ) : (
        <ErrorMessage error={error} />
      )}
    </div>
  );
}
