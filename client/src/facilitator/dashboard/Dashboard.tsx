import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitatorSession, FacilitatorState } from '../../sync/facilitatorSession';
import { Countdown } from '../../ui/Countdown';
import { BulkBar } from './BulkBar';
import { DashboardRow } from './DashboardRow';
import { TimerControls } from './TimerControls';

/** All ateliers at a glance, live, with their controls; event-wide tools for the admin link. */
export function Dashboard({ session, state }: { session: FacilitatorSession | null; state: FacilitatorState }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const ateliers = [...state.ateliers].sort((a, b) => a.position - b.position);
  const wholeEvent = state.scope === null;
  const stats = new Map(state.dashboard?.ateliers.map((r) => [r.id, r]) ?? []);
  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="stack dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
      <div className="section-head">
        <h2 id="dashboard-title">{t('dashboard.title')}</h2>
        {state.status !== 'ready' && (
          <span className="warning small-note" role="status">{state.status === 'connecting' ? t('status.connecting') : t('dashboard.offline')}</span>
        )}
      </div>
      {wholeEvent && (
        <>
          <div className="card event-timer">
            <Countdown timer={state.event?.timer ?? null} testId="event-countdown" size="normal" label={t('timer.event')} />
            <TimerControls session={session} target="event" timer={state.event?.timer ?? null} idPrefix="event-timer" />
          </div>
          <BulkBar session={session} ateliers={ateliers} selected={selected} onSelectAll={(on) => setSelected(new Set(on ? ateliers.map((a) => a.id) : []))} />
        </>
      )}
      <ol className="dash-rows">
        {ateliers.map((a) => (
          <DashboardRow key={a.id} session={session} atelier={a} stats={stats.get(a.id) ?? null} selected={selected.has(a.id)}
            onSelect={(on) => select(a.id, on)} wholeEvent={wholeEvent} />
        ))}
      </ol>
    </section>
  );
}
