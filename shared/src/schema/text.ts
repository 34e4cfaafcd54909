import { z } from 'zod';
import { cleanPseudonym, cleanText, fitsLength, hasControlChars, hasLoneSurrogate, MAX_UNITS_PER_GRAPHEME } from '../domain/text';

/** The zod side of the one text rule (domain/text.ts): every typed text field is built here. */

/** A zod issue carrying our error code, picked up by the server's `fromZod`. */
function invalidText(ctx: z.core.$RefinementCtx<string>): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: 'lone surrogate', params: { code: 'INVALID_TEXT' } });
  return z.NEVER;
}

function ruledText(clean: (s: string) => string, min: number, max: number, refuseControls = false) {
  return z
    .string()
    .max(max * MAX_UNITS_PER_GRAPHEME)
    .refine((s) => !refuseControls || !hasControlChars(s), { message: 'control characters' })
    .transform((s, ctx) => (hasLoneSurrogate(s) ? invalidText(ctx) : clean(s)))
    .pipe(z.string().refine((s) => fitsLength(s, min, max), { message: `between ${min} and ${max} characters` }));
}

/** Free text, `min`–`max` characters as people see them, counted after cleaning. */
export function userText(min: number, max: number) {
  return ruledText(cleanText, min, max);
}

/** A pseudonym, cleaned for display and comparison (NFKC, no invisible or bidi controls);
 * one typed with control characters is refused rather than cleaned (no honest keyboard makes them). */
export function pseudonymText(min: number, max: number) {
  return ruledText(cleanPseudonym, min, max, true);
}
