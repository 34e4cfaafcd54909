import {
  REPORT_SECTIONS, readClusters, readIdeaCards, reportRequestSchema,
  type Atelier, type Candidate, type Language, type RatingRow, type ReportSection, type TallyRow, type VoteSession,
} from '@semis/shared';
import { clusterTitle } from '@semis/shared/grouping';
import { AFOM_COLUMNS, DEBATE_COLUMNS, readNotes, readStatement, type Note } from '@semis/shared/posters';
import type { z } from 'zod';
import { AppError, fromZod } from '../../errors';
import type { EventRecord, Storage } from '../../storage/types';
import type { BoardRegistry } from '../../yjs/registry';
import type { FacilitatorPrincipal } from '../access';
import { boardSvg } from '../boardFiles';
import { results } from '../votes';

/** Everything the report shows, read once, already filtered (hidden/deleted ideas, anonymous
 * authors, the facilitator's scope and choices). The PDF and HTML renderers only lay it out. */
export interface ReportData {
  lang: Language;
  event: Pick<EventRecord, 'name' | 'date' | 'place'>;
  generatedAt: string;
  intro: string;
  sections: ReadonlySet<ReportSection>;
  counts: { participants: number; ideas: number; votes: number; candidates: number; ateliers: number };
  ateliers: AtelierReport[];
  candidates: CandidateReport[];
  /** null when not asked for or never held. */
  plenary: VoteReport | null;
}

export interface ReportIdea {
  text: string;
  /** null in anonymous ateliers. */
  author: string | null;
}

export interface AtelierReport {
  id: string;
  title: string;
  theme: string;
  question: string;
  anonymous: boolean;
  ideaCount: number;
  clusters: { title: string; ideas: ReportIdea[] }[];
  unclustered: ReportIdea[];
  vote: VoteReport | null;
  posters: { group: string; svg: string }[];
  afoms: { group: string; columns: NoteColumn[] }[];
  debates: { group: string; statement: string; columns: NoteColumn[] }[];
}

export interface NoteColumn {
  id: string;
  notes: string[];
}

export interface VoteReport {
  mode: VoteSession['config']['mode'];
  participants: number;
  /** Best first. */
  dots: (TallyRow & { title: string })[];
  ratings: (RatingRow & { title: string })[];
}

export interface CandidateReport extends Candidate {
  atelierTitle: string;
}

export interface ReportDeps {
  storage: Storage;
  registry: BoardRegistry;
  log: (m: string) => void;
}

/** Bounds a report to what a person could read: beyond it, an atelier's list is cut. */
export const MAX_IDEAS_PER_ATELIER = 2000;

export type ParsedReportRequest = z.output<typeof reportRequestSchema>;

export function parseReportRequest(body: unknown): ParsedReportRequest {
  const parsed = reportRequestSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}

