import { z } from 'zod';
import { uuidSchema, userText } from '../schema/common';
import { MAX_ATELIERS } from '../schema/event';
import { LANGUAGES } from '../i18n/errors';

/** What the facilitator can leave out of the report. The cover is always there. */
export const REPORT_SECTIONS = ['intro', 'ideas', 'votes', 'posters', 'afom', 'debates', 'candidates', 'plenary', 'method'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_INTRO_MAX = 4000;

/** POST /api/admin/report: which report, in what form. */
export const reportRequestSchema = z.object({
  format: z.enum(['pdf', 'html']).default('pdf'),
  lang: z.enum(LANGUAGES).default('fr'),
  /** Ateliers to include, in the event's order; all (in the facilitator's scope) when absent. */
  ateliers: z.array(uuidSchema).max(MAX_ATELIERS).optional(),
  sections: z.array(z.enum(REPORT_SECTIONS)).max(REPORT_SECTIONS.length).optional(),
  intro: userText(0, REPORT_INTRO_MAX).default(''),
});
export type ReportRequest = z.input<typeof reportRequestSchema>;

/** What can be exported as CSV (GET /api/admin/export/:kind.csv). */
export const CSV_EXPORTS = ['ideas', 'votes', 'candidates', 'stakeholders'] as const;
export type CsvExport = (typeof CSV_EXPORTS)[number];

export const csvQuerySchema = z.object({
  /** `semicolon` for a French Excel, which expects `;`. */
  sep: z.enum(['comma', 'semicolon']).default('comma'),
  lang: z.enum(LANGUAGES).default('fr'),
});

/** The event archive (GET /api/admin/archive, POST /api/events/import): format and bounds. */
export const ARCHIVE_FORMAT = 'semis-event-archive';
/** Bumped when the archive's layout changes; older readers refuse newer archives. */
export const ARCHIVE_VERSION = 1;
export const MAX_ARCHIVE_BYTES = 32 * 1024 * 1024;

/** Ideas collected beforehand (interviews, "> 50 idées collectées"), pasted or as CSV. */
export const IMPORT_IDEAS_MAX = 500;
export const importIdeasSchema = z.object({
  /** `lines`: one idea per line; `csv`: the column named idée/idea/texte/text, else the first. */
  format: z.enum(['lines', 'csv']).default('lines'),
  text: z.string().max(256 * 1024),
});
