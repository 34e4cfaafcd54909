import { useAdminEvent } from '../facilitator/useAdminEvent';
import { BoardPage } from './BoardPage';

/** /animer/tableau/:boardId — a facilitator writes every board of the event. */
export function AdminBoardPage({ boardId }: { boardId: string }) {
  const { token } = useAdminEvent();
  return <BoardPage boardId={boardId} token={token} me="Animation" back="/animer" boardHref={(id) => `/animer/tableau/${id}`} />;
}
