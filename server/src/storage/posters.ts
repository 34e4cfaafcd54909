import { REACTION_KINDS, type Asset, type BoardComment, type GroupMember, type PosterBoard, type PosterGroup, type ReactionKind } from '@semis/shared';
import type { SqlDriver } from './sql-driver';

/**
 * Storage of the poster workshop (issue #5): groups, members, their boards, reactions,
 * comments and uploaded images. Kept apart from the core Storage so both grow without
 * touching each other; SqlStorage exposes it as `storage.posters`.
 */
export interface PosterStore {
  /** Creates a group with its boards in one transaction. Idempotent on group id: a retry by the
   * same event/atelier returns 'existing'; the same id elsewhere is a 'conflict'. */
  /** `creator`: the participant who forms it and how many groups of the atelier they may have
   * formed (checked under the atelier's lock: 'limit' when reached); none for facilitators. */
  createGroup(group: Omit<PosterGroup, 'position'>, boards: PosterBoard[], creator?: { id: string; max: number }): Promise<{ kind: 'created' | 'existing' | 'conflict' | 'limit'; group?: PosterGroup }>;
  getGroup(id: string): Promise<PosterGroup | null>;
  /** Groups of an event, by atelier then position. */
  listGroups(eventId: string): Promise<PosterGroup[]>;
  countGroups(atelierId: string): Promise<number>;
  setGroupRoles(id: string, roles: { animateurId: string | null; rapporteurId: string | null }): Promise<void>;
  /** Adds the participant to the group, leaving any other group of the same atelier (one table
   * per person). Returns the group left, if any. Idempotent. */
  joinGroup(groupId: string, participantId: string, now: string): Promise<{ left: string | null }>;
  /** Removes the member, and its animateur/rapporteur role. Resolves false when it wasn't one. */
  leaveGroup(groupId: string, participantId: string): Promise<boolean>;
  /** Members of every group of the event, oldest first. */
  listMembers(eventId: string): Promise<GroupMember[]>;
  /** Ids of the groups a participant belongs to. */
  groupsOf(participantId: string): Promise<string[]>;

  getBoard(id: string): Promise<PosterBoard | null>;
  listBoards(eventId: string): Promise<PosterBoard[]>;

  /** Toggles one reaction of one participant on a board; idempotent both ways. */
  setReaction(boardId: string, participantId: string, kind: ReactionKind, on: boolean, now: string): Promise<void>;
  reactionCounts(boardId: string): Promise<Record<ReactionKind, number>>;
  reactionsOf(boardId: string, participantId: string): Promise<ReactionKind[]>;

  /** Idempotent on id for the same author and board. */
  insertComment(c: BoardComment): Promise<{ kind: 'created' | 'existing' | 'conflict'; comment?: BoardComment }>;
  /** Oldest first. */
  listComments(boardId: string): Promise<BoardComment[]>;

  putAsset(asset: Asset, data: Uint8Array): Promise<void>;
  getAsset(id: string): Promise<{ asset: Asset; data: Uint8Array } | null>;
}

const GROUP = `id, event_id AS "eventId", atelier_id AS "atelierId", name, position, animateur_id AS "animateurId", rapporteur_id AS "rapporteurId", created_at AS "createdAt"`;
const BOARD = `id, event_id AS "eventId", atelier_id AS "atelierId", group_id AS "groupId", kind, created_at AS "createdAt"`;
const COMMENT = `id, event_id AS "eventId", board_id AS "boardId", author_id AS "authorId", text, created_at AS "createdAt"`;
const ASSET = `id, event_id AS "eventId", board_id AS "boardId", mime, width, height, size, created_at AS "createdAt"`;

export class SqlPosterStore implements PosterStore {
  constructor(private readonly db: SqlDriver) {}

