import { z } from 'zod';
import { cleanPseudonym, cleanText, fitsLength, hasLoneSurrogate, MAX_UNITS_PER_GRAPHEME } from '../domain/text';

/** The zod side of the one text rule (domain/text.ts): every typed text field is built here. */

/** A zod issue carrying our error code, picked up by the server's `fromZod`. */
function invalidText(ctx: z.core.$RefinementCtx<string>): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: 'lone surrogate', params: { code: 'INVALID_TEXT' } });
  return z.NEVER;
}

function ruledText(clean: (s: string) => string, min: number, max: number) {
  return z
    .string()
    .max(max * MAX_UNITS_PER_GRAPHEME)
    .transform((s, ctx) => (hasLoneSurrogate(s) ? invalidText(ctx) : clean(s)))
    .pipe(z.string().refine((s) => fitsLength(s, min, max), { message: `between ${min} and ${max} characters` }));
}

/** Free text, `min`–`max` characters as people see them, counted after cleaning. */
export function userText(min: number, max: number) {
  return ruledText(cleanText, min, max);
}

/** A pseudonym, cleaned for display and comparison (NFKC, no invisible or bidi controls). */
export function pseudonymText(min: number, max: number) {
  return ruledText(cleanPseudonym, min, max);
}
