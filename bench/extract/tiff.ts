// A baseline TIFF of 8-bit grey, uncompressed, in one strip: what an office scanner's "scan to TIFF" gives in its
// simplest form. Written here because the TIFF library the reader uses (utif2) encodes only RGBA, four times the size.

const entry = (tag: number, type: number, value: number) => ({ tag, type, value });

export function grayTiff(pixels: Uint8Array, width: number, height: number, dpi: number): Uint8Array {
  const SHORT = 3;
  const LONG = 4;
  const RATIONAL = 5;
  const entries = [
    entry(256, LONG, width), // ImageWidth
    entry(257, LONG, height), // ImageLength
    entry(258, SHORT, 8), // BitsPerSample
    entry(259, SHORT, 1), // Compression: none
    entry(262, SHORT, 1), // PhotometricInterpretation: black is zero
    entry(273, LONG, 0), // StripOffsets (set below)
    entry(277, SHORT, 1), // SamplesPerPixel
    entry(278, LONG, height), // RowsPerStrip
    entry(279, LONG, pixels.length), // StripByteCounts
    entry(282, RATIONAL, 0), // XResolution (points at the rational below)
    entry(283, RATIONAL, 0), // YResolution
    entry(296, SHORT, 2), // ResolutionUnit: inch
  ];
  const ifdAt = 8;
  const ifdSize = 2 + entries.length * 12 + 4;
  const rationalAt = ifdAt + ifdSize;
  const dataAt = rationalAt + 8;
  const out = new Uint8Array(dataAt + pixels.length);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]); // little-endian, the TIFF magic
  view.setUint32(4, ifdAt, true);
  view.setUint16(ifdAt, entries.length, true);
  entries.forEach((e, i) => {
    const at = ifdAt + 2 + i * 12;
    const value = e.tag === 273 ? dataAt : e.type === RATIONAL ? rationalAt : e.value;
    view.setUint16(at, e.tag, true);
    view.setUint16(at + 2, e.type, true);
    view.setUint32(at + 4, 1, true);
    if (e.type === SHORT) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(ifdAt + 2 + entries.length * 12, 0, true); // no next IFD
  view.setUint32(rationalAt, dpi, true);
  view.setUint32(rationalAt + 4, 1, true);
  out.set(pixels, dataAt);
  return out;
}
