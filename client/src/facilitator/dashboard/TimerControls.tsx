import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, MAX_TIMER_SECONDS, TIMER_PRESETS, type TimerState } from '@semis/shared';
import type { FacilitatorSession } from '../../sync/facilitatorSession';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCommand } from '../useCommand';

type Preset = keyof typeof TIMER_PRESETS;
const PRESETS = Object.keys(TIMER_PRESETS) as Preset[];
const minutesOf = (p: Preset) => TIMER_PRESETS[p] / 60_000;

interface Props {
  session: FacilitatorSession | null;
  /** An atelier id, or 'event' for the evening's global countdown. */
  target: string;
  timer: TimerState | null;
  /** The preset that fits the moment (idéation → 15 min…). */
  preset?: Preset;
  /** Prefix of the test ids, so the event's controls don't collide with an atelier's. */
  idPrefix?: string;
  disabled?: boolean;
}

/** Start (preset or custom minutes, optionally locking at zero), pause/resume, add, clear. */
export function TimerControls({ session, target, timer, preset = 'ideation', idPrefix = 'timer', disabled = false }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, error, setError } = useCommand(session);
  const [choice, setChoice] = useState<Preset | 'custom'>(preset);
  const [minutes, setMinutes] = useState(String(minutesOf(preset)));
  const [lock, setLock] = useState(false);
  const off = disabled || busy;
  const tid = (s: string) => `${idPrefix}-${s}`;

  const start = () => {
    const n = Number(minutes.replace(',', '.'));
    if (!Number.isFinite(n) || n <= 0 || n * 60 > MAX_TIMER_SECONDS) return setError({ code: 'INVALID_TIMER' });
    void run(C.timer, { target, action: 'start', durationMs: Math.round(n * 60_000), onZero: lock ? 'lock' : 'notify' });
  };
  const simple = (action: 'pause' | 'resume' | 'clear') => void run(C.timer, { target, action });
  const add = (min: number) => void run(C.timer, { target, action: 'add', deltaMs: min * 60_000 });

  return (
    <div className="timer-controls" role="group" aria-label={t('timer.controls')}>
      <label className="visually-hidden" htmlFor={`${id}-preset`}>{t('timer.preset')}</label>
      <select id={`${id}-preset`} data-testid={tid('start-preset')} value={choice} disabled={off}
        onChange={(e) => {
          const v = e.target.value as Preset | 'custom';
          setChoice(v);
          if (v !== 'custom') setMinutes(String(minutesOf(v)));
        }}>
        {PRESETS.map((p) => (
          <option key={p} value={p}>{t(`timer.presets.${p}`)}</option>
        ))}
        <option value="custom">{t('timer.presets.custom')}</option>
      </select>
      <label className="timer-minutes">
        <input type="number" inputMode="decimal" min={0.1} step="any" data-testid={tid('minutes')} value={minutes} disabled={off}
          onChange={(e) => {
            setMinutes(e.target.value);
            setChoice('custom');
          }} />
        <span>{t('timer.min')}</span>
      </label>
      <label className="check">
        <input type="checkbox" data-testid={tid('lock')} checked={lock} disabled={off} onChange={(e) => setLock(e.target.checked)} />
        {t('timer.lockAtZero')}
      </label>
      <button type="button" className="primary small" data-testid={tid('start')} disabled={off} onClick={start}>{t('timer.start')}</button>
      <button type="button" className="secondary small" data-testid={tid('pause')} disabled={off || !timer || timer.endsAt === null} onClick={() => simple('pause')}>{t('timer.pause')}</button>
      <button type="button" className="secondary small" data-testid={tid('resume')} disabled={off || !timer || timer.endsAt !== null} onClick={() => simple('resume')}>{t('timer.resume')}</button>
      <button type="button" className="secondary small" data-testid={tid('add-1')} disabled={off || !timer} onClick={() => add(1)}>{t('timer.add', { n: 1 })}</button>
      <button type="button" className="secondary small" data-testid={tid('add-5')} disabled={off || !timer} onClick={() => add(5)}>{t('timer.add', { n: 5 })}</button>
      <button type="button" className="secondary small" data-testid={tid('clear')} disabled={off || !timer} onClick={() => simple('clear')}>{t('timer.clear')}</button>
      <ErrorMessage error={error} />
    </div>
  );
}
