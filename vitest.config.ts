import { defineConfig } from 'vitest/config';

/** One suite, four projects, all run by `npm test`:
 *  unit (pure rules, no network), storage (contract on SQLite and PostgreSQL),
 *  integration (real server on port 0, real clients), e2e (real Chromium). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'storage', include: ['tests/storage/**/*.test.ts'], testTimeout: 20_000 } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
