import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { API, atelierInputSchema, MAX_ATELIERS, type Atelier } from '@semis/shared';
import { http } from '../sync/http';
import { ErrorMessage } from '../ui/ErrorMessage';
import { AtelierRows } from './AtelierRows';
import { emptyRow, toInput, useAtelierFormSubmit, type AtelierRow } from './atelierForm';

const addSchema = z.object({ ateliers: z.array(atelierInputSchema).min(1).max(MAX_ATELIERS) });

export function AddAteliers({ token, onAdded }: { token: string; onAdded: (all: Atelier[]) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AtelierRow[]>(() => [emptyRow()]);
  const { errors, serverError, busy, send } = useAtelierFormSubmit();
  const [done, setDone] = useState<number | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const added = await send(addSchema, { ateliers: toInput(rows) }, (body) => http<{ ateliers: Atelier[] }>(API.adminAteliers, { body, token }));
    if (!added) return;
    onAdded(added.ateliers);
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
