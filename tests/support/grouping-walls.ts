/**
 * Big synthetic walls for the grouping's speed (bench/grouping.ts) and its same-result check
 * (bench/grouping-hash.ts), and for the grouping's cost tests, built from a file's texts with a fixed seed.
 */
import type { GroupingInput } from '../../shared/src/grouping/index';

/** `count` ideas from the texts, perturbed the way phones do (accents dropped, capitals,
 * swapped letters), so the timing is not on exact repeats. */
export function perturbedIdeas(texts: string[], count = 1000): GroupingInput[] {
  const out: GroupingInput[] = [];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let k = 0; out.length < count; k++) {
    let t = texts[k % texts.length];
    const mode = Math.floor(k / texts.length) % 4;
    if (mode === 1) t = t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (mode === 2) t = t.toUpperCase() + ' !!';
    if (mode === 3 && t.length > 4) { const p = Math.floor(rnd() * (t.length - 2)); t = t.slice(0, p) + t[p + 1] + t[p] + t.slice(p + 2); }
    out.push({ id: `b${out.length}`, text: t });
  }
  return out;
}

/** The perturbed walls repeat each text ~13 (2,000) or ~33 (5,000) times, many identically once
 * normalised; this one mixes and misspells them so that no two texts are the same. Its
 * generator multiplies in 32 bits (Math.imul): in floating point, as above, the product loses
 * its low bits and the sequence cycles within ~10,000 draws, i.e. every ~800 ideas. */
export function distinctIdeas(texts: string[], count: number): GroupingInput[] {
  let seed = 777;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: GroupingInput[] = [];
  for (let k = 0; k < count; k++) {
    const words = texts[Math.floor(rnd() * texts.length)].split(' ').filter(() => rnd() > 0.2);
    if (rnd() < 0.5) words.push(...texts[Math.floor(rnd() * texts.length)].split(' ').slice(0, 3));
    let t = `${words.join(' ')} ${k}`;
    if (t.length > 4 && rnd() < 0.5) { const p = Math.floor(rnd() * (t.length - 2)); t = t.slice(0, p) + t[p + 1] + t[p] + t.slice(p + 2); }
    out.push({ id: `d${k}`, text: t });
  }
  return out;
}
