import { useTranslation } from 'react-i18next';
import type { AdminEventResult, TimerState } from '@semis/shared';
import type { FacilitatorState } from '../../sync/facilitatorSession';
import { Countdown } from '../../ui/Countdown';
import { QrCode } from '../QrCode';

/** The right-hand column: how to join, the time left, who is there. Fixed sizes that fit its
 * width, whatever the timer says ("Temps écoulé" included). */
export function ProjectorSide({ data, state, timer, counts }: { data: AdminEventResult; state: FacilitatorState; timer: TimerState | null; counts?: { connected: number; ideas: number } }) {
  const { t } = useTranslation();
  // The code is shown in large type below, so the line reads `adresse/j` + code.
  const joinUrl = `${data.links.base.replace(/^https?:\/\//, '')}/j`;
  return (
    <aside className="projector-side" data-testid="projector-side">
      <div className="projector-join">
        <p className="projector-join-url" data-testid="projector-join-url">{t('projector.join', { url: joinUrl })}</p>
        <p className="projector-code" data-testid="projector-code">{data.event.joinCode}</p>
        <QrCode text={data.links.participant} alt={t('console.qrAlt')} />
      </div>
      <Countdown timer={timer} testId="projector-timer" size="big" label={t('timer.atelier')} />
      <Countdown timer={state.event?.timer ?? data.event.timer} testId="projector-event-timer" size="normal" label={t('timer.event')} />
      {counts && (
        <p className="projector-counts" data-testid="projector-counts" data-connected={counts.connected} data-ideas={counts.ideas}>
          {t('projector.participants', { count: counts.connected })} · {t('wall.ideas', { count: counts.ideas })}
        </p>
      )}
    </aside>
  );
}
