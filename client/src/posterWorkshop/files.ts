import { API } from '@semis/shared';
import { toClientError, type ClientError } from '../sync/errors';

/** Downloads a server export with the bearer token (a plain link could not carry it). */
export async function downloadExport(boardId: string, format: 'png' | 'svg', token: string, lang: string): Promise<ClientError | null> {
  try {
    const res = await fetch(API.boardExport(boardId, format), { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang } });
    if (!res.ok) return errorOf(res);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `semis-${boardId.slice(0, 8)}.${format}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return null;
  } catch {
    return { code: 'NETWORK' };
  }
}

export async function uploadBackground(boardId: string, file: File, token: string): Promise<ClientError | null> {
  try {
    const res = await fetch(API.boardBackground(boardId), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type || 'application/octet-stream' }, body: file });
    return res.ok ? null : errorOf(res);
  } catch {
    return { code: 'NETWORK' };
  }
}

async function errorOf(res: Response): Promise<ClientError> {
  try {
    return toClientError(((await res.json()) as { error?: never }).error);
  } catch {
    return { code: res.status === 413 ? 'PAYLOAD_TOO_LARGE' : res.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNKNOWN' };
  }
}
