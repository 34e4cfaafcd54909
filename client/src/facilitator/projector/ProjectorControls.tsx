import { useTranslation } from 'react-i18next';
import type { Atelier } from '@semis/shared';
import { MIN_ROTATION_S, type ProjectorChoice } from './useRotation';

const ROTATION = '__rotation';
const PLENARY = '__plenary';

/** At the bottom, out of the audience's way, but as legible from the back as the rest (projector.css). */
export function ProjectorControls({ ateliers, choice, currentId, onChange }: { ateliers: Atelier[]; choice: ProjectorChoice; currentId: string | null; onChange: (c: ProjectorChoice) => void }) {
  const { t } = useTranslation();
  const value = choice.plenary ? PLENARY : choice.rotate && !choice.atelierId ? ROTATION : (choice.atelierId ?? currentId ?? '');
  const pick = (v: string) => {
    if (v === PLENARY) onChange({ ...choice, plenary: true });
    else if (v === ROTATION) onChange({ ...choice, plenary: false, rotate: true, atelierId: null });
    else onChange({ ...choice, plenary: false, rotate: false, atelierId: v });
  };
  return (
    <div className="projector-controls" role="group" aria-label={t('projector.settings')}>
      <label>
        {t('projector.show')}{' '}
        <select data-testid="projector-select" value={value} onChange={(e) => pick(e.target.value)}>
          {ateliers.map((a) => (
            <option key={a.id} value={a.id}>{a.title}</option>
          ))}
          <option value={ROTATION}>{t('projector.rotation')}</option>
          <option value={PLENARY}>{t('room.plenary')}</option>
        </select>
      </label>
      {value === ROTATION && (
        <label>
          {t('projector.every')}{' '}
          <input type="number" min={MIN_ROTATION_S} step={5} data-testid="projector-seconds" value={choice.seconds}
            onChange={(e) => onChange({ ...choice, seconds: Math.max(MIN_ROTATION_S, Number(e.target.value) || MIN_ROTATION_S) })} />{' '}
          {t('projector.seconds')}
        </label>
      )}
      <label>
        {t('room.view')}{' '}
        <select data-testid="projector-view" value={choice.view} onChange={(e) => onChange({ ...choice, view: e.target.value === 'canvas' ? 'canvas' : 'room' })}>
          <option value="room">{t('room.viewRoom')}</option>
          <option value="canvas">{t('room.viewCanvas')}</option>
        </select>
      </label>
    </div>
  );
}
