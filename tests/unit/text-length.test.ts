import { describe, expect, it } from 'vitest';
import { cleanText, graphemeCount, IDEA_MAX, ideaTextSchema, pseudonymSchema, PSEUDONYM_MAX, visibleLength } from '@semis/shared';

const family = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units
const flag = '🇫🇷';
const decomposedE = 'e\u0301'; // e + combining acute

describe('characters as people see them', () => {
  it('counts an emoji, a flag and an accented letter as one', () => {
    expect(family.length).toBe(11);
    expect(graphemeCount(family)).toBe(1);
    expect(graphemeCount(flag)).toBe(1);
    expect(graphemeCount(decomposedE)).toBe(1);
    expect(graphemeCount(`Vélo ${flag} ${family}!`)).toBe(9);
    expect(cleanText(`  ${decomposedE}  `)).toBe('é');
  });

  it('is the same count for the phone counter and the server schema, at the limit', () => {
    const cases = [
      ['a'.repeat(IDEA_MAX), true],
      ['a'.repeat(IDEA_MAX + 1), false],
      [family.repeat(IDEA_MAX), true],
      [family.repeat(IDEA_MAX + 1), false],
      [`  ${'é'.repeat(IDEA_MAX)}  `, true],
      [decomposedE.repeat(IDEA_MAX), true],
      ['   ', false],
    ] as const;
    for (const [text, ok] of cases) {
      expect(visibleLength(text) >= 1 && visibleLength(text) <= IDEA_MAX, text.slice(0, 12)).toBe(ok);
      expect(ideaTextSchema.safeParse(text).success, text.slice(0, 12)).toBe(ok);
    }
    // The server stores what the phone counted: NFC, trimmed.
    expect(ideaTextSchema.parse(`  ${decomposedE.repeat(3)} `)).toBe('ééé');
  });

  it('bounds what a grapheme may cost before counting (zalgo text)', () => {
    const zalgo = `a${'\u0301'.repeat(20_000)}`;
    expect(graphemeCount(zalgo)).toBe(1);
    expect(ideaTextSchema.safeParse(zalgo).success).toBe(false);
  });

  it('applies to pseudonyms too, and still refuses control characters', () => {
    expect(pseudonymSchema.safeParse(family.repeat(PSEUDONYM_MAX)).success).toBe(true);
    expect(pseudonymSchema.safeParse(family.repeat(PSEUDONYM_MAX + 1)).success).toBe(false);
    expect(pseudonymSchema.safeParse('Ca\u0007mille').success).toBe(false);
  });
});
