import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  text: string;
  /** Other ideas of the same cluster it may be a duplicate of. */
  siblings: { id: string; text: string }[];
  duplicateOf: string | null;
  selected: boolean;
  editable: boolean;
  onSelect: (id: string, on: boolean) => void;
  onDuplicate: (id: string, canonicalId: string | null) => void;
  onLeave: (id: string) => void;
  promote: ReactNode;
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

/** One idea inside a cluster card: select it (to split), fold it into a duplicate, take it out. */
export function ClusterIdeaRow({ id, text, siblings, duplicateOf, selected, editable, onSelect, onDuplicate, onLeave, promote }: Props) {
  const { t } = useTranslation();
  return (
    <li className={duplicateOf ? 'cluster-idea merged' : 'cluster-idea'} data-idea-id={id}>
      <label className="check">
        <input type="checkbox" checked={selected} disabled={!editable} onChange={(e) => onSelect(id, e.target.checked)} aria-label={t('votes.clusters.select', { text: short(text) })} />
        <span>
          {text} {duplicateOf && <span className="badge">{t('votes.clusters.merged')}</span>}
        </span>
      </label>
      <div className="cluster-idea-tools">
        {siblings.length > 0 && (
          <select
            aria-label={t('votes.clusters.duplicateLabel', { text: short(text) })}
            value={duplicateOf ?? ''}
            disabled={!editable}
            onChange={(e) => onDuplicate(id, e.target.value || null)}
          >
            <option value="">{duplicateOf ? t('votes.clusters.notDuplicate') : t('votes.clusters.duplicateOf')}</option>
            {siblings.map((s) => (
              <option key={s.id} value={s.id}>
                {short(s.text)}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="link" disabled={!editable} onClick={() => onLeave(id)}>
          {t('votes.clusters.leave')}
        </button>
        {promote}
      </div>
    </li>
  );
}
