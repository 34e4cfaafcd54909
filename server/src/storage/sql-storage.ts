import { migrate } from './migrations';
import { SqlAccessStore } from './access';
import { SqlArchiveStore } from './archive';
import { SqlAtelierStore } from './ateliers';
import { SqlBoardLogStore } from './board-log';
import { SqlCandidateStore } from './candidates';
import { SqlEventStore } from './events';
import { SqlIdeaStore } from './ideas';
import { SqlModerationStore } from './moderation';
import { SqlParticipantStore } from './participants';
import { SqlPosterStore } from './posters';
import { SqlRetentionStore } from './retention';
import type { SqlDriver } from './sql-driver';
import { countCalls } from './counted-driver';
import type { Storage } from './types';
import { SqlVoteStore } from './votes';

/**
 * The Storage facade over any SqlDriver: one store per aggregate (each in its own file, the
 * SQL common to SQLite and PostgreSQL), plus every aggregate's methods flat on the facade.
 */
export function createSqlStorage(raw: SqlDriver): Storage {
  const { driver: db, calls } = countCalls(raw);
  const stores = {
    events: new SqlEventStore(db),
    ateliers: new SqlAtelierStore(db),
    participants: new SqlParticipantStore(db),
    ideas: new SqlIdeaStore(db),
    moderation: new SqlModerationStore(db),
    boards: new SqlBoardLogStore(db),
    access: new SqlAccessStore(db),
  };
  const facade = {
    kind: db.dialect,
    calls,
    ...stores,
    votes: new SqlVoteStore(db),
    candidates: new SqlCandidateStore(db),
    posters: new SqlPosterStore(db),
    archive: new SqlArchiveStore(db),
    retention: new SqlRetentionStore(db),
    migrate: () => migrate(db),
    ping: async () => void (await db.query('SELECT 1')),
    stallCommits: db.stallCommits?.bind(db),
    close: () => db.close(),
  };
  for (const store of Object.values(stores)) flatten(facade, store);
  return facade as unknown as Storage;
}

/** Copies a store's methods onto the facade, bound to the store. */
function flatten(target: object, store: object): void {
  const proto = Object.getPrototypeOf(store) as object;
  for (const key of Object.getOwnPropertyNames(proto)) {
    const value = (store as Record<string, unknown>)[key];
    if (key === 'constructor' || typeof value !== 'function' || key in target) continue;
    // Writable: tests (and wrappers such as metrics) may replace a method on the facade.
    Object.defineProperty(target, key, { value: value.bind(store), enumerable: false, writable: true, configurable: true });
  }
}
