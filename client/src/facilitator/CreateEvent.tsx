import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API, METHOD_TEMPLATES, METHOD_TEMPLATE_IDS, eventInputSchema, type CreateEventResult, type EventInput, type MethodTemplateId } from '@semis/shared';
import { navigate } from '../router';
import { ArchiveImport } from '../exports/ArchiveImport';
import { Page } from '../ui/Page';
import { ErrorMessage } from '../ui/ErrorMessage';
import { http } from '../sync/http';
import { storage, ADMIN_TOKEN_KEY } from '../sync/storage';
import { AtelierRows, FieldError } from './AtelierRows';
import { emptyRow, isBlank, rowsFrom, toInput, useAtelierFormSubmit, type AtelierRow } from './atelierForm';

export function CreateEvent() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [rows, setRows] = useState<AtelierRow[]>(() => [emptyRow()]);
  const [undoRows, setUndoRows] = useState<AtelierRow[] | null>(null);
  const [template, setTemplate] = useState<MethodTemplateId | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const { errors, setErrors, serverError, busy, send } = useAtelierFormSubmit();

  // No confirmation dialog: replacing is undoable, which is kinder than asking first.
  const applyTemplate = (id: MethodTemplateId) => {
    setUndoRows(rows.some((r) => !isBlank(r)) ? rows : null);
    setRows(rowsFrom(METHOD_TEMPLATES[id].ateliers));
    setTemplate(id);
    setErrors({});
  };

  const addRow = () => {
    const row = emptyRow();
    setRows([...rows, row]);
    setFocusKey(row.key);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The template's global countdown (the posters' presentation timer) comes with its rows.
    const timerMs = template ? METHOD_TEMPLATES[template].timerMs : undefined;
    const input: EventInput = { name, date: date || null, place, ateliers: toInput(rows), ...(timerMs ? { timerMs } : {}) };
    const created = await send(eventInputSchema, input, (body) => http<CreateEventResult>(API.createEvent, { body }));
    if (!created) return;
    storage.set(ADMIN_TOKEN_KEY, created.adminToken);
    navigate('/animer');
  };

  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <Page wide>
      <form className="stack" onSubmit={submit} noValidate>
        <h1>{t('create.title')}</h1>
        <p className="hint">{t('create.intro')}</p>
        <div className="card event-fields">
          <div className="field wide">
            <label htmlFor="event-name">{t('create.name')}</label>
            <input
              id="event-name"
              data-testid="event-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('create.namePlaceholder')}
              aria-invalid={!!errors.name || undefined}
              aria-describedby={errors.name ? 'event-name-error' : undefined}
            />
            <FieldError id="event-name-error" text={errors.name} />
          </div>
          <div className="field">
            <label htmlFor="event-date">{t('create.date')}</label>
            <input id="event-date" data-testid="event-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            <FieldError id="event-date-error" text={errors.date} />
          </div>
          <div className="field">
            <label htmlFor="event-place">{t('create.place')}</label>
            <input
              id="event-place"
              data-testid="event-place"
              value={place}
              onChange={(e) => setPlace(e.target.value)}
              placeholder={t('create.placePlaceholder')}
            />
            <FieldError id="event-place-error" text={errors.place} />
          </div>
        </div>

        <section className="stack">
          <div className="section-head">
            <h2>{t('create.ateliers')}</h2>
          </div>
          <fieldset className="template-picker">
            <legend>{t('create.templatesTitle')}</legend>
            <div className="actions">
              {METHOD_TEMPLATE_IDS.map((id) => (
                <button key={id} type="button" className="secondary" aria-pressed={template === id} data-testid={`template-${id}`} onClick={() => applyTemplate(id)}>
                  {t(`create.templates.${id}`)}
                </button>
              ))}
              {undoRows && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setRows(undoRows);
                    setUndoRows(null);
                    setTemplate(null);
                  }}
                >
                  {t('participant.cancel')}
                </button>
              )}
            </div>
            {template && <p className="hint" data-testid="template-hint">{t(`create.templateHints.${template}`)}</p>}
          </fieldset>
          <p className="hint">{t('create.ateliersHint')}</p>
          <FieldError id="ateliers-error" text={errors.ateliers} />
          <AtelierRows rows={rows} onChange={setRows} errors={errors} focusKey={focusKey} idPrefix="atelier" />
          <button type="button" className="secondary" data-testid="add-atelier" onClick={addRow}>
            + {t('create.addAtelier')}
          </button>
        </section>

        {hasFieldErrors && <ErrorMessage text={t('create.fixErrors')} />}
        <ErrorMessage error={serverError} />
        <button type="submit" className="primary big" data-testid="create-event" disabled={busy}>
          {busy ? t('create.submitting') : t('create.submit')}
        </button>
      </form>
      <ArchiveImport />
    </Page>
  );
}
