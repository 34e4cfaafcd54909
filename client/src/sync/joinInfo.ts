import type { JoinInfoResult } from '@semis/shared';
import type { HttpResult } from './http';

/** The home screen checks a typed code with the server before moving on; the participant
 * screen then reuses that answer instead of fetching the event a second time. */
let handed: { code: string; res: HttpResult<JoinInfoResult> } | null = null;

export function handJoinInfo(code: string, res: HttpResult<JoinInfoResult>): void {
  handed = { code, res };
}

export function takeJoinInfo(code: string): HttpResult<JoinInfoResult> | null {
  const h = handed;
  handed = null;
  return h && h.code === code ? h.res : null;
}
