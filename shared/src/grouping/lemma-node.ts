/**
 * Node-only loader of the Lefff tables shipped by the npm `lefff-helper` (see lemma.ts).
 * Imported by the grouping worker and the scripts, never by the client: it reads files.
 * Resolved through the package itself, so it works from sources, from the compiled server
 * (the package stays external, installed by `npm install`) and from a fresh clone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildLemmaTable, hasLemmas, useLemmas } from './lemma';

/** Reads the tables and installs them, once; later calls do nothing. */
export function installLefff(): void {
  if (hasLemmas()) return;
  const dir = join(dirname(createRequire(import.meta.url).resolve('lefff-helper/package.json')), 'resources_pub');
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  useLemmas(buildLemmaTable(read('nouns.json'), read('adjectives.json')));
}
