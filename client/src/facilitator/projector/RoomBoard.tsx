import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterView, IdeaCard } from '@semis/shared';
import { clusterTitle } from '@semis/shared/grouping';
import { useElementSize } from '../../wall/useElementSize';
import { IDEA_SIZES, columnsFor, pack, type IdeaSize, type Page } from './pack';

export interface RoomSection {
  key: string;
  /** null: no title (ideas before any regroupement). */
  title: string | null;
  ideas: IdeaCard[];
  /** Colour index of the cluster (frames on the wall and columns here). */
  hue: number;
}

/** Clusters in their order, then the ideas outside any; before any cluster, newest first so a
 * new idea shows at once at the top of the first page. Near-duplicates folded into another idea
 * of the same cluster are not shown twice. */
export function roomSections(cards: readonly IdeaCard[], clusters: readonly ClusterView[], merged: ReadonlyMap<string, string>, unclusteredTitle: string): RoomSection[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  if (clusters.length === 0) return [{ key: 'all', title: null, ideas: [...cards].reverse(), hue: -1 }];
  const placed = new Set<string>();
  const sections = clusters.map((c, i): RoomSection => {
    const inCluster = new Set(c.ideaIds);
    const ideas = c.ideaIds.filter((id) => !inCluster.has(merged.get(id) ?? '')).flatMap((id) => byId.get(id) ?? []);
    for (const id of c.ideaIds) placed.add(id);
    return { key: c.id, title: clusterTitle(c, (id) => byId.get(id)?.text), ideas, hue: i };
  });
  const rest = cards.filter((c) => !placed.has(c.id));
  if (rest.length > 0) sections.push({ key: 'unclustered', title: unclusteredTitle, ideas: [...rest].reverse(), hue: -1 });
  return sections;
}

const GAP = 10;
const COLUMN_GAP = 28;
const PAGE_SECONDS = 12;
const FRESH_MS = 8000;

interface Layout {
  /** The content it was measured for: a layout of older content is never drawn. */
  key: string;
  size: IdeaSize;
  columns: number;
  pages: Page[];
  ms?: number;
}

/**
 * The room layout: ideas in large type, in columns per cluster, sized to fit the screen from
 * 44 px down to 28 px; what does not fit at 28 px goes on further pages, turned by themselves.
 * Heights are measured in a hidden copy, then packed (pack.ts), so nothing is ever cut.
 */
