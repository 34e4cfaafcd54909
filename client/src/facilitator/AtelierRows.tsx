import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtelierRow, FieldErrors } from './atelierForm';

interface Props {
  rows: AtelierRow[];
  onChange: (rows: AtelierRow[]) => void;
  errors: FieldErrors;
  /** The row whose title should take focus (a freshly added one). */
  focusKey: string | null;
  idPrefix: string;
}

/** Compact rows so fifteen ateliers fit on a laptop screen and can be tabbed through quickly. */
export function AtelierRows({ rows, onChange, errors, focusKey, idPrefix }: Props) {
  const { t } = useTranslation();
  const titleRefs = useRef(new Map<string, HTMLInputElement>());

  useEffect(() => {
    if (focusKey) titleRefs.current.get(focusKey)?.focus();
  }, [focusKey]);

  const set = (key: string, patch: Partial<AtelierRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <ol className="atelier-rows">
      {rows.map((row, i) => {
        const id = `${idPrefix}-${i}`;
        const err = (f: string) => errors[`ateliers.${i}.${f}`];
        return (
          <li key={row.key} className="atelier-row">
            <div className="row-head">
              <span className="row-number">{t('create.atelierN', { n: i + 1 })}</span>
              {rows.length > 1 && (
                <button
                  type="button"
                  className="link danger"
                  aria-label={t('create.removeAtelier', { n: i + 1 })}
                  onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                >
                  ✕
                </button>
              )}
            </div>
            <div className="row-fields">
              <div className="field">
              <label htmlFor={`${id}-title`}>{t('create.atelierTitle')}</label>
              <input
                id={`${id}-title`}
                data-testid="atelier-title"
                ref={(el) => {
                  if (el) titleRefs.current.set(row.key, el);
                  else titleRefs.current.delete(row.key);
                }}
                value={row.title}
                onChange={(e) => set(row.key, { title: e.target.value })}
                aria-invalid={!!err('title') || undefined}
                aria-describedby={err('title') ? `${id}-title-error` : undefined}
              />
              <FieldError id={`${id}-title-error`} text={err('title')} />
              </div>
              <div className="field">
              <label htmlFor={`${id}-theme`}>{t('create.atelierTheme')}</label>
              <input
                id={`${id}-theme`}
                data-testid="atelier-theme"
                value={row.theme}
                onChange={(e) => set(row.key, { theme: e.target.value })}
                aria-invalid={!!err('theme') || undefined}
              />
              <FieldError id={`${id}-theme-error`} text={err('theme')} />
              </div>
              <div className="field wide">
              <label htmlFor={`${id}-question`}>{t('create.atelierQuestion')}</label>
              <textarea
                id={`${id}-question`}
                data-testid="atelier-question"
                rows={2}
                value={row.question}
                onChange={(e) => set(row.key, { question: e.target.value })}
                aria-invalid={!!err('question') || undefined}
              />
              <FieldError id={`${id}-question-error`} text={err('question')} />
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <span id={id} className="field-error" role="alert" data-testid="error-message">
      {text}
    </span>
  );
}
