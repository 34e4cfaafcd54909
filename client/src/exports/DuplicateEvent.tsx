import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API, type CreateEventResult } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import { CopyButton } from '../ui/CopyButton';
import { adminJson } from './download';
import { useRequest } from './useRequest';

/** The method's next territory: this evening's setup as a new event, without its content. */
export function DuplicateEvent({ token, name }: { token: string; name: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name, date: '', place: '' });
  const { error, busy, run } = useRequest();
  const [created, setCreated] = useState<CreateEventResult | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(API.adminDuplicate, adminJson(token, 'POST', { name: form.name, date: form.date || null, place: form.place }), async (res) =>
      setCreated((await res.json()) as CreateEventResult));
  };
  const field = (key: 'name' | 'date' | 'place', type = 'text') => (
    <label className="stack">
      {t(`exports.template.${key}`)}
      <input type={type} value={form[key]} maxLength={120} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`duplicate-${key}`} />
    </label>
  );
  return (
    <details>
      <summary>{t('exports.template.title')}</summary>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="hint">{t('exports.template.hint')}</p>
        {field('name')}
        {field('date', 'date')}
        {field('place')}
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy || !form.name.trim()} data-testid="duplicate-submit">{t('exports.template.submit')}</button>
        </div>
        <ErrorMessage error={error} />
        {created && (
          <div className="stack" role="status">
            <p className="success">{t('exports.template.done')}</p>
            <div className="copy-row">
              <a href={created.links.admin} data-testid="duplicate-link">{created.links.admin}</a>
              <CopyButton text={created.links.admin} />
            </div>
          </div>
        )}
      </form>
    </details>
  );
}
