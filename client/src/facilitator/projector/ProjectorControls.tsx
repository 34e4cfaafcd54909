import { useTranslation } from 'react-i18next';
import type { Atelier } from '@semis/shared';
import { MIN_ROTATION_S, type ProjectorChoice } from './useRotation';

/** Small and at the bottom: set once by the facilitator, then out of the audience's way. */
export function ProjectorControls({ ateliers, choice, onChange }: { ateliers: Atelier[]; choice: ProjectorChoice; onChange: (c: ProjectorChoice) => void }) {
  const { t } = useTranslation();
  return (
    <div className="projector-controls" role="group" aria-label={t('projector.settings')}>
      <label>
        {t('projector.show')}{' '}
        <select data-testid="projector-select" value={choice.atelierId ?? ''} onChange={(e) => onChange({ ...choice, atelierId: e.target.value || null })}>
          <option value="">{t('projector.rotation')}</option>
          {ateliers.map((a) => (
            <option key={a.id} value={a.id}>{a.title}</option>
          ))}
        </select>
      </label>
      {choice.atelierId === null && (
        <label>
          {t('projector.every')}{' '}
          <input type="number" min={MIN_ROTATION_S} step={5} data-testid="projector-seconds" value={choice.seconds}
            onChange={(e) => onChange({ ...choice, seconds: Math.max(MIN_ROTATION_S, Number(e.target.value) || MIN_ROTATION_S) })} />{' '}
          {t('projector.seconds')}
        </label>
      )}
    </div>
  );
}
