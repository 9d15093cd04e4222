import { describe, expect, it } from 'vitest';
import { grayTiff } from './tiff';

describe('the grey TIFF writer', () => {
  it('writes a little-endian baseline TIFF whose tags give the size, 8-bit grey, and the pixels after them', () => {
    const pixels = Uint8Array.from([0, 64, 128, 255, 1, 2]);
    const tiff = grayTiff(pixels, 3, 2, 240);
    const view = new DataView(tiff.buffer);
    expect([...tiff.slice(0, 4)]).toEqual([0x49, 0x49, 42, 0]);
    const ifd = view.getUint32(4, true);
    const tags = new Map<number, number>();
    for (let i = 0; i < view.getUint16(ifd, true); i++) {
      const at = ifd + 2 + i * 12;
      const type = view.getUint16(at + 2, true);
      tags.set(view.getUint16(at, true), type === 3 ? view.getUint16(at + 8, true) : view.getUint32(at + 8, true));
    }
    expect([tags.get(256), tags.get(257), tags.get(258), tags.get(259), tags.get(262)]).toEqual([3, 2, 8, 1, 1]);
    const strip = tags.get(273) ?? 0;
    expect([...tiff.slice(strip, strip + (tags.get(279) ?? 0))]).toEqual([...pixels]);
    expect(view.getUint32(tags.get(282) ?? 0, true)).toBe(240);
  });
});
