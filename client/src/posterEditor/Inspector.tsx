import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shape } from '@semis/shared/posters';
import { COLORS, POSTIT_COLORS } from './model';

export interface InspectorActions {
  setColor: (c: string) => void;
  setLabel: (s: Shape, label: string) => void;
  duplicate: () => void;
  remove: () => void;
  front: () => void;
  back: () => void;
}

/** What can be done to the selection (each also has a keyboard shortcut), and the current colour. */
export function Inspector({ selected, color, actions, canWrite }: { selected: readonly Shape[]; color: string; actions: InspectorActions; canWrite: boolean }) {
  const { t } = useTranslation();
  const single = selected.length === 1 ? selected[0]! : null;
  const palette = selected.length > 0 && selected.every((s) => s.type === 'postit') ? POSTIT_COLORS : COLORS;
  if (!canWrite) return null;
  return (
    <section className="inspector" aria-label={t('poster.selection')}>
      <div className="colors" role="group" aria-label={t('poster.color')}>
        {palette.map((c) => (
          <button key={c} type="button" className="color" style={{ background: c }} aria-label={c} aria-pressed={selected.length ? selected.every((s) => s.color === c) : color === c} onClick={() => actions.setColor(c)} />
        ))}
      </div>
      {selected.length > 0 && (
        <>
          <p className="hint" data-testid="selection-count">{t('poster.selected', { count: selected.length })}</p>
          {single && 'label' in single && <LabelField key={single.id} shape={single} onSave={actions.setLabel} />}
          <div className="actions">
            <button type="button" className="secondary small" onClick={actions.duplicate} title="Ctrl+D">{t('poster.duplicate')}</button>
            <button type="button" className="secondary small" onClick={actions.front} title="]">{t('poster.front')}</button>
            <button type="button" className="secondary small" onClick={actions.back} title="[">{t('poster.back')}</button>
            <button type="button" className="secondary small danger" onClick={actions.remove} title={t('poster.deleteKey')} data-testid="delete-selection">{t('poster.delete')}</button>
          </div>
        </>
      )}
    </section>
  );
}

function LabelField({ shape, onSave }: { shape: Shape & { label: string }; onSave: (s: Shape, label: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(shape.label);
  useEffect(() => setValue(shape.label), [shape.label]);
  const save = () => value !== shape.label && onSave(shape, value.slice(0, 120));
  return (
    <label className="field">
      {t('poster.label')}
      <input value={value} maxLength={120} data-testid="shape-label" onChange={(e) => setValue(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />
    </label>
  );
}
