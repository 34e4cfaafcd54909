/**
 * One big wall grouped in a process of its own (spawned by bench/grouping.ts), so its peak RSS
 * is this wall's alone: `tsx --expose-gc bench/grouping-wall.ts perturbed|distinct COUNT`.
 * Prints one JSON line: wall and CPU time, the RSS before any grouping (code, lexicon and
 * thesaurus loaded) and the peak RSS. The JIT is warmed on 300 ideas first (less memory than
 * the wall itself, so the peak is the wall's).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestGroups } from '../shared/src/grouping/index';
import { relatedStems } from '../shared/src/grouping/related';
import { distinctIdeas, perturbedIdeas } from '../tests/support/grouping-walls';

const [kind, count] = [process.argv[2], Number(process.argv[3])];
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const texts = readFileSync(resolve(repoRoot, '../shared/data/ideas-dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
const ideas = (kind === 'distinct' ? distinctIdeas : perturbedIdeas)(texts, count);
const mb = (bytes: number) => Math.round(bytes / 1048576);
relatedStems('velo'); // the thesaurus is parsed on first use: data, not the grouping's work
(globalThis as { gc?: () => void }).gc?.();
const before = mb(process.memoryUsage().rss);
suggestGroups(perturbedIdeas(texts, 300)); // warm-up: JIT, stemmer caches
const cpu0 = process.cpuUsage();
const t0 = performance.now();
suggestGroups(ideas);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), rssBefore: before, peakRss: mb(process.resourceUsage().maxRSS * 1024) }));
