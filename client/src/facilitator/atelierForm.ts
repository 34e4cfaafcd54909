import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAX_ATELIERS, type AtelierInput, type AtelierPresetId } from '@semis/shared';
import type { ZodError, ZodType } from 'zod';
import type { ClientError } from '../sync/errors';
import type { HttpResult } from '../sync/http';
import { uuidv4 } from '../sync/uuid';

/** One editable atelier row; `key` keeps React's identity stable while rows are removed. */
export interface AtelierRow {
  key: string;
  title: string;
  theme: string;
  question: string;
  /** A method template's setup for this atelier, kept while its texts are edited. */
  preset?: AtelierPresetId;
}

export const emptyRow = (): AtelierRow => ({ key: uuidv4(), title: '', theme: '', question: '' });

export const rowsFrom = (ateliers: readonly AtelierInput[]): AtelierRow[] =>
  ateliers.map((a) => ({ key: uuidv4(), title: a.title, theme: a.theme ?? '', question: a.question ?? '', ...(a.preset ? { preset: a.preset } : {}) }));

export const isBlank = (r: AtelierRow) => !r.title.trim() && !r.theme.trim() && !r.question.trim();

export const toInput = (rows: readonly AtelierRow[]): AtelierInput[] =>
  rows.map(({ title, theme, question, preset }) => ({ title, theme, question, ...(preset ? { preset } : {}) }));

/** Field errors keyed like the zod/server path: "name", "ateliers.3.title"… */
export type FieldErrors = Record<string, string>;

const FIELD_MESSAGE = ['name', 'date', 'place', 'title', 'theme', 'question', 'ateliers'] as const;
type FieldName = (typeof FIELD_MESSAGE)[number];

export function messageFor(t: TFunction, path: string): string {
  const last = path.split('.').filter((s) => !/^\d+$/.test(s)).pop() as FieldName | undefined;
  if (last && (FIELD_MESSAGE as readonly string[]).includes(last)) return t(`validation.${last}`, { max: MAX_ATELIERS });
  return t('errors.BAD_REQUEST');
}

/** The first problem of each field, phrased for people rather than by zod. */
export function fieldErrors(t: TFunction, error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || 'ateliers';
    out[path] ??= messageFor(t, path);
  }
  return out;
}

/** The server may name a field as a path or with brackets; normalise to our keys. */
export function serverFieldKey(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/**
 * What both atelier forms (creating the event, adding ateliers) do on submit: check the input
 * here first, send it, and put the server's refusal on its field and above the buttons.
 * `send` resolves with the server's answer, or null when there is none to act on.
 */
export function useAtelierFormSubmit() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  async function send<I, T>(schema: ZodType<I>, input: unknown, request: (valid: I) => Promise<HttpResult<T>>): Promise<T | null> {
    setServerError(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(t, parsed.error));
      return null;
    }
    setErrors({});
    setBusy(true);
    const res = await request(parsed.data);
    setBusy(false);
    if (res.ok) return res.data;
    const key = res.error.field ? serverFieldKey(res.error.field) : null;
    if (key) setErrors({ [key]: messageFor(t, key) });
    setServerError(res.error);
    return null;
  }
  return { errors, setErrors, serverError, busy, send };
}
