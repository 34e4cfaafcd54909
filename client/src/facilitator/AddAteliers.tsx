import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { API, atelierInputSchema, MAX_ATELIERS, type Atelier } from '@semis/shared';
import { http } from '../sync/http';
import type { ClientError } from '../sync/errors';
import { ErrorMessage } from '../ui/ErrorMessage';
import { AtelierRows } from './AtelierRows';
import { emptyRow, fieldErrors, messageFor, serverFieldKey, toInput, type AtelierRow, type FieldErrors } from './atelierForm';

const addSchema = z.object({ ateliers: z.array(atelierInputSchema).min(1).max(MAX_ATELIERS) });

export function AddAteliers({ token, onAdded }: { token: string; onAdded: (all: Atelier[]) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AtelierRow[]>(() => [emptyRow()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    setDone(null);
    const parsed = addSchema.safeParse({ ateliers: toInput(rows) });
    if (!parsed.success) {
      setErrors(fieldErrors(t, parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    const res = await http<{ ateliers: Atelier[] }>(API.adminAteliers, { body: parsed.data, token });
    setBusy(false);
    if (!res.ok) {
      const key = res.error.field ? serverFieldKey(res.error.field) : null;
      if (key) setErrors({ [key]: messageFor(t, key) });
      setServerError(res.error);
      return;
    }
    onAdded(res.data.ateliers);
    setDone(rows.length);
    setRows([emptyRow()]);
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h2>{t('console.addTitle')}</h2>
      <AtelierRows rows={rows} onChange={setRows} errors={errors} focusKey={null} idPrefix="add-atelier" />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRows([...rows, emptyRow()])}>
          + {t('create.addAtelier')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('console.addSubmit')}
        </button>
      </div>
      <ErrorMessage error={serverError} />
      {done !== null && (
        <p role="status" className="success">
          {t('console.added', { count: done })}
        </p>
      )}
    </form>
  );
}