  async createGroup(group: Omit<PosterGroup, 'position'>, boards: PosterBoard[], creator?: { id: string; max: number }): ReturnType<PosterStore['createGroup']> {
    const outcome = await this.db.transaction(async (tx): Promise<'created' | 'existing' | 'conflict' | 'limit'> => {
      // The atelier's lock serialises positions of concurrent creations (PostgreSQL).
      await tx.lock(`groups:${group.atelierId}`);
      const existing = await tx.query<{ eventId: string; atelierId: string }>(`SELECT event_id AS "eventId", atelier_id AS "atelierId" FROM poster_groups WHERE id = $1`, [group.id]);
      if (existing[0]) return existing[0].eventId === group.eventId && existing[0].atelierId === group.atelierId ? 'existing' : 'conflict';
      if (creator) {
        const [{ mine }] = (await tx.query<{ mine: number | string }>('SELECT COUNT(*) AS mine FROM poster_groups WHERE atelier_id = $1 AND created_by = $2', [group.atelierId, creator.id])) as [{ mine: number | string }];
        if (Number(mine) >= creator.max) return 'limit';
      }
      const [{ n }] = (await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM poster_groups WHERE atelier_id = $1', [group.atelierId])) as [{ n: number | string }];
      await tx.run(
        `INSERT INTO poster_groups (id, event_id, atelier_id, name, position, animateur_id, rapporteur_id, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [group.id, group.eventId, group.atelierId, group.name, Number(n), group.animateurId, group.rapporteurId, group.createdAt, creator?.id ?? null],
      );
      for (const b of boards) {
        await tx.run(`INSERT INTO boards (id, event_id, atelier_id, group_id, kind, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [b.id, b.eventId, b.atelierId, b.groupId, b.kind, b.createdAt]);
      }
      return 'created';
    });
    if (outcome === 'conflict' || outcome === 'limit') return { kind: outcome };
    return { kind: outcome, group: (await this.getGroup(group.id))! };
  }

  getGroup(id: string): Promise<PosterGroup | null> {
    return this.one<PosterGroup>(`SELECT ${GROUP} FROM poster_groups WHERE id = $1`, [id]);
  }

  listGroups(eventId: string): Promise<PosterGroup[]> {
    // In the ateliers' order (their position), as docs/protocol.md promises, not their ids'.
    return this.db.query<PosterGroup>(
      `SELECT ${GROUP} FROM poster_groups WHERE event_id = $1
       ORDER BY (SELECT a.position FROM ateliers a WHERE a.id = poster_groups.atelier_id), poster_groups.position, created_at, id`,
      [eventId],
    );
  }

  async countGroups(atelierId: string): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM poster_groups WHERE atelier_id = $1', [atelierId]);
    return Number(rows[0]?.n ?? 0);
  }

  async setGroupRoles(id: string, roles: { animateurId: string | null; rapporteurId: string | null }): Promise<void> {
    await this.db.run('UPDATE poster_groups SET animateur_id = $2, rapporteur_id = $3 WHERE id = $1', [id, roles.animateurId, roles.rapporteurId]);
  }

  async joinGroup(groupId: string, participantId: string, now: string): Promise<{ left: string | null }> {
    return this.db.transaction(async (tx) => {
      const group = await tx.query<{ atelierId: string }>(`SELECT atelier_id AS "atelierId" FROM poster_groups WHERE id = $1`, [groupId]);
      if (!group[0]) throw new Error(`group ${groupId} does not exist`);
      const atelierId = group[0].atelierId;
      await tx.lock(`member:${participantId}`);
      const current = await tx.query<{ groupId: string }>(`SELECT group_id AS "groupId" FROM poster_members WHERE participant_id = $1 AND atelier_id = $2`, [participantId, atelierId]);
      const previous = current[0]?.groupId ?? null;
      if (previous === groupId) return { left: null };
      if (previous) await removeMember(tx, previous, participantId);
      await tx.run('INSERT INTO poster_members (group_id, participant_id, atelier_id, joined_at) VALUES ($1, $2, $3, $4)', [groupId, participantId, atelierId, now]);
      return { left: previous };
    });
  }

  leaveGroup(groupId: string, participantId: string): Promise<boolean> {
    return this.db.transaction((tx) => removeMember(tx, groupId, participantId));
  }

  listMembers(eventId: string): Promise<GroupMember[]> {
    return this.db.query<GroupMember>(
      `SELECT m.group_id AS "groupId", m.participant_id AS "participantId", m.joined_at AS "joinedAt"
       FROM poster_members m JOIN poster_groups g ON g.id = m.group_id WHERE g.event_id = $1 ORDER BY m.joined_at, m.participant_id`,
      [eventId],
    );
  }

  async groupsOf(participantId: string): Promise<string[]> {
    const rows = await this.db.query<{ groupId: string }>(`SELECT group_id AS "groupId" FROM poster_members WHERE participant_id = $1`, [participantId]);
    return rows.map((r) => r.groupId);
  }

