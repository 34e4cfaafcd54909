import { randomUUID } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
import {
  EXPORT_CONCURRENCY, EXPORT_PNG_MAX_HEIGHT, EXPORT_QUEUE_MAX, IMAGE_TYPES, imageFits, MAX_UPLOAD_BYTES, SERVER_ORIGIN,
  gridPosition, readClusters, readIdeaCards, readPosition, type Atelier, type BackgroundResult, type Language,
} from '@semis/shared';
import { clusterTitle } from '@semis/shared/grouping';
import { AFOM_COLORS, AFOM_COLUMNS, AFOM_LABELS, DEBATE_COLORS, DEBATE_COLUMNS, DEBATE_LABELS, readBackground, readNotes, readShapes, readStatement, setBackground } from '@semis/shared/posters';
import { renderNotesSvg, renderPosterSvg, renderWallSvg, svgSize } from '@semis/shared/render';
import { AppError } from '../errors';
import type { Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import { boardRights, findBoard, type BoardRef, type Principal } from './access';
import { sniffImage } from './images';
import { WorkQueue } from '../limits/workQueue';

/** PNG rasterising is the costly part of exports (up to 256 MB of pixels each): a few at a time. */
export const exportQueue = new WorkQueue(EXPORT_CONCURRENCY, EXPORT_QUEUE_MAX);

/** Files in and out of boards: the poster's background map, and SVG/PNG exports. */
export interface BoardFileDeps {
  storage: Storage;
  registry: BoardRegistry;
  now: () => string;
  log: (m: string) => void;
}

async function readableBoard(storage: Storage, who: Principal, boardId: string): Promise<BoardRef> {
  const board = await findBoard(storage, boardId);
  if (!board || board.eventId !== who.event.id) throw new AppError('UNKNOWN_BOARD', 'boardId');
  return board;
}

/** Checks the declared type, then the bytes themselves; stores the image; shows it on the poster. */
export async function uploadBackground(deps: BoardFileDeps, who: Principal, boardId: string, declared: string | undefined, body: unknown): Promise<BackgroundResult> {
  const board = await readableBoard(deps.storage, who, boardId);
  if (board.kind !== 'poster') throw new AppError('BAD_REQUEST', 'boardId');
  if (!(await boardRights(deps.storage, who, board)).canWrite) throw new AppError(who.role === 'participant' ? 'NOT_MEMBER' : 'FORBIDDEN');
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(IMAGE_TYPES as readonly string[]).includes(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'content-type');
  const bytes = body instanceof Uint8Array ? body : null;
  if (!bytes || bytes.length === 0) throw new AppError('BAD_REQUEST', 'body');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'body');
  const image = sniffImage(bytes);
  if (!image || image.mime !== type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'body');
  // Decoded size from the header, before storing: a small file may decode to gigabytes.
  if (!imageFits(image)) throw new AppError('IMAGE_TOO_LARGE', 'body');
  const asset = { id: randomUUID(), eventId: board.eventId, boardId: board.id, mime: image.mime, width: image.width, height: image.height, size: bytes.length, createdAt: deps.now() };
  await deps.storage.posters.putAsset(asset, bytes);
  const background = { assetId: asset.id, width: asset.width, height: asset.height };
  await deps.registry.use(board.id, (room) => setBackground(room.doc, background, SERVER_ORIGIN));
  return { background };
}

export async function readAsset(storage: Storage, who: Principal, assetId: string) {
  const found = await storage.posters.getAsset(assetId);
  if (!found || found.asset.eventId !== who.event.id) throw new AppError('NOT_FOUND', 'assetId');
  return found;
}

/** The board as SVG, drawn on the server from the validated document (bad shapes skipped, logged). */
export async function exportSvg(deps: BoardFileDeps, who: Principal, boardId: string, lang: Language): Promise<string> {
  return boardSvg(deps, await readableBoard(deps.storage, who, boardId), lang);
}

