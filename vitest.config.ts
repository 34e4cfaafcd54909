import { defineConfig } from 'vitest/config';

/** How long `expect.poll` waits for a state to arrive (Vitest's default, 1 s, is shorter than a
 * page load on a loaded 2-core machine; Playwright's own default is 5 s). A state that never
 * comes still fails — later, not never. */
const SETTLE = { timeout: 10_000, interval: 50 };

/** One suite, four projects, all run by `npm test`:
 *  unit (pure rules, no network), storage (contract on SQLite and PostgreSQL),
 *  integration (real server on port 0, real clients), e2e (real Chromium). */
export default defineConfig({
  test: {
    projects: [
      // Pure functions without shared mutable state: the files share one module graph in worker
      // threads instead of re-importing everything per file (43.8 s → 8.7 s on 2 busy cores).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false, pool: 'threads' } },
      { test: { name: 'storage', include: ['tests/storage/**/*.test.ts'], testTimeout: 20_000 } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000, expect: { poll: SETTLE } } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 120_000, fileParallelism: false, expect: { poll: SETTLE } } },
    ],
  },
});
