/**
 * The one text rule for every text a person types (ideas, comments, names, cards, labels…),
 * applied by `userText` and `pseudonymSchema`:
 *
 * - a lone UTF-16 surrogate is refused (error code INVALID_TEXT): it cannot be stored or shown
 *   faithfully (databases and browsers turn it into "�");
 * - NUL and other control characters are stripped, except line feed and tab (CR LF → LF);
 * - NFC normalisation, then trimmed;
 * - a text with nothing visible left (only spaces, zero-width or bidi controls, combining
 *   marks, Hangul fillers, braille blank) counts as empty: refused where a text is required.
 *
 * Pseudonyms are shown to everyone and compared for blocking, so they go further (see
 * `cleanPseudonym`): NFKC, every format character (zero-width, bidi overrides) removed, all
 * whitespace collapsed to single spaces. Right-to-left scripts (Arabic, Hebrew) are letters
 * like any other and accepted; only the invisible controls that reorder or hide text go.
 */

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Format characters (zero-width, bidi embeddings/overrides/isolates, soft hyphen, BOM…),
 * except the zero-width joiner, which is kept inside an emoji sequence (👨‍👩‍👧) only. */
const FORMAT_BUT_ZWJ = /(?!\u200D)\p{Cf}/gu;
const ZWJ_OUTSIDE_EMOJI = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
/** Letters and symbols that draw nothing. */
const BLANK_GLYPHS = /\u115F|\u1160|\u3164|\uFFA0|\u2800|\u180E|\u034F/gu;
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Co}\p{Cn}\u115F\u1160\u3164\uFFA0\u2800\u180E]/u;

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

export function hasVisible(s: string): boolean {
  return VISIBLE.test(s);
}

/** What is stored and counted: controls stripped, NFC-normalised (one form per accented
 * letter), trimmed; '' when nothing visible is left. */
export function cleanText(s: string): string {
  const out = s.replace(/\r\n?/g, '\n').replace(CONTROLS, '').normalize('NFC').trim();
  return hasVisible(out) ? out : '';
}

/** The stored and displayed form of a pseudonym; '' when nothing visible is left. */
export function cleanPseudonym(s: string): string {
  const out = s.normalize('NFKC').replace(CONTROLS, '').replace(ZWJ_OUTSIDE_EMOJI, '').replace(FORMAT_BUT_ZWJ, '').replace(BLANK_GLYPHS, '').replace(/\s+/gu, ' ').trim();
  return hasVisible(out) ? out : '';
}


/**
 * Characters as people see them. A phone's counter and the server's limit use this one
 * function: an emoji, a flag or an "é" typed as e + accent counts as one character, never two
 * or eleven (UTF-16 code units, which `String.length` counts).
 */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

export function graphemeCount(text: string): number {
  if (!segmenter) return Array.from(text).length; // older browsers: code points, close enough
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}


/** The length a phone's counter shows and the server's limit checks. */
export const visibleLength = (text: string): number => graphemeCount(cleanText(text));

/** A grapheme may be long (an emoji family is 11 code units, "Zalgo" text more): this bounds the
 * raw input before any work is done on it, well above what real text needs. */
export const MAX_UNITS_PER_GRAPHEME = 16;

/** Whether cleaned text fits a window of [min, max] visible characters. */
export function fitsLength(text: string, min: number, max: number): boolean {
  if (text.length > max * MAX_UNITS_PER_GRAPHEME) return false;
  const n = graphemeCount(text);
  return n >= min && n <= max;
}

