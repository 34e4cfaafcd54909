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

/** What is stored and counted: NFC-normalised (one form per accented letter), trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').trim();
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
