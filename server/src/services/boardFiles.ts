import { randomUUID } from 'node:crypto';
import { renderAsync } from '@resvg/resvg-js';
import {
  IMAGE_TYPES, MAX_IMAGE_SIDE, MAX_UPLOAD_BYTES, SERVER_ORIGIN,
  type BackgroundResult, type Language,
} from '@semis/shared';
import { AFOM_COLORS, AFOM_COLUMNS, AFOM_LABELS, DEBATE_COLORS, DEBATE_COLUMNS, DEBATE_LABELS, readBackground, readNotes, readShapes, readStatement, setBackground } from '@semis/shared/posters';
import { renderNotesSvg, renderPosterSvg } from '@semis/shared/render';
import { AppError } from '../errors';
import type { Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import { boardRights, findBoard, type BoardRef, type Principal } from './access';
import { sniffImage } from './images';

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
  if (image.width > MAX_IMAGE_SIDE || image.height > MAX_IMAGE_SIDE) throw new AppError('BAD_REQUEST', 'body');
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
  const board = await readableBoard(deps.storage, who, boardId);
  if (board.kind === 'mur') throw new AppError('BAD_REQUEST', 'boardId');
  const atelier = await deps.storage.getAtelier(board.atelierId);
  const group = board.groupId ? await deps.storage.posters.getGroup(board.groupId) : null;
  const title = [group?.name, atelier?.title].filter(Boolean).join(' — ');
  const skip = (key: string, error: string) => deps.log(`board ${board.id}: skipped invalid ${board.kind} entry ${key}: ${error}`);

  if (board.kind === 'poster') {
    const { shapes, background } = await deps.registry.use(board.id, (room) => ({ shapes: readShapes(room.doc, skip), background: readBackground(room.doc) }));
    const image = background ? await deps.storage.posters.getAsset(background.assetId) : null;
    const href = image && image.asset.eventId === board.eventId ? `data:${image.asset.mime};base64,${Buffer.from(image.data).toString('base64')}` : null;
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

/** Rasterised off the event loop (resvg's thread pool), `width` pixels wide. */
export async function exportPng(deps: BoardFileDeps, who: Principal, boardId: string, lang: Language, width: number): Promise<Buffer> {
  const svg = await exportSvg(deps, who, boardId, lang);
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return rendered.asPng();
}
