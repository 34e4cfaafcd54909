import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** No Docker engine runs on our machines, so the compose file is checked by reading it. */
describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { build?: string; image?: string; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] } }>;
  };

  it('runs Semis with PostgreSQL and Redis', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'redis', 'semis']);
    const semis = compose.services.semis!;
    expect(semis.build).toBe('.');
    expect(semis.environment?.DATABASE_URL).toMatch(/^postgres:\/\/semis:semis@postgres:5432\/semis$/);
    expect(semis.environment?.REDIS_URL).toBe('redis://redis:6379');
  });

  it('waits for healthy dependencies and checks every service’s health', () => {
    expect(compose.services.semis!.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    for (const s of Object.values(compose.services)) expect(s.healthcheck?.test.length).toBeGreaterThan(0);
    expect(compose.services.postgres!.environment?.POSTGRES_DB).toBe('semis');
  });

  it('builds from a Dockerfile that builds the client and serves', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/npm run build/);
    // The image runs compiled JavaScript, not TypeScript through a loader.
    expect(dockerfile).toMatch(/npm run build:server/);
    expect(dockerfile).toMatch(/CMD \["npm", "run", "serve"\]/);
  });
});
