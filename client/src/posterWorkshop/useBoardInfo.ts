import { useEffect, useState } from 'react';
import { API, type BoardInfo } from '@semis/shared';
import { http } from '../sync/http';
import type { ClientError } from '../sync/errors';

export function useBoardInfo(boardId: string, token: string | null) {
  const [state, setState] = useState<{ info: BoardInfo | null; error: ClientError | null }>({ info: null, error: null });
  useEffect(() => {
    if (!token) return;
    let live = true;
    void http<BoardInfo>(API.board(boardId), { token }).then((r) => live && setState(r.ok ? { info: r.data, error: null } : { info: null, error: r.error }));
    return () => {
      live = false;
    };
  }, [boardId, token]);
  return state;
}
