import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@semis/shared';

/** Client-side failures that never come from the server. */
export type LocalErrorCode = 'OFFLINE' | 'OFFLINE_CHANGE' | 'TIMEOUT' | 'NETWORK' | 'UNKNOWN' | 'BOARD_TOO_LARGE' | 'BOARD_OUT_OF_SYNC';
export interface ClientError {
  code: ErrorCode | LocalErrorCode;
  message?: string;
  field?: string;
}

export function toClientError(body: Partial<ErrorBody> | undefined | null): ClientError {
  const code = body?.code;
  if (code && (ERROR_CODES as readonly string[]).includes(code)) return { code, message: body?.message, field: body?.field };
  return { code: 'UNKNOWN', message: body?.message };
}

/** Translate by code; the server's French message is only a last resort. */
export function errorText(t: TFunction, err: ClientError): string {
  return t(`errors.${err.code}`, { defaultValue: err.message ?? t('errors.UNKNOWN') });
}
