import { useTranslation } from 'react-i18next';
import type { TimerState } from '@semis/shared';
import { useCountdown } from '../sync/useCountdown';

/** Whole seconds rounded up: "00:01" until it really is zero, as people expect of a countdown. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

interface Props {
  timer: TimerState | null;
  testId?: string;
  size?: 'small' | 'normal' | 'big';
  label?: string;
}

/** The same numbers on phones, walls and the projector: all read the server's deadline through
 * the server clock estimate. Always rendered (with data-state="none") so screens and tests can
 * find it before a facilitator starts one. */
export function Countdown({ timer, testId = 'countdown', size = 'normal', label }: Props) {
  const { t } = useTranslation();
  const v = useCountdown(timer);
  const time = formatRemaining(v.remainingMs);
  const shown = v.state === 'none' ? '—' : v.state === 'expired' ? t('timer.expired') : time;
  // Screen readers hear what the screen shows: the time (or its state) and its flags.
  const flags = [v.state === 'paused' && t('timer.paused'), v.locked && t('timer.locked')].filter(Boolean).join(', ');
  const spoken = `${label ? `${label} : ` : ''}${v.state === 'none' ? t('timer.none') : shown}${flags ? `, ${flags}` : ''}`;
  return (
    <div
      className={`countdown countdown-${size} is-${v.state}${v.locked ? ' is-locked' : ''}`}
      data-testid={testId}
      data-remaining-ms={v.remainingMs}
      data-state={v.state}
      role="timer"
      aria-label={spoken}
      hidden={v.state === 'none' && size !== 'big'}
    >
      {label && <span className="countdown-label">{label}</span>}
      <span className="countdown-time">{shown}</span>
      {v.state === 'paused' && <span className="countdown-flag">{t('timer.paused')}</span>}
      {v.locked && <span className="countdown-flag locked">{t('timer.locked')}</span>}
    </div>
  );
}