export function RoomBoard({ sections, label, synced }: { sections: RoomSection[]; label: string; synced: boolean }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(box);
  const [measured, setLayout] = useState<Layout | null>(null);
  const [page, setPage] = useState(0);
  const contentKey = useMemo(() => JSON.stringify(sections.map((s) => [s.key, s.title, s.ideas.map((i) => [i.id, i.text])])), [sections]);
  const layout = measured?.key === contentKey ? measured : null;

  useLayoutEffect(() => {
    const m = measure.current;
    if (!m || width === 0 || height === 0) return;
    const footer = 64;
    const started = performance.now();
    let chosen: Layout | null = null;
    for (const size of IDEA_SIZES) {
      const columns = columnsFor(width, size, COLUMN_GAP);
      const columnWidth = Math.floor((width - (columns - 1) * COLUMN_GAP) / columns);
      m.dataset.size = String(size);
      m.style.width = `${columnWidth}px`;
      const h = (key: string) => (m.querySelector<HTMLElement>(`[data-m="${CSS.escape(key)}"]`)?.offsetHeight ?? 0);
      const packSections = sections.map((s) => ({ key: s.key, titleHeight: s.title ? h(`t:${s.key}`) : 0, ideas: s.ideas.map((i) => ({ id: i.id, height: h(`i:${i.id}`) })) }));
      for (const sectionPerColumn of [true, false]) {
        const pages = pack(packSections, { columnHeight: height - footer, gap: GAP, columnsPerPage: columns, sectionPerColumn });
        chosen = { key: contentKey, size, columns, pages };
        if (pages.length === 1) break;
      }
      if (chosen && chosen.pages.length === 1) break;
    }
    // How long measuring and packing took, for docs/performance.md (read by the e2e test).
    if (chosen) chosen.ms = Math.round(performance.now() - started);
    setLayout(chosen);
  }, [contentKey, width, height]); // contentKey stands for sections

  // A new idea brings its page to the screen and is outlined for a moment: the room sees it
  // arrive without anyone touching the projector.
  // What the first synced layout holds is the wall as it was, not news; every idea after it is.
  // (A time window instead mistook an idea posted within seconds of opening for the backlog.)
  const seen = useRef(new Set<string>());
  const primed = useRef(false);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!layout || !synced) return;
    const known = seen.current;
    const added = sections.flatMap((s) => s.ideas.map((i) => i.id)).filter((id) => !known.has(id));
    if (added.length === 0) return;
    for (const id of added) known.add(id);
    if (!primed.current) {
      primed.current = true;
      return;
    }
    const newest = new Set(added);
    const at = layout.pages.findIndex((p) => p.some((col) => col.some((b) => b.kind === 'idea' && newest.has(b.id))));
    if (at >= 0) setPage(at);
    setFresh(newest);
    const timer = setTimeout(() => setFresh(new Set()), FRESH_MS);
    return () => clearTimeout(timer);
  }, [layout, synced]); // sections are read with the layout made from them

  const pages = layout?.pages.length ?? 1;
  const current = Math.min(page, pages - 1);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [pages, current]);

  const bySection = new Map(sections.map((s) => [s.key, s]));
  const idea = new Map(sections.flatMap((s) => s.ideas.map((i) => [i.id, i] as const)));
  const empty = sections.every((s) => s.ideas.length === 0);

  return (
    <section className="room" aria-label={label} data-testid="room-board" data-size={layout?.size ?? ''} data-page={current + 1} data-pages={pages} data-layout-ms={layout?.ms ?? ''}>
      <div className="room-box" ref={box}>
        {empty && <p className="room-empty">{t('room.empty')}</p>}
        {layout && (
          <div className={`room-page cols-${layout.columns}`} data-size={layout.size}>
            {layout.pages[current]!.map((column, c) => (
              <div className="room-column" key={c}>
                {column.map((b) => {
                  const s = bySection.get(b.section)!;
                  if (b.kind === 'title')
                    return (
                      <h2 key={`t${b.section}`} className={`room-title hue-${s.hue}`} data-testid="projector-cluster-title" data-continued={b.continued || undefined}>
                        {s.title}
                        {b.continued && <span className="room-continued"> {t('room.continued')}</span>}
                      </h2>
                    );
                  const card = idea.get(b.id)!;
                  return (
                    <p key={b.id} className={`room-idea hue-${s.hue}${fresh.has(b.id) ? ' is-fresh' : ''}`} data-testid="projector-idea" data-idea-id={card.id}>
                      {card.text}
                    </p>
                  );
                })}
              </div>
            ))}
          </div>
        )}
        {/* The hidden copy the layout is measured on: one column, every block. */}
        <div className="room-measure" ref={measure} aria-hidden="true">
          {sections.map((s) => (
            <div key={s.key}>
              {s.title && <h2 className="room-title" data-m={`t:${s.key}`}>{s.title} <span className="room-continued">{t('room.continued')}</span></h2>}
              {s.ideas.map((i) => (
                <p key={i.id} className="room-idea" data-m={`i:${i.id}`}>
                  {i.text}
                </p>
              ))}
            </div>
          ))}
        </div>
      </div>
      {pages > 1 && (
        <nav className="room-pager" aria-label={t('room.pages')}>
          <button type="button" className="room-pager-btn" data-testid="room-prev" aria-label={t('room.prevPage')} onClick={() => setPage((current - 1 + pages) % pages)}>
            ◀
          </button>
          <span data-testid="room-page">{t('room.page', { page: current + 1, pages })}</span>
          <button type="button" className="room-pager-btn" data-testid="room-next" aria-label={t('room.nextPage')} onClick={() => setPage((current + 1) % pages)}>
            ▶
          </button>
        </nav>
      )}
    </section>
  );
}
