import { ERROR_CODES, ERROR_MESSAGES, HTTP_STATUS, type ErrorBody, type ErrorCode, type Language } from '@semis/shared';
import type { ZodError, z } from 'zod';
import { isStorageUnavailable } from './storage/sql-driver';

/** A refusal the user should see; anything else thrown is a bug and becomes INTERNAL, except
 * a database that does not answer, which becomes UNAVAILABLE (retryable). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field?: string,
  ) {
    super(code);
  }
}

export function errorBody(err: unknown, lang: Language = 'fr'): ErrorBody {
  const app = asAppError(err);
  const body: ErrorBody = { code: app.code, message: ERROR_MESSAGES[lang][app.code] };
  if (app.field) body.field = app.field;
  return body;
}

export function httpStatus(err: unknown): number {
  return HTTP_STATUS[asAppError(err).code];
}

export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError(isStorageUnavailable(err) ? 'UNAVAILABLE' : 'INTERNAL');
}

/** Maps a zod failure to the most specific code we have for its first bad field. */
export function fromZod(error: ZodError, fieldCodes: Record<string, ErrorCode> = {}): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const top = issue?.path[0] !== undefined ? String(issue.path[0]) : '';
  // The shared text rule names its own code (INVALID_TEXT for a lone surrogate).
  const own = issue?.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
  if (own && (ERROR_CODES as readonly string[]).includes(own)) return new AppError(own as ErrorCode, field);
  return new AppError(fieldCodes[top] ?? 'BAD_REQUEST', field);
}

/** Parses untrusted input with its schema, or throws the AppError its first bad field maps to. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, fieldCodes: Record<string, ErrorCode> = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, fieldCodes);
  return parsed.data;
}
