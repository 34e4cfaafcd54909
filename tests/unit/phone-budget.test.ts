import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The phone build's size limit (issue #12): what a phone downloads for join → post → vote is
 * every script its service worker precaches (the entry and its imports; English is fetched
 * only when chosen), counted as the gzip files the server sends. Run after `npm run build`
 * (`npm test` does it).
 */
const PHONE_JS_BUDGET_GZIP = 120 * 1024;

const DIST = path.resolve(import.meta.dirname, '../../client/dist');

/** Strings only found in code a phone must never load. */
const FORBIDDEN: Record<string, string> = {
  Konva: 'Konva warning',
  'grouping lexicon': 'Jeunesse et formation',
  'chorème catalogue': 'tête de pont',
  React: 'react.dev/errors',
};

function phoneScripts(): string[] {
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  return [...new Set([...sw.matchAll(/url:"([^"]+\.js)"/g)].map((m) => m[1]!))];
}

describe('phone build budget', () => {
  let scripts: string[];
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'sw.js'))) throw new Error(`phone build missing in ${DIST}: run "npm run build"`);
    scripts = phoneScripts();
  });

  it('is the entry of both phone pages', () => {
    for (const page of ['phone.html', 'join.html']) {
      const html = fs.readFileSync(path.join(DIST, page), 'utf8');
      const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
      expect(entry, page).toBeDefined();
      expect(scripts, page).toContain(entry);
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script (strict CSP)
    }
  });

  it(`sends at most ${PHONE_JS_BUDGET_GZIP / 1024} KB of gzipped JavaScript to a phone`, () => {
    const sizes = scripts.map((s) => ({ s, gz: fs.statSync(path.join(DIST, `${s}.gz`)).size }));
    const total = sizes.reduce((n, x) => n + x.gz, 0);
    expect(total, sizes.map((x) => `${x.s}: ${(x.gz / 1024).toFixed(1)} KB`).join(', ')).toBeLessThanOrEqual(PHONE_JS_BUDGET_GZIP);
  });

  it('never carries Konva, poster code, the grouping lexicon or React itself', () => {
    for (const s of scripts) {
      const code = fs.readFileSync(path.join(DIST, s), 'utf8');
      for (const [what, marker] of Object.entries(FORBIDDEN)) expect(code.includes(marker), `${what} in ${s}`).toBe(false);
    }
  });
});
