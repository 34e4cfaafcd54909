/**
 * Offline auto-grouping from the command line.
 *   npm run grouping -- IN.jsonl OUT.jsonl [--granularity 0.5]
 * IN: one JSON object per line with at least "id" and "text" (other fields ignored).
 * OUT: one line per idea, in input order: {"id","cluster","duplicate"}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { suggestGroups, type GroupingInput } from '../shared/src/grouping/index';

function fail(message: string): never {
  console.error(`grouping: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
let granularity = 0.5;
const files: string[] = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--granularity') {
    const value = Number(args[++k]);
    if (!Number.isFinite(value) || value < 0 || value > 1) fail('--granularity expects a number between 0 and 1');
    granularity = value;
  } else if (args[k].startsWith('--granularity=')) {
    const value = Number(args[k].slice('--granularity='.length));
    if (!Number.isFinite(value) || value < 0 || value > 1) fail('--granularity expects a number between 0 and 1');
    granularity = value;
  } else files.push(args[k]);
}
if (files.length !== 2) fail('usage: npm run grouping -- IN.jsonl OUT.jsonl [--granularity 0.5]');
const [input, output] = files;

let content: string;
try {
  content = readFileSync(input, 'utf8');
} catch (e) {
  fail(`cannot read ${input}: ${(e as Error).message}`);
}

const ideas: GroupingInput[] = [];
content.split(/\r?\n/).forEach((line, k) => {
  if (!line.trim()) return;
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    fail(`${input}:${k + 1}: not valid JSON`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) fail(`${input}:${k + 1}: expected a JSON object`);
  const { id, text } = row as { id?: unknown; text?: unknown };
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') fail(`${input}:${k + 1}: missing "id"`);
  if (typeof text !== 'string') fail(`${input}:${k + 1}: missing "text"`);
  ideas.push({ id: String(id), text });
});

const result = suggestGroups(ideas, { granularity });
const clusterOf = new Map<string, string>();
for (const c of result.clusters) for (const id of c.ideaIds) clusterOf.set(id, c.id);
const duplicateOf = new Map<string, string>();
for (const d of result.duplicates) for (const id of d.ideaIds) duplicateOf.set(id, d.id);

const lines = ideas.map((i) => JSON.stringify({ id: i.id, cluster: clusterOf.get(i.id) ?? 'divers', duplicate: duplicateOf.get(i.id) ?? null }));
writeFileSync(output, lines.length ? lines.join('\n') + '\n' : '');
console.error(`grouping: ${ideas.length} ideas → ${result.clusters.length} clusters, ${result.duplicates.length} duplicate proposals → ${output}`);
