import type { ImageType } from '@semis/shared';

export interface SniffedImage {
  mime: ImageType;
  width: number;
  height: number;
}

/**
 * Recognises PNG, JPEG and WebP by their first bytes (never trusting the declared type) and
 * reads their pixel size from the header. Anything else, or a truncated header, is null.
 */
export function sniffImage(b: Uint8Array): SniffedImage | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(b);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpeg(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  return null;
}

function png(b: Uint8Array): SniffedImage | null {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  return valid({ mime: 'image/png', width: be32(b, 16), height: be32(b, 20) });
}

function jpeg(b: Uint8Array): SniffedImage | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    // SOF0…SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but don't.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return valid({ mime: 'image/jpeg', height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! });
    }
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

function webp(b: Uint8Array): SniffedImage | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) return valid({ mime: 'image/webp', width: 1 + le24(b, 24), height: 1 + le24(b, 27) });
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return valid({ mime: 'image/webp', width: ((b[27]! << 8) | b[26]!) & 0x3fff, height: ((b[29]! << 8) | b[28]!) & 0x3fff });
  }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return valid({ mime: 'image/webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) });
  }
  return null;
}

function valid(img: SniffedImage): SniffedImage | null {
  return img.width > 0 && img.height > 0 ? img : null;
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((v, i) => b[i] === v);
}
function ascii(b: Uint8Array, at: number, len: number): string {
  return b.length < at + len ? '' : String.fromCharCode(...b.subarray(at, at + len));
}
function be32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}
function le24(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
}