/** Any board drawn as SVG, without rights checks (callers check); the report uses it too. */
export async function boardSvg(deps: Pick<BoardFileDeps, 'storage' | 'registry' | 'log'>, board: BoardRef, lang: Language): Promise<string> {
  const atelier = await deps.storage.getAtelier(board.atelierId);
  const group = board.groupId ? await deps.storage.posters.getGroup(board.groupId) : null;
  const title = [group?.name, atelier?.title].filter(Boolean).join(' — ');
  const skip = (key: string, error: string) => deps.log(`board ${board.id}: skipped invalid ${board.kind} entry ${key}: ${error}`);

  if (board.kind === 'mur' && atelier) return wallSvg(deps, atelier);

  if (board.kind === 'poster') {
    const { shapes, background } = await deps.registry.use(board.id, (room) => ({ shapes: readShapes(room.doc, skip), background: readBackground(room.doc) }));
    const image = background ? await deps.storage.posters.getAsset(background.assetId) : null;
    // Re-checked from the stored bytes: assets stored before the pixel bound existed, or a
    // background entry pointing elsewhere, must not make the rasteriser decode a bomb.
    const sniffed = image ? sniffImage(image.data) : null;
    const fits = !!sniffed && imageFits(sniffed);
    if (image && !fits) deps.log(`board ${board.id}: background ${image.asset.id} left out of the export (decoded size over the bound)`);
    const href = image && fits && image.asset.eventId === board.eventId ? `data:${image.asset.mime};base64,${Buffer.from(image.data).toString('base64')}` : null;
    return renderPosterSvg({ title, shapes, lang, background: href && background ? { href, width: background.width, height: background.height } : null });
  }
  const isAfom = board.kind === 'afom';
  const columns = isAfom ? AFOM_COLUMNS : DEBATE_COLUMNS;
  const labels: Record<string, string> = isAfom ? AFOM_LABELS[lang] : DEBATE_LABELS[lang];
  const colors: Record<string, string> = isAfom ? AFOM_COLORS : DEBATE_COLORS;
  const { notes, statement } = await deps.registry.use(board.id, (room) => ({ notes: readNotes(room.doc, columns, skip), statement: readStatement(room.doc) }));
  return renderNotesSvg({
    title: `${isAfom ? 'AFOM' : lang === 'fr' ? 'Débat de scénario' : 'Scenario debate'} — ${title}`,
    statement: isAfom ? undefined : statement,
    columns: columns.map((id) => ({ id, label: labels[id]!, color: colors[id]! })),
    notes,
    layout: isAfom ? 'quadrants' : 'columns',
  });
}

/** Rasterised off the event loop (resvg's thread pool), through the export queue, `width`
 * pixels wide — or narrower when that would make it taller than EXPORT_PNG_MAX_HEIGHT. */
export function exportPng(deps: BoardFileDeps, who: Principal, boardId: string, lang: Language, width: number): Promise<Buffer> {
  return exportQueue.run(async () => {
    const svg = await exportSvg(deps, who, boardId, lang);
    const size = svgSize(svg);
    const fitTo = (width / size.width) * size.height > EXPORT_PNG_MAX_HEIGHT ? ({ mode: 'height', value: EXPORT_PNG_MAX_HEIGHT } as const) : ({ mode: 'width', value: width } as const);
    const rendered = await renderAsync(svg, {
      fitTo,
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    });
    return rendered.asPng();
  });
}

/** A wall: its visible ideas where they sit (the document only ever holds visible ones), its
 * cluster frames, and pseudonyms only where the atelier shows authors. */
async function wallSvg(deps: Pick<BoardFileDeps, 'registry'>, atelier: Atelier): Promise<string> {
  const { cards, clusters } = await deps.registry.use(atelier.boardId, (room) => ({
    cards: readIdeaCards(room.doc).flatMap((c, i) => [{ id: c.id, text: c.text, author: atelier.showAuthors ? c.author : null, position: readPosition(room.doc, c.id) ?? gridPosition(i) }]),
    clusters: readClusters(room.doc).map((c) => ({ id: c.id, title: c.title, ideaIds: c.ideaIds, origin: { x: c.x, y: c.y } })),
  }));
  const text = new Map(cards.map((c) => [c.id, c.text]));
  return renderWallSvg({
    title: atelier.title,
    question: atelier.question,
    cards,
    clusters: clusters.map((c) => ({ ...c, title: clusterTitle(c, (id) => text.get(id)) })),
  });
}
