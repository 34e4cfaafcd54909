/**
 * Offline auto-grouping from the command line.
 *   npm run grouping -- IN.jsonl OUT.jsonl [--granularity 0.5] [--per-atelier | --cross-theme]
 * IN: one JSON object per line with at least "id" and "text", and optionally "atelier" (other
 * fields ignored). When every line has an "atelier", each atelier is grouped on its own (its
 * sub-topics), as its wall is; --per-atelier demands it, --cross-theme groups all lines together.
 * OUT: one line per idea, in input order: {"id","cluster","duplicate"}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chooseMode, groupRows, type InputRow, type Mode } from './grouping-rows';

function fail(message: string): never {
  console.error(`grouping: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
let granularity = 0.5;
let asked: Mode | undefined;
const files: string[] = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--per-atelier' || args[k] === '--cross-theme') {
    if (asked && asked !== args[k].slice(2)) fail('--per-atelier and --cross-theme exclude each other');
    asked = args[k].slice(2) as Mode;
  } else if (args[k] === '--granularity') {
    const value = Number(args[++k]);
    if (!Number.isFinite(value) || value < 0 || value > 1) fail('--granularity expects a number between 0 and 1');
    granularity = value;
  } else if (args[k].startsWith('--granularity=')) {
    const value = Number(args[k].slice('--granularity='.length));
    if (!Number.isFinite(value) || value < 0 || value > 1) fail('--granularity expects a number between 0 and 1');
    granularity = value;
  } else if (args[k].startsWith('--')) fail(`unknown option ${args[k]}`);
  else files.push(args[k]);
}
if (files.length !== 2) fail('usage: npm run grouping -- IN.jsonl OUT.jsonl [--granularity 0.5] [--per-atelier | --cross-theme]');
const [input, output] = files;

let content: string;
try {
  content = readFileSync(input, 'utf8');
} catch (e) {
  fail(`cannot read ${input}: ${(e as Error).message}`);
}

const ideas: InputRow[] = [];
content.split(/\r?\n/).forEach((line, k) => {
  if (!line.trim()) return;
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    fail(`${input}:${k + 1}: not valid JSON`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) fail(`${input}:${k + 1}: expected a JSON object`);
  const { id, text, atelier } = row as { id?: unknown; text?: unknown; atelier?: unknown };
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') fail(`${input}:${k + 1}: missing "id"`);
  if (typeof text !== 'string') fail(`${input}:${k + 1}: missing "text"`);
  if (atelier !== undefined && atelier !== null && typeof atelier !== 'string') fail(`${input}:${k + 1}: "atelier" must be a string`);
  if (asked === 'per-atelier' && !atelier) fail(`${input}:${k + 1}: --per-atelier needs an "atelier" on every line`);
  ideas.push({ id: String(id), text, ...(atelier ? { atelier } : {}) });
});

const mode = chooseMode(ideas, asked);
const rows = groupRows(ideas, mode, granularity);
writeFileSync(output, rows.length ? rows.map((r) => JSON.stringify(r)).join('\n') + '\n' : '');
const clusters = new Set(rows.map((r) => r.cluster)).size;
const duplicates = new Set(rows.flatMap((r) => (r.duplicate ? [r.duplicate] : []))).size;
const ateliers = mode === 'per-atelier' ? ` in ${new Set(ideas.map((i) => i.atelier)).size} ateliers` : '';
console.error(`grouping: ${ideas.length} ideas → ${clusters} clusters${ateliers} (${mode}), ${duplicates} duplicate proposals → ${output}`);