/** Control characters have no place in a name shown to others. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
export const hasControlChars = (text: string): boolean => /[\u0000-\u001f\u007f]/.test(text);

/**
 * Look-alike letters from other scripts folded to the Latin letter they imitate, for the
 * blocking key only (never for display). A small table of the confusables that matter for
 * names typed on phones (Unicode's confusables.txt, Cyrillic/Greek/Armenian/Cherokee subsets,
 * lowercase side — the key is lowercased first). Fullwidth and mathematical letters, ligatures
 * and circled letters are already folded by NFKC.
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', с: 'c', ԁ: 'd', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'm', н: 'h', о: 'o', р: 'p', ԛ: 'q', ѕ: 's', т: 't',
  у: 'y', ү: 'y', х: 'x', ԝ: 'w', ѡ: 'w', ɡ: 'g', ԍ: 'g', ʏ: 'y', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ᴋ: 'k', ʜ: 'h', ɪ: 'i', ʟ: 'l', ɴ: 'n', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j', ζ: 'z', μ: 'u', ς: 'c',
  // Armenian, Cherokee (lowercase forms), Latin small capitals and dotless i
  օ: 'o', ս: 'u', ց: 'g', հ: 'h', ո: 'n', ı: 'i', ȷ: 'j',
  // Digits and signs people use as letters
  '0': 'o', '1': 'i', '|': 'i', '$': 's', '@': 'a',
  // Latin letters that are the same shape in sans-serif
  l: 'i',
};

/** Capitals whose look-alike differs from their small letter's (Greek Η looks like H, η like n):
 * folded before lowercasing. */
const CONFUSABLE_CAPITALS: Record<string, string> = {
  // Greek
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  // Cyrillic
  А: 'a', В: 'b', С: 'c', Е: 'e', Н: 'h', І: 'i', Ј: 'j', К: 'k', М: 'm', О: 'o', Р: 'p', Ѕ: 's', Т: 't', Х: 'x', У: 'y', Ү: 'y', Ԝ: 'w',
  // Cherokee
  Ꭺ: 'a', Ᏼ: 'b', Ꮯ: 'c', Ꭰ: 'd', Ꭼ: 'e', Ꮐ: 'g', Ꮋ: 'h', Ꭻ: 'j', Ꮶ: 'k', Ꮮ: 'i', Ꮇ: 'm', Ꮲ: 'p', Ꮪ: 's', Ꭲ: 't', Ꮩ: 'v', Ꮃ: 'w', Ꮓ: 'z',
  // Latin capital I looks like small l: both fold to i
  I: 'i',
};

/**
 * Two pseudonyms are the same person's if they differ only by case, accents, spacing, invisible
 * characters or look-alike letters: a blocked "Kévin" cannot come back as "kevin ", "K\u200Bévin",
 * "Кévin" (Cyrillic К) or "KEVlN".
 */
export function pseudonymKey(pseudonym: string): string {
  const known = foldedKeys.get(pseudonym);
  if (known !== undefined) return known;
  const key = foldPseudonym(pseudonym);
  // Bounded: a flood of made-up names only empties it.
  if (foldedKeys.size >= FOLDED_KEYS_MAX) foldedKeys.clear();
  foldedKeys.set(pseudonym, key);
  return key;
}

/** Every join compares the newcomer with each pseudonym of the event (under the event's lock,
 * one join after the other): each name is folded once, not once per newcomer. */
const foldedKeys = new Map<string, string>();
const FOLDED_KEYS_MAX = 20_000;

/** Printable ASCII: NFKC, NFD and the invisible-character rules leave it as it is. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const ASCII_CONFUSABLES = /[01|$@l]/g;

/** `foldPseudonym` for printable ASCII, the common case (and every "(2)" candidate of a plain
 * name): the same key without the Unicode passes (tests/unit/pseudonyms.test.ts compares them). */
function foldAscii(pseudonym: string): string {
  return pseudonym.replace(/ +/g, ' ').trim().toLowerCase().replace(ASCII_CONFUSABLES, (ch) => CONFUSABLES[ch]!);
}

function foldPseudonym(pseudonym: string): string {
  return PRINTABLE_ASCII.test(pseudonym) ? foldAscii(pseudonym) : foldUnicode(pseudonym);
}

/** The key by the full rule; exported so a test can hold the ASCII shortcut to it. */
export function foldUnicode(pseudonym: string): string {
  let capitals = '';
  for (const ch of cleanPseudonym(pseudonym)) capitals += CONFUSABLE_CAPITALS[ch] ?? ch;
  const base = capitals.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of base) out += CONFUSABLES[ch] ?? ch;
  return out.replace(/\s+/g, ' ').trim();
}

/** The key the first version of Semis stored, so blocks recorded then still hold. */
export function legacyPseudonymKey(pseudonym: string): string {
  return pseudonym.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
