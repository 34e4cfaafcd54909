import { useTranslation } from 'react-i18next';
import { C, TIMER_PRESETS } from '@semis/shared';
import { Countdown } from '../ui/Countdown';
import type { FacilitatorSession } from '../sync/facilitatorSession';
import type { FacilitatorState } from '../sync/facilitatorSession';

/** Ten minutes per group: the atelier's own countdown, so phones and the projector agree. */
export function startRestitutionTimer(session: FacilitatorSession | null, atelierId: string): void {
  void session?.command(C.timer, { target: atelierId, action: 'start', durationMs: TIMER_PRESETS.restitution, onZero: 'notify' });
}

export function PresentationTimer({ session, state, atelierId }: { session: FacilitatorSession | null; state: FacilitatorState; atelierId: string }) {
  const { t } = useTranslation();
  const atelier = state.ateliers.find((a) => a.id === atelierId);
  return (
    <div className="presentation-timer">
      <Countdown timer={atelier?.timer ?? null} testId="presentation-timer" size="big" />
      <button type="button" className="secondary small" data-testid="presentation-timer-restart" disabled={!session} onClick={() => startRestitutionTimer(session, atelierId)}>
        {t('posters.restartTimer')}
      </button>
    </div>
  );
}
