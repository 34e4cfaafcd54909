import { stringify } from 'csv-stringify/sync';
import { CSV_EXPORTS, REPORT_WORDS, csvQuerySchema, readClusters, type CsvExport, type Language } from '@semis/shared';
import { AppError, fromZod } from '../../errors';
import type { Storage } from '../../storage/types';
import type { BoardRegistry } from '../../yjs/registry';
import type { FacilitatorPrincipal } from '../access';
import { results } from '../votes';
import { historyLines, stepLines } from '../report/common';
import { importedAuthorId } from '../importIdeas';

/**
 * The evening's tables as CSV (csv-stringify): UTF-8 with a BOM so Excel reads accents, CRLF
 * records and RFC 4180 quoting, `;` on request for a French Excel, and text cells starting with
 * = + - @ tab or CR prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function toCsv(header: string[], rows: (string | number)[][], sep: 'comma' | 'semicolon'): string {
  return stringify([header, ...rows], { bom: true, delimiter: sep === 'semicolon' ? ';' : ',', record_delimiter: 'windows', escape_formulas: true });
}

export interface CsvDeps {
  storage: Storage;
  registry: BoardRegistry;
}

export async function csvExport(deps: CsvDeps, who: FacilitatorPrincipal, kind: string, query: unknown): Promise<{ filename: string; body: string }> {
  if (!(CSV_EXPORTS as readonly string[]).includes(kind)) throw new AppError('NOT_FOUND');
  const q = csvQuerySchema.safeParse(query);
  if (!q.success) throw fromZod(q.error);
  const table = await TABLES[kind as CsvExport](deps, who, q.data.lang);
  return { filename: `${kind}.csv`, body: toCsv(table.header, table.rows, q.data.sep) };
}

type Table = { header: string[]; rows: (string | number)[][] };

async function ateliersOf(storage: Storage, who: FacilitatorPrincipal) {
  return (await storage.listAteliers(who.event.id)).filter((a) => who.scope === null || a.id === who.scope);
}

const TABLES: Record<CsvExport, (deps: CsvDeps, who: FacilitatorPrincipal, lang: Language) => Promise<Table>> = {
  async ideas({ storage, registry }, who, lang) {
    const w = REPORT_WORDS[lang];
    const h = w.csv.ideas;
    const rows: (string | number)[][] = [];
    for (const atelier of await ateliersOf(storage, who)) {
      const ideas = (await storage.listBoardIdeas(atelier.boardId)).filter((i) => i.deletedAt === null);
      const names = atelier.showAuthors ? await storage.pseudonyms([...new Set(ideas.map((i) => i.authorId))]) : new Map<string, string>();
      const clusters = await registry.use(atelier.boardId, (room) => readClusters(room.doc));
      const clusterOf = new Map(clusters.flatMap((c) => c.ideaIds.map((id) => [id, c] as const)));
      // Dots of the item the idea was voted in: itself, or its cluster.
      const session = await storage.votes.latestSession(atelier.eventId, atelier.id);
      const dotsOf = new Map<string, number>();
      if (session) {
        const [items, res] = await Promise.all([storage.votes.listItems(session.id), results({ storage }, session)]);
        const dots = new Map(res.tally.map((t) => [t.itemId, t.dots]));
        for (const item of items) for (const id of item.ideaIds) dotsOf.set(id, dots.get(item.itemId) ?? 0);
      }
      for (const i of ideas) {
        const cluster = clusterOf.get(i.id);
        const imported = i.authorId === importedAuthorId(atelier.eventId);
        rows.push([atelier.title, i.text, cluster?.title ?? '', dotsOf.get(i.id) ?? '', w.ideaStatus[i.status] ?? i.status, imported ? '' : (names.get(i.authorId) ?? ''), imported ? w.csv.yes : w.csv.no, i.createdAt]);
      }
    }
    return { header: [h.atelier, h.idea, h.cluster, h.dots, h.status, h.author, h.imported, h.createdAt], rows };
  },

  async votes({ storage }, who, lang) {
    const w = REPORT_WORDS[lang];
    const h = w.csv.votes;
    const rows: (string | number)[][] = [];
    const sessions: { label: string; atelierId: string | null }[] = (await ateliersOf(storage, who)).map((a) => ({ label: a.title, atelierId: a.id }));
    if (who.scope === null) sessions.push({ label: w.plenaryShort, atelierId: null });
    for (const { label, atelierId } of sessions) {
      const session = await storage.votes.latestSession(who.event.id, atelierId);
      if (!session) continue;
      const [items, res] = await Promise.all([storage.votes.listItems(session.id), results({ storage }, session)]);
      const tally = new Map(res.tally.map((t) => [t.itemId, t]));
      const rating = new Map(res.ratings.map((r) => [r.itemId, r]));
      const mode = session.config.mode === 'dots' ? w.dotsVote : w.ratingVote;
      for (const item of items.filter((i) => !i.withdrawn)) {
        const t = tally.get(item.itemId);
        const r = rating.get(item.itemId);
        rows.push([
          label, mode, item.title, t?.dots ?? 0, t?.voters ?? 0, t?.rank ?? '', t?.tied ? w.csv.yes : w.csv.no,
          r?.desirability != null ? round(r.desirability) : '', r?.feasibility != null ? round(r.feasibility) : '', r?.raters ?? 0, r?.quadrant ? w.quadrant[r.quadrant] : '',
        ]);
      }
    }
    return { header: [h.atelier, h.mode, h.item, h.dots, h.voters, h.rank, h.tied, h.desirability, h.feasibility, h.raters, h.quadrant], rows };
  },

  async candidates({ storage }, who, lang) {
    const w = REPORT_WORDS[lang];
    const h = w.csv.candidates;
    const titles = new Map((await ateliersOf(storage, who)).map((a) => [a.id, a.title]));
    const rows = (await storage.candidates.list(who.event.id))
      .filter((c) => titles.has(c.atelierId))
      .map((c) => [
        c.title, titles.get(c.atelierId)!, w.statuses[c.status] ?? c.status, c.besoin, c.ressources, c.modeleEconomique,
        c.porteur, c.nextSteps, stepLines(c, lang).join('\n'), historyLines(c, lang).join('\n'), c.votes.dots, c.votes.rank ?? '', c.createdAt, c.updatedAt,
      ]);
    return { header: [h.title, h.atelier, h.status, h.besoin, h.ressources, h.economicModel, h.porteur, h.nextSteps, h.steps, h.history, h.dots, h.rank, h.createdAt, h.updatedAt], rows };
  },

  async stakeholders({ storage }, who, lang) {
    const h = REPORT_WORDS[lang].csv.stakeholders;
    const ours = new Set((await ateliersOf(storage, who)).map((a) => a.id));
    const rows = (await storage.candidates.list(who.event.id))
      .filter((c) => ours.has(c.atelierId))
      .flatMap((c) => c.stakeholders.map((s) => [c.title, s.partie, s.apports, s.interets]));
    return { header: [h.candidate, h.partie, h.apports, h.interets], rows };
  },
};

const round = (v: number) => Math.round(v * 100) / 100;
