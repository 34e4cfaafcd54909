import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../../server/src/services/images';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const be32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

describe('image sniffing (magic bytes, not the declared type)', () => {
  it('reads PNG sizes from IHDR', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), 'IHDR', be32(4000), be32(3000), [8, 6, 0, 0, 0]);
    expect(sniffImage(png)).toEqual({ mime: 'image/png', width: 4000, height: 3000 });
  });

  it('reads JPEG sizes from the first SOF segment, skipping others', () => {
    const jpeg = bytes([0xff, 0xd8], [0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xc4, 0, 4, 0, 0], [0xff, 0xc2, 0, 17, 8, 0x02, 0x58, 0x03, 0x20, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(sniffImage(jpeg)).toEqual({ mime: 'image/jpeg', width: 800, height: 600 });
  });

  it('reads the three WebP flavours', () => {
    const vp8x = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X', [10, 0, 0, 0], [0, 0, 0, 0], [0xff, 0x03, 0], [0xdf, 0x01, 0]);
    expect(sniffImage(vp8x)).toEqual({ mime: 'image/webp', width: 1024, height: 480 });
    const vp8 = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8 ', [0, 0, 0, 0], [0, 0, 0], [0x9d, 0x01, 0x2a], [0x40, 0x01], [0xf0, 0x00]);
    expect(sniffImage(vp8)).toEqual({ mime: 'image/webp', width: 320, height: 240 });
    const w = 99;
    const h = 49;
    const bits = w | (h << 14);
    const vp8l = bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8L', [0, 0, 0, 0], [0x2f, bits & 255, (bits >>> 8) & 255, (bits >>> 16) & 255, (bits >>> 24) & 255]);
    expect(sniffImage(vp8l)).toEqual({ mime: 'image/webp', width: 100, height: 50 });
  });

  it('refuses anything else, truncated headers and zero sizes', () => {
    expect(sniffImage(bytes('GIF89a', [1, 0, 1, 0]))).toBeNull();
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), 'IHDR'))).toBeNull();
    expect(sniffImage(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), 'IHDR', be32(0), be32(10)))).toBeNull();
    expect(sniffImage(bytes([0xff, 0xd8, 0xff]))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});
