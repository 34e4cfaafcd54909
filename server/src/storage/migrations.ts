import type { SqlDriver } from './sql-driver';

export interface Migration {
  version: number;
  name: string;
  /** Shared SQL; `{{blob}}`, `{{bigint}}` and `{{serial}}` are replaced per dialect. */
  sql: string;
}

/** Append only: never edit a migration that has shipped, add the next version instead. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    // Ids and timestamps are TEXT (UUIDs, ISO strings) so both databases compare and sort
    // them the same way.
    sql: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        date TEXT,
        place TEXT NOT NULL,
        join_code TEXT NOT NULL UNIQUE,
        admin_token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE ateliers (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        theme TEXT NOT NULL,
        question TEXT NOT NULL,
        board_kind TEXT NOT NULL,
        board_id TEXT NOT NULL UNIQUE
      );
      CREATE INDEX ateliers_event ON ateliers (event_id, position);
      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        pseudonym TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        atelier_id TEXT REFERENCES ateliers(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX participants_event ON participants (event_id);
      CREATE TABLE ideas (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        atelier_id TEXT NOT NULL REFERENCES ateliers(id),
        board_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX ideas_board ON ideas (board_id);
      CREATE INDEX ideas_author ON ideas (author_id, atelier_id);
      CREATE TABLE board_updates (
        seq {{serial}},
        board_id TEXT NOT NULL,
        data {{blob}} NOT NULL
      );
      CREATE INDEX board_updates_board ON board_updates (board_id, seq);
      CREATE TABLE board_snapshots (
        board_id TEXT PRIMARY KEY,
        data {{blob}} NOT NULL,
        upto_seq {{bigint}} NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'running the evening: phases, timers, modes, moderation, co-facilitators',
    // Booleans are INTEGER 0/1 and timers JSON text on both databases, mapped in sql-storage.
    sql: `
      ALTER TABLE events ADD COLUMN timer TEXT;
      ALTER TABLE ateliers ADD COLUMN phase TEXT NOT NULL DEFAULT 'ideation';
      ALTER TABLE ateliers ADD COLUMN private_writing INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ateliers ADD COLUMN moderated INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ateliers ADD COLUMN show_authors INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE ateliers ADD COLUMN timer TEXT;
      ALTER TABLE ideas ADD COLUMN status TEXT NOT NULL DEFAULT 'visible';
      ALTER TABLE ideas ADD COLUMN moderated_at TEXT;
      ALTER TABLE participants ADD COLUMN blocked_at TEXT;
      CREATE TABLE blocked_pseudonyms (
        event_id TEXT NOT NULL REFERENCES events(id),
        pseudonym_key TEXT NOT NULL,
        blocked_at TEXT NOT NULL,
        PRIMARY KEY (event_id, pseudonym_key)
      );
      CREATE TABLE facilitator_tokens (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        atelier_id TEXT REFERENCES ateliers(id),
        label TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE moderation_log (
        seq {{serial}},
        event_id TEXT NOT NULL REFERENCES events(id),
        atelier_id TEXT,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        details TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX moderation_log_event ON moderation_log (event_id, seq);
    `,
  },
  {
    // Issue #5 (poster workshop), developed on its own branch beside versions 2 and 4.
    version: 3,
    name: 'posters',
    sql: `
      CREATE TABLE poster_groups (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        atelier_id TEXT NOT NULL REFERENCES ateliers(id),
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        animateur_id TEXT,
        rapporteur_id TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX poster_groups_event ON poster_groups (event_id, atelier_id, position);
      CREATE TABLE poster_members (
        group_id TEXT NOT NULL REFERENCES poster_groups(id),
        participant_id TEXT NOT NULL REFERENCES participants(id),
        atelier_id TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        PRIMARY KEY (group_id, participant_id)
      );
      CREATE UNIQUE INDEX poster_members_one_per_atelier ON poster_members (participant_id, atelier_id);
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        atelier_id TEXT NOT NULL REFERENCES ateliers(id),
        group_id TEXT REFERENCES poster_groups(id),
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX boards_event ON boards (event_id);
      CREATE TABLE board_reactions (
        board_id TEXT NOT NULL REFERENCES boards(id),
        participant_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (board_id, participant_id, kind)
      );
      CREATE TABLE board_comments (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        board_id TEXT NOT NULL REFERENCES boards(id),
        author_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX board_comments_board ON board_comments (board_id, created_at);
      CREATE TABLE assets (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        board_id TEXT NOT NULL,
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        size INTEGER NOT NULL,
        data {{blob}} NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'votes and project candidates',
    sql: `
      ALTER TABLE ateliers ADD COLUMN vote_config TEXT;
      CREATE TABLE vote_sessions (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        atelier_id TEXT REFERENCES ateliers(id),
        config TEXT NOT NULL,
        status TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at TEXT
      );
      CREATE INDEX vote_sessions_atelier ON vote_sessions (event_id, atelier_id, opened_at);
      CREATE TABLE vote_items (
        session_id TEXT NOT NULL REFERENCES vote_sessions(id),
        item_id TEXT NOT NULL,
        title TEXT NOT NULL,
        idea_ids TEXT NOT NULL,
        position INTEGER NOT NULL,
        withdrawn INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, item_id)
      );
      CREATE TABLE vote_dots (
        session_id TEXT NOT NULL REFERENCES vote_sessions(id),
        participant_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        dots INTEGER NOT NULL,
        PRIMARY KEY (session_id, participant_id, item_id)
      );
      CREATE TABLE vote_ops (
        op_id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE vote_ratings (
        session_id TEXT NOT NULL REFERENCES vote_sessions(id),
        participant_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        desirability INTEGER NOT NULL,
        feasibility INTEGER NOT NULL,
        PRIMARY KEY (session_id, participant_id, item_id)
      );
      CREATE TABLE candidates (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        atelier_id TEXT NOT NULL REFERENCES ateliers(id),
        source_kind TEXT NOT NULL,
        source_id TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (atelier_id, source_kind, source_id)
      );
      CREATE INDEX candidates_event ON candidates (event_id, created_at);
    `,
  },
  {
    version: 5,
    name: 'idea slots',
    // Where a new sticky lands on its board's grid, decided once in the database (issue #14):
    // each process counting its own copy of the layout put stickies on top of each other.
    // Existing ideas are numbered in posting order.
    sql: `
      ALTER TABLE ideas ADD COLUMN slot INTEGER;
      UPDATE ideas SET slot = (SELECT COUNT(*) FROM ideas o WHERE o.board_id = ideas.board_id
        AND (o.created_at < ideas.created_at OR (o.created_at = ideas.created_at AND o.id < ideas.id)));
      CREATE UNIQUE INDEX ideas_board_slot ON ideas (board_id, slot);
    `,
  },
  {
    version: 6,
    name: 'group creation rights',
    // Who may form poster groups is the facilitator's setting (issue #8): each group a
    // participant forms is a board document they write, so how many is counted per creator.
    sql: `
      ALTER TABLE ateliers ADD COLUMN group_creation TEXT;
      ALTER TABLE poster_groups ADD COLUMN created_by TEXT;
      CREATE INDEX poster_groups_creator ON poster_groups (atelier_id, created_by);
    `,
  },
  {
    version: 7,
    name: 'retention of pseudonyms',
    // RGPD (issue #11): pseudonyms are kept retention_days once the evening is over (closed_at:
    // when every atelier was seen closed), then purged (purged_at); purge_lease lets one process
    // at a time do it when several share the database.
    sql: `
      ALTER TABLE events ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 30;
      ALTER TABLE events ADD COLUMN closed_at TEXT;
      ALTER TABLE events ADD COLUMN purged_at TEXT;
      ALTER TABLE events ADD COLUMN purge_lease TEXT;
    `,
  },
  {
    version: 8,
    name: 'pseudonym keys',
    // A join picks its pseudonym under the event's lock: with the key stored, it reads the few
    // names that can collide instead of every name of the event (issue #13). Rows written
    // before have no key and are always read.
    sql: `
      ALTER TABLE participants ADD COLUMN pseudonym_key TEXT;
      CREATE INDEX participants_pseudonym_key ON participants (event_id, pseudonym_key);
    `,
  },
];

const DIALECT = {
  // AUTOINCREMENT: plain INTEGER PRIMARY KEY may reuse the highest seq once compaction
  // deleted it, and a reused seq <= upto_seq would be hidden behind the snapshot forever.
  sqlite: { blob: 'BLOB', bigint: 'INTEGER', serial: 'INTEGER PRIMARY KEY AUTOINCREMENT' },
  postgres: { blob: 'BYTEA', bigint: 'BIGINT', serial: 'BIGSERIAL PRIMARY KEY' },
} as const;

export function migrationSql(migration: Migration, dialect: SqlDriver['dialect']): string {
  const types = DIALECT[dialect];
  return migration.sql.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const type = types[key as keyof typeof types];
    if (!type) throw new Error(`migration ${migration.version}: unknown placeholder {{${key}}}`);
    return type;
  });
}

const LOCK = 'semis:migrations';

/**
 * Idempotent; each migration commits with its schema_migrations row. Every step holds the
 * migrations lock, so processes starting together apply each migration exactly once
 * (concurrent CREATE TABLE IF NOT EXISTS alone can fail on PostgreSQL).
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  await driver.transaction(async (tx) => {
    await tx.lock(LOCK);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
  });
  for (const migration of migrations) {
    await driver.transaction(async (tx) => {
      await tx.lock(LOCK);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      await tx.exec(migrationSql(migration, driver.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    });
  }
}
