import { useTranslation } from 'react-i18next';
import type { Stakeholder } from '@semis/shared';

interface Props {
  rows: Stakeholder[];
  onChange: (rows: Stakeholder[]) => void;
  /** Leaving a cell, adding or removing a row: time to save. */
  onCommit: (rows: Stakeholder[]) => void;
}

const FIELDS = ['partie', 'apports', 'interets'] as const;

/** *Alignement des intérêts*: partie prenante | apports potentiels | intérêts / attendus. */
export function StakeholderTable({ rows, onChange, onCommit }: Props) {
  const { t } = useTranslation();
  const set = (i: number, field: keyof Stakeholder, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <fieldset className="stakeholders">
      <legend>{t('votes.candidates.stakeholders')}</legend>
      <table>
        <thead>
          <tr>
            {FIELDS.map((f) => (
              <th key={f} scope="col">
                {t(`votes.candidates.${f}`)}
              </th>
            ))}
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} data-testid="stakeholder-row">
              {FIELDS.map((f) => (
                <td key={f}>
                  <textarea
                    rows={f === 'partie' ? 1 : 2}
                    aria-label={`${t(`votes.candidates.${f}`)} — ${row.partie || t('votes.candidates.newParty')}`}
                    value={row[f]}
                    maxLength={f === 'partie' ? 80 : 500}
                    placeholder={f === 'partie' ? t('votes.candidates.newParty') : t(`votes.candidates.${f}`)}
                    onChange={(e) => set(i, f, e.target.value)}
                    onBlur={() => onCommit(rows)}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="link danger"
                  aria-label={t('votes.candidates.removeRow', { partie: row.partie || t('votes.candidates.newParty') })}
                  onClick={() => {
                    const next = rows.filter((_, j) => j !== i);
                    onChange(next);
                    onCommit(next);
                  }}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary small" onClick={() => onChange([...rows, { partie: '', apports: '', interets: '' }])}>
        + {t('votes.candidates.addRow')}
      </button>
    </fieldset>
  );
}
