/** Any zod schema (kept structural so the server needs no direct zod import). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

/**
 * A JSON column read back through its schema: a row written by an older version, or edited
 * by hand, fails loudly here instead of travelling on as a lie about its type.
 */
export function jsonColumn<T>(schema: Schema<T>, value: unknown, column: string): T {
  const raw = typeof value === 'string' ? JSON.parse(value) : value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`stored ${column} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

/** A nullable JSON column: NULL or '' reads as null. */
export function optionalJsonColumn<T>(schema: Schema<T>, value: unknown, column: string): T | null {
  return value === null || value === undefined || value === '' ? null : jsonColumn(schema, value, column);
}

/** Booleans are INTEGER 0/1 on both databases. */
export const flag = (value: unknown): boolean => Boolean(Number(value));

/** Stays well under both databases' bound-parameter limits. */
export const IN_CHUNK = 500;

/** `$from, $from+1, …` for an IN list of n values. */
export const marks = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');
