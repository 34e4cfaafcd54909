import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilitatorSession, FacilitatorState } from '../../sync/facilitatorSession';
import { Countdown } from '../../ui/Countdown';
import { BulkBar } from './BulkBar';
import { DashboardRow } from './DashboardRow';
import { TimerControls } from './TimerControls';
import './dashboard.css';

/** All ateliers at a glance, one line each, live; settings unfold on demand so 15 ateliers fit
 * a 1366×768 screen. Event-wide tools (bulk phase, event timer) for the admin link. */
export function Dashboard({ session, state }: { session: FacilitatorSession | null; state: FacilitatorState }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [eventTimer, setEventTimer] = useState(false);
  const ateliers = [...state.ateliers].sort((a, b) => a.position - b.position);
  const wholeEvent = state.scope === null;
  const stats = new Map(state.dashboard?.ateliers.map((r) => [r.id, r]) ?? []);
  const toggled = (s: ReadonlySet<string>, id: string) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  };
  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title" className="visually-hidden">{t('dashboard.title')}</h2>
      {state.status !== 'ready' && (
        <p className="warning small-note" role="status">{state.status === 'connecting' ? t('status.connecting') : t('dashboard.offline')}</p>
      )}
      {wholeEvent && (
        <div className="dash-toolbar">
          <BulkBar session={session} ateliers={ateliers} selected={selected} onSelectAll={(on) => setSelected(new Set(on ? ateliers.map((a) => a.id) : []))} />
          <div className="event-timer">
            <Countdown timer={state.event?.timer ?? null} testId="event-countdown" size="small" label={t('timer.event')} />
            <button type="button" className="secondary small" data-testid="event-timer-toggle" aria-expanded={eventTimer} aria-controls="event-timer-controls"
              onClick={() => setEventTimer(!eventTimer)}>
              {t('cockpit.eventTimer')}
            </button>
          </div>
          {eventTimer && (
            <div className="event-timer-controls" id="event-timer-controls">
              <TimerControls session={session} target="event" timer={state.event?.timer ?? null} idPrefix="event-timer" />
            </div>
          )}
        </div>
      )}
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col" className="col-select"><span className="visually-hidden">{t('dashboard.bulk')}</span></th>
            <th scope="col">{t('cockpit.cols.atelier')}</th>
            <th scope="col">{t('cockpit.cols.phase')}</th>
            <th scope="col">{t('cockpit.cols.timer')}</th>
            <th scope="col" className="num">{t('cockpit.cols.connected')}</th>
            <th scope="col" className="num">{t('cockpit.cols.ideas')}</th>
            <th scope="col" className="num">{t('cockpit.cols.pending')}</th>
            <th scope="col" className="num">{t('cockpit.cols.vote')}</th>
            <th scope="col" className="num">{t('cockpit.cols.candidates')}</th>
            <th scope="col" className="col-actions">{t('cockpit.cols.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {ateliers.map((a) => (
            <DashboardRow key={a.id} session={session} atelier={a} stats={stats.get(a.id) ?? null} selected={selected.has(a.id)}
              onSelect={(on) => select(a.id, on)} wholeEvent={wholeEvent} open={open.has(a.id)} onToggle={() => setOpen(toggled(open, a.id))} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
