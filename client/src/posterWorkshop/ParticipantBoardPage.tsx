import { normalizeJoinCode } from '@semis/shared';
import { loadSession } from '../sync/participantStore';
import { BoardPage } from './BoardPage';

/** /j/:code/tableau/:boardId — with the identity this device joined with. */
export function ParticipantBoardPage({ code, boardId }: { code: string; boardId: string }) {
  const session = loadSession(normalizeJoinCode(code));
  const base = `/j/${encodeURIComponent(code)}`;
  return <BoardPage boardId={boardId} token={session.token} me={session.participant?.pseudonym ?? '?'} back={`${base}/groupes`} boardHref={(id) => `${base}/tableau/${id}`} />;
}
