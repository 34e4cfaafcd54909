import { describe, expect, it } from 'vitest';
import { cleanPseudonym, cleanText, commentTextSchema, ideaTextSchema, pseudonymKey, pseudonymSchema, userText } from '@semis/shared';
import { exportFrame } from '@semis/shared/render';
import { JOIN_LIMITS, JoinGuard } from '../../server/src/limits/joinGuard';
import { KeyedBuckets, TokenBucket } from '../../server/src/limits/tokenBucket';
import { trustProxy } from '../../server/src/config';
import { originMatches as originAllowed } from '../../server/src/http/origin';

/** Issue #8: the pure rules behind hostile-room defences. */

describe('the one text rule', () => {
  it('strips NUL and control characters, keeps line feeds and tabs', () => {
    expect(cleanText('a\u0000b\u0007c\r\nd\te')).toBe('abc\nd\te');
    expect(ideaTextSchema.parse('  Une\u0000 navette\u001b  ')).toBe('Une navette');
  });
  it('refuses whitespace-only and invisible-only texts where a text is required', () => {
    for (const t of ['   ', '\u200B', '\u200B\u200C\u200D\uFEFF', '\u202E\u202C', '\u3164', ' \u2800 ', '\u0301']) {
      expect(ideaTextSchema.safeParse(t).success, JSON.stringify(t)).toBe(false);
      expect(commentTextSchema.safeParse(t).success).toBe(false);
    }
    // Optional texts: invisible-only counts as empty.
    expect(userText(0, 80).parse('\u200B ')).toBe('');
  });
  it('refuses lone surrogates with INVALID_TEXT, accepts emoji pairs', () => {
    const bad = ideaTextSchema.safeParse('Parc \uD83D');
    expect(bad.success).toBe(false);
    expect((bad.error!.issues[0] as { params?: { code?: string } }).params?.code).toBe('INVALID_TEXT');
    expect(ideaTextSchema.safeParse('\uDE00 fin').success).toBe(false);
    expect(ideaTextSchema.parse('Parc 🌳 partagé')).toBe('Parc 🌳 partagé');
  });
});

describe('pseudonyms', () => {
  it('are normalised for display: NFKC, no invisible or bidi controls, single spaces', () => {
    expect(cleanPseudonym('ｋｅｖｉｎ')).toBe('kevin');
    expect(cleanPseudonym('K\u200Bé\u200Dvin')).toBe('Kévin');
    expect(cleanPseudonym('\u202Enimda\u202C')).toBe('nimda');
    expect(cleanPseudonym('  Marie \t\n Claire ')).toBe('Marie Claire');
  });
  it('refuses invisible-only pseudonyms, accepts right-to-left scripts', () => {
    for (const p of ['\u200B', '\u202E', '\u2066\u2069', '\u3164', '\u115F\u1160', ' \u00AD ']) expect(pseudonymSchema.safeParse(p).success, JSON.stringify(p)).toBe(false);
    expect(pseudonymSchema.parse('مريم')).toBe('مريم');
    expect(pseudonymSchema.parse('שרה')).toBe('שרה');
  });
  it('fold look-alikes to one blocking key', () => {
    const key = pseudonymKey('Kévin');
    for (const p of ['kevin ', 'K\u200Bévin', 'Кévin', 'KEVlN', 'ΚΕVΙΝ', 'ｋｅｖｉｎ', '\u202EKévin', 'Ꮶevin', 'KEV1N']) expect(pseudonymKey(p), p).toBe(key);
    expect(pseudonymKey('ΗUGO')).toBe(pseudonymKey('Hugo'));
    expect(pseudonymKey('Kevan')).not.toBe(key);
    expect(pseudonymKey('Zoé')).not.toBe(pseudonymKey('Léa'));
  });
});

describe('export frame', () => {
  it('keeps a drawing smaller than the bound whole', () => {
    expect(exportFrame([{ x: 0, y: 0, width: 100, height: 50 }, { x: 200, y: -20, width: 10, height: 10 }])).toEqual({ x: 0, y: -20, width: 210, height: 70 });
    expect(exportFrame([])).toBeNull();
  });
  it('cuts a stray stroke a million units away, keeping the window around the median', () => {
    const rects = [
      { x: 0, y: 0, width: 800, height: 600 },
      { x: 100, y: 100, width: 20, height: 20 },
      { x: 0, y: -1_000_000, width: 4, height: 2_000_000 },
    ];
    const f = exportFrame(rects, 20_000)!;
    expect(f.height).toBe(20_000);
    expect(f.y).toBeLessThanOrEqual(0);
    expect(f.y + f.height).toBeGreaterThanOrEqual(600);
    expect(f.width).toBe(800);
  });
});

