import { API } from '@semis/shared';
import type { ClientError } from '../sync/errors';
import { downloadFile, errorOf } from '../exports/download';

/** Downloads a server export with the bearer token (a plain link could not carry it). */
export function downloadExport(boardId: string, format: 'png' | 'svg', token: string, lang: string): Promise<ClientError | null> {
  return downloadFile(API.boardExport(boardId, format), { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang } }, `semis-${boardId.slice(0, 8)}.${format}`);
}

export async function uploadBackground(boardId: string, file: File, token: string): Promise<ClientError | null> {
  try {
    const res = await fetch(API.boardBackground(boardId), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type || 'application/octet-stream' }, body: file });
    return res.ok ? null : errorOf(res);
  } catch {
    return { code: 'NETWORK' };
  }
}
