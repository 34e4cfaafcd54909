import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESENT_KINDS, phaseIndex, type Atelier, type PresentKind } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { ClientError } from '../../sync/errors';
import { usePresentations } from './usePresentations';
import './present.css';

/** Until one is picked or presented: the first atelier furthest along (not yet closed), the
 * one whose clusters and candidates are there to present — not simply the first of fifteen. */
function furthest(ateliers: Atelier[]): Atelier | undefined {
  const open = ateliers.filter((a) => a.phase !== 'cloture');
  const pool = open.length > 0 ? open : ateliers;
  return pool.reduce<Atelier | undefined>((best, a) => (!best || phaseIndex(a.phase) > phaseIndex(best.phase) ? a : best), undefined);
}

/** The console's *présenter* remote: pick an atelier and what to show, then step through. */
export function PresentControls({ session, ready, ateliers }: { session: FacilitatorSession | null; ready: boolean; ateliers: Atelier[] }) {
  const { t } = useTranslation();
  const sorted = [...ateliers].sort((a, b) => a.position - b.position);
  const pres = usePresentations(session, ready, sorted.map((a) => a.id));
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const atelierId = picked ?? pres.latest?.atelierId ?? furthest(sorted)?.id ?? null;
  const state = atelierId ? (pres.byAtelier.get(atelierId) ?? null) : null;
  if (!atelierId) return null;
  const run = async (p: Parameters<typeof pres.send>[0]) => {
    const r = await pres.send(p);
    setError(r.ok ? null : r.error);
  };
  const start = (kind: PresentKind) => void run({ action: 'start', atelierId, kind });

  return (
    <section className="card present-controls" data-testid="present-controls" aria-labelledby="present-title">
      <h2 id="present-title">{t('present.title')}</h2>
      <p className="hint">{t('present.hint')}</p>
      <div className="present-row">
        <label>
          {t('present.atelier')}{' '}
          <select data-testid="present-atelier" value={atelierId} onChange={(e) => setPicked(e.target.value)}>
            {sorted.map((a) => (
              <option key={a.id} value={a.id}>{a.title}</option>
            ))}
          </select>
        </label>
        {PRESENT_KINDS.map((k) => (
          <button key={k} type="button" className={state?.kind === k ? 'primary' : 'secondary'} data-testid={`present-start-${k}`} aria-pressed={state?.kind === k} onClick={() => start(k)}>
            {t(`present.kinds.${k}`)}
          </button>
        ))}
      </div>
      {state && (
        <div className="present-row" data-testid="present-state" data-kind={state.kind} data-index={state.index} data-count={state.count}>
          <button type="button" className="secondary" data-testid="present-prev" disabled={state.index <= 0} onClick={() => void run({ action: 'step', atelierId, delta: -1 })}>
            ← {t('present.prev')}
          </button>
          <strong aria-live="polite">
            {t(`present.kind.${state.kind}`)} {state.count > 0 ? t('present.position', { n: state.index + 1, count: state.count }) : '—'}
          </strong>
          <button type="button" className="secondary" data-testid="present-next" disabled={state.index >= state.count - 1} onClick={() => void run({ action: 'step', atelierId, delta: 1 })}>
            {t('present.next')} →
          </button>
          <button type="button" className="secondary" data-testid="present-stop" onClick={() => void run({ action: 'stop', atelierId })}>
            {t('present.stop')}
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