describe('token buckets', () => {
  it('allow a burst, refill over time, and report the wait', () => {
    let t = 0;
    const b = new TokenBucket({ burst: 3, perSecond: 1 }, () => t);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    expect(b.waitMs()).toBe(1000);
    t = 1000;
    expect(b.take()).toBe(true);
    b.reset({ burst: 10, perSecond: 5 });
    for (let i = 0; i < 10; i++) expect(b.take()).toBe(true);
  });
  it('by key, forget full buckets and never grow past their bound', () => {
    let t = 0;
    const k = new KeyedBuckets({ burst: 1, perSecond: 1 }, 100, () => t);
    expect(k.take('a')).toBe(true);
    expect(k.take('a')).toBe(false);
    expect(k.take('b')).toBe(true);
    for (let i = 0; i < 500; i++) k.take(`k${i}`);
    expect(k.size).toBeLessThanOrEqual(100);
    t = 10_000;
    expect(k.take('a')).toBe(true);
  });
});

describe('join guard', () => {
  it('lets typos through, then backs off exponentially per connection, and closes after too many', () => {
    let t = 0;
    const logs: string[] = [];
    const g = new JoinGuard((m) => logs.push(m), () => t);
    const conn = {};
    const other = {};
    for (let i = 0; i < JOIN_LIMITS.FREE_FAILURES; i++) {
      g.check(conn);
      g.failed(conn);
    }
    g.check(conn);
    g.failed(conn); // 4th failure: now waits 1 s
    expect(() => g.check(conn)).toThrow('RATE_LIMITED');
    g.check(other); // another phone on the same address is not affected
    t += 1000;
    g.check(conn);
    g.failed(conn); // 5th: 2 s
    t += 1500;
    expect(() => g.check(conn)).toThrow('RATE_LIMITED');
    let closed = false;
    for (let i = 0; i < JOIN_LIMITS.MAX_FAILURES; i++) {
      t += JOIN_LIMITS.MAX_WAIT_MS;
      closed = g.failed(conn);
    }
    expect(closed).toBe(true);
    g.succeeded(other);
    expect(logs).toEqual([]);
  });
  it('raises one alarm per minute past the global failure budget, and then waits from the first failure', () => {
    let t = 0;
    const logs: string[] = [];
    const g = new JoinGuard((m) => logs.push(m), () => t);
    for (let i = 0; i <= JOIN_LIMITS.GLOBAL_FAILED_PER_MINUTE + 50; i++) g.failed({});
    expect(logs.filter((l) => l.startsWith('ALARM'))).toHaveLength(1);
    expect(g.underAlarm).toBe(true);
    const fresh = {};
    g.failed(fresh);
    expect(() => g.check(fresh)).toThrow('RATE_LIMITED');
    t += 61_000;
    expect(g.underAlarm).toBe(false);
  });
  it('limits how often one participant token is presented', () => {
    const g = new JoinGuard(() => {});
    let refused = 0;
    for (let i = 0; i < 30; i++) {
      try {
        g.check({}, 'token-hash');
      } catch {
        refused++;
      }
    }
    expect(refused).toBe(30 - JOIN_LIMITS.TOKEN_RATE.burst);
  });
});

describe('configuration and origins', () => {
  it('trusts X-Forwarded-* only when TRUST_PROXY says so', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('loopback')).toBe('loopback');
  });
  it('allows our own origin, PUBLIC_URL and listed origins; refuses others and "null"', () => {
    expect(originAllowed(undefined, ['x:1'], {})).toBe(true);
    expect(originAllowed('http://192.168.1.10:3000', ['192.168.1.10:3000'], {})).toBe(true);
    expect(originAllowed('https://evil.example', ['192.168.1.10:3000'], {})).toBe(false);
    expect(originAllowed('null', ['x'], {})).toBe(false);
    expect(originAllowed('https://semis.example.org', ['10.0.0.2:3000'], { publicUrl: 'https://semis.example.org/' })).toBe(true);
    expect(originAllowed('https://console.example', ['h'], { allowedOrigins: ['https://console.example'] })).toBe(true);
    expect(originAllowed('chrome-extension://abc', ['abc'], {})).toBe(false);
  });
});