  getBoard(id: string): Promise<PosterBoard | null> {
    return this.one<PosterBoard>(`SELECT ${BOARD} FROM boards WHERE id = $1`, [id]);
  }

  listBoards(eventId: string): Promise<PosterBoard[]> {
    return this.db.query<PosterBoard>(`SELECT ${BOARD} FROM boards WHERE event_id = $1 ORDER BY created_at, id`, [eventId]);
  }

  async setReaction(boardId: string, participantId: string, kind: ReactionKind, on: boolean, now: string): Promise<void> {
    if (on) {
      await this.db.run(
        'INSERT INTO board_reactions (board_id, participant_id, kind, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (board_id, participant_id, kind) DO NOTHING',
        [boardId, participantId, kind, now],
      );
    } else {
      await this.db.run('DELETE FROM board_reactions WHERE board_id = $1 AND participant_id = $2 AND kind = $3', [boardId, participantId, kind]);
    }
  }

  async reactionCounts(boardId: string): Promise<Record<ReactionKind, number>> {
    const counts = Object.fromEntries(REACTION_KINDS.map((k) => [k, 0])) as Record<ReactionKind, number>;
    const rows = await this.db.query<{ kind: string; n: number | string }>('SELECT kind, COUNT(*) AS n FROM board_reactions WHERE board_id = $1 GROUP BY kind', [boardId]);
    for (const r of rows) if (r.kind in counts) counts[r.kind as ReactionKind] = Number(r.n);
    return counts;
  }

  async reactionsOf(boardId: string, participantId: string): Promise<ReactionKind[]> {
    const rows = await this.db.query<{ kind: ReactionKind }>('SELECT kind FROM board_reactions WHERE board_id = $1 AND participant_id = $2 ORDER BY kind', [boardId, participantId]);
    return rows.map((r) => r.kind);
  }

  async insertComment(c: BoardComment) {
    const inserted = await this.db.run(
      `INSERT INTO board_comments (id, event_id, board_id, author_id, text, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [c.id, c.eventId, c.boardId, c.authorId, c.text, c.createdAt],
    );
    const stored = await this.one<BoardComment>(`SELECT ${COMMENT} FROM board_comments WHERE id = $1`, [c.id]);
    if (!stored) throw new Error(`comment ${c.id} missing right after insert`);
    if (inserted > 0) return { kind: 'created' as const, comment: stored };
    if (stored.authorId === c.authorId && stored.boardId === c.boardId) return { kind: 'existing' as const, comment: stored };
    return { kind: 'conflict' as const };
  }

  listComments(boardId: string): Promise<BoardComment[]> {
    return this.db.query<BoardComment>(`SELECT ${COMMENT} FROM board_comments WHERE board_id = $1 ORDER BY created_at, id`, [boardId]);
  }

  async putAsset(a: Asset, data: Uint8Array): Promise<void> {
    await this.db.run(
      'INSERT INTO assets (id, event_id, board_id, mime, width, height, size, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [a.id, a.eventId, a.boardId, a.mime, a.width, a.height, a.size, data, a.createdAt],
    );
  }

  async getAsset(id: string): Promise<{ asset: Asset; data: Uint8Array } | null> {
    const row = await this.one<Asset & { data: Uint8Array }>(`SELECT ${ASSET}, data FROM assets WHERE id = $1`, [id]);
    if (!row) return null;
    const { data, ...asset } = row;
    return { asset, data: new Uint8Array(data) };
  }

  private async one<T>(sql: string, params: unknown[]): Promise<T | null> {
    return (await this.db.query<T>(sql, params))[0] ?? null;
  }
}

async function removeMember(tx: Pick<SqlDriver, 'run'>, groupId: string, participantId: string): Promise<boolean> {
  const removed = await tx.run('DELETE FROM poster_members WHERE group_id = $1 AND participant_id = $2', [groupId, participantId]);
  await tx.run('UPDATE poster_groups SET animateur_id = NULL WHERE id = $1 AND animateur_id = $2', [groupId, participantId]);
  await tx.run('UPDATE poster_groups SET rapporteur_id = NULL WHERE id = $1 AND rapporteur_id = $2', [groupId, participantId]);
  return removed > 0;
}