/** Reads the report of the facilitator's event (or of its one atelier for a co-facilitator). */
export async function collectReport(deps: ReportDeps, who: FacilitatorPrincipal, req: ParsedReportRequest, now: string): Promise<ReportData> {
  const { storage } = deps;
  const eventId = who.event.id;
  const all = (await storage.listAteliers(eventId)).filter((a) => who.scope === null || a.id === who.scope);
  if (req.ateliers) {
    const known = new Set(all.map((a) => a.id));
    const unknown = req.ateliers.find((id) => !known.has(id));
    if (unknown) throw new AppError(who.scope === null ? 'UNKNOWN_ATELIER' : 'FORBIDDEN', 'ateliers');
  }
  const chosen = req.ateliers ? all.filter((a) => req.ateliers!.includes(a.id)) : all;
  const sections = new Set<ReportSection>(req.sections ?? REPORT_SECTIONS);
  // A co-facilitator's report is their atelier's: the plenary belongs to the whole event.
  if (who.scope !== null) sections.delete('plenary');

  const [boards, groups] = await Promise.all([storage.posters.listBoards(eventId), storage.posters.listGroups(eventId)]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const voters = new Set<string>();
  const ateliers: AtelierReport[] = [];
  for (const atelier of chosen) {
    ateliers.push(await atelierReport(deps, atelier, req.lang, sections, boards.filter((b) => b.atelierId === atelier.id), groupName, voters));
  }
  const chosenIds = new Set(chosen.map((a) => a.id));
  const titles = new Map(all.map((a) => [a.id, a.title]));
  const candidates = (await storage.candidates.list(eventId))
    .filter((c) => chosenIds.has(c.atelierId))
    .map((c) => ({ ...c, atelierTitle: titles.get(c.atelierId) ?? '' }));

  let plenary: VoteReport | null = null;
  if (sections.has('plenary')) {
    const session = await storage.votes.latestSession(eventId, null);
    if (session) plenary = await voteReport(storage, session, voters);
  }
  const participants = await storage.archive.countParticipants(eventId, who.scope);
  return {
    lang: req.lang,
    event: { name: who.event.name, date: who.event.date, place: who.event.place },
    generatedAt: now,
    intro: sections.has('intro') ? req.intro : '',
    sections,
    counts: { participants, ideas: ateliers.reduce((k, a) => k + a.ideaCount, 0), votes: voters.size, candidates: candidates.length, ateliers: ateliers.length },
    ateliers,
    candidates,
    plenary,
  };
}

async function atelierReport(
  deps: ReportDeps, atelier: Atelier, lang: Language, sections: ReadonlySet<ReportSection>,
  boards: { id: string; kind: 'poster' | 'afom' | 'debat'; groupId: string | null; eventId: string; atelierId: string }[],
  groupName: Map<string, string>, voters: Set<string>,
): Promise<AtelierReport> {
  const { storage, registry } = deps;
  const anonymous = !atelier.showAuthors;
  // The table is the truth for what may be published: visible and not deleted.
  const ideas = (await storage.listBoardIdeas(atelier.boardId)).filter((i) => i.status === 'visible' && i.deletedAt === null).slice(0, MAX_IDEAS_PER_ATELIER);
  const names = anonymous ? new Map<string, string>() : await storage.pseudonyms([...new Set(ideas.map((i) => i.authorId))]);
  const byId = new Map(ideas.map((i) => [i.id, { text: i.text, author: anonymous ? null : (names.get(i.authorId) ?? null) }]));
  const clustersRead = await registry.use(atelier.boardId, (room) => {
    const text = new Map(readIdeaCards(room.doc).map((c) => [c.id, c.text]));
    return readClusters(room.doc).map((c) => ({ title: clusterTitle(c, (id) => text.get(id)), ideaIds: c.ideaIds }));
  });
  const placed = new Set<string>();
  // An idea appears once, in its first cluster; ideas the table does not publish are dropped.
  const clusters = clustersRead
    .map((c) => {
      const mine = c.ideaIds.filter((id) => byId.has(id) && !placed.has(id));
      for (const id of mine) placed.add(id);
      return { title: c.title, ideas: mine.map((id) => byId.get(id)!) };
    })
    .filter((c) => c.ideas.length > 0);
  const unclustered = ideas.filter((i) => !placed.has(i.id)).map((i) => byId.get(i.id)!);

  const session = await storage.votes.latestSession(atelier.eventId, atelier.id);
  const vote = session ? await voteReport(storage, session, voters) : null;

  const ofGroup = (b: { groupId: string | null }) => (b.groupId ? (groupName.get(b.groupId) ?? '') : '');
  const posters: AtelierReport['posters'] = [];
  const afoms: AtelierReport['afoms'] = [];
  const debates: AtelierReport['debates'] = [];
  for (const b of boards) {
    if (b.kind === 'poster' && sections.has('posters')) posters.push({ group: ofGroup(b), svg: await boardSvg(deps, b, lang) });
    else if (b.kind === 'afom' && sections.has('afom')) {
      const notes = await registry.use(b.id, (room) => readNotes(room.doc, AFOM_COLUMNS));
      if (notes.length > 0) afoms.push({ group: ofGroup(b), columns: byColumn(AFOM_COLUMNS, notes) });
    } else if (b.kind === 'debat' && sections.has('debates')) {
      const { notes, statement } = await registry.use(b.id, (room) => ({ notes: readNotes(room.doc, DEBATE_COLUMNS), statement: readStatement(room.doc) }));
      if (notes.length > 0 || statement) debates.push({ group: ofGroup(b), statement, columns: byColumn(DEBATE_COLUMNS, notes) });
    }
  }
  return {
    id: atelier.id, title: atelier.title, theme: atelier.theme, question: atelier.question, anonymous,
    ideaCount: ideas.length, clusters, unclustered, vote, posters, afoms, debates,
  };
}

function byColumn(columns: readonly string[], notes: Note[]): NoteColumn[] {
  return columns.map((id) => ({ id, notes: notes.filter((x) => x.column === id).map((x) => x.text) }));
}

async function voteReport(storage: Storage, session: VoteSession, voters: Set<string>): Promise<VoteReport> {
  const [items, res, dots, ratings] = await Promise.all([
    storage.votes.listItems(session.id), results({ storage }, session), storage.votes.allDots(session.id), storage.votes.allRatings(session.id),
  ]);
  for (const d of dots) voters.add(d.participantId);
  for (const r of ratings) voters.add(r.participantId);
  const title = new Map(items.map((i) => [i.itemId, i.title]));
  return {
    mode: session.config.mode,
    participants: res.participants,
    dots: res.tally.map((t) => ({ ...t, title: title.get(t.itemId) ?? '' })),
    ratings: res.ratings.map((r) => ({ ...r, title: title.get(r.itemId) ?? '' })),
  };
}
