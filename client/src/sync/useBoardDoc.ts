import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { PROTOCOL_VERSION, YJS_PATH, WS_CLOSE } from '@semis/shared';
import type { ClientError } from './errors';

export type BoardStatus = 'connecting' | 'connected' | 'disconnected';

export interface BoardConnection {
  doc: Y.Doc | null;
  status: BoardStatus;
  /** Set once the server has synced the document at least once. */
  synced: boolean;
  /** The server closed the connection for good (bad token, unknown board…). */
  error: ClientError | null;
  /** Presence channel; its local state stays null unless a writer opts in (posters). */
  awareness: Awareness | null;
}

function wsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

const CLOSE_TO_CODE: Record<number, ClientError['code']> = {
  [WS_CLOSE.NOT_AUTHENTICATED]: 'NOT_AUTHENTICATED',
  [WS_CLOSE.FORBIDDEN]: 'FORBIDDEN',
  [WS_CLOSE.NOT_FOUND]: 'NOT_FOUND',
  [WS_CLOSE.RATE_LIMITED]: 'RATE_LIMITED',
  [WS_CLOSE.DOC_TOO_LARGE]: 'BOARD_TOO_LARGE',
  [WS_CLOSE.MISSING_DEPENDENCIES]: 'BOARD_OUT_OF_SYNC',
  [WS_CLOSE.MALFORMED]: 'BAD_REQUEST',
};

/**
 * One board document over y-websocket. Participants pass `readOnly`: the server ignores their
 * writes anyway, and not publishing presence spares everyone 150×150 awareness messages.
 */
export function useBoardDoc(boardId: string | null, token: string | null, opts: { readOnly: boolean }): BoardConnection {
  const [state, setState] = useState<BoardConnection>({ doc: null, status: 'connecting', synced: false, error: null, awareness: null });
  const { readOnly } = opts;
  /** Bumped to start over with an empty document (the server asked us to resync). */
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!boardId || !token) return;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsBase() + YJS_PATH, boardId, doc, {
      params: { token, protocol: String(PROTOCOL_VERSION) },
      disableBc: readOnly,
      maxBackoffTime: readOnly ? 10000 : 4000,
    });
    // No presence UI yet: publishing cursors would only cost bandwidth.
    provider.awareness.setLocalState(null);
    setState({ doc, status: 'connecting', synced: false, error: null, awareness: provider.awareness });

    const onStatus = ({ status }: { status: BoardStatus }) => setState((s) => ({ ...s, status }));
    const onSync = (synced: boolean) => {
      // For bench:canvas (first paint after the document arrives).
      if (synced) performance.mark('board:synced');
      setState((s) => ({ ...s, synced: s.synced || synced }));
    };
    const onClosed = ({ code, reason }: { code: number; reason: string }) => {
      // We hold edits the server lost in a crash: its state is the truth, start from it.
      if (code === WS_CLOSE.RESYNC) return setGeneration((g) => g + 1);
      setState((s) => ({ ...s, status: 'disconnected', error: { code: CLOSE_TO_CODE[code] ?? 'UNKNOWN', message: reason } }));
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);

    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [boardId, token, readOnly, generation]);

  return state;
}
