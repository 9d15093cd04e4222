import { crc32 } from 'node:zlib';

/** A quarter turn, clockwise degrees: what orientation detection reports for a page scanned sideways or upside down. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** EXIF orientation values that turn a picture clockwise by a quarter turn when it is displayed (or loaded). */
export const exifOrientation: Readonly<Record<QuarterTurn, number>> = { 0: 1, 90: 6, 180: 3, 270: 8 };

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The signature, then IHDR (length, type, 13 bytes, CRC): where a PNG's first ancillary chunk may go. */
const afterHeader = 8 + 4 + 4 + 13 + 4;

/** EXIF data whose only tag is Orientation (1–8): a big-endian TIFF header, one directory, no next directory. */
export function orientationExif(orientation: number): Uint8Array {
  // "MM" (big-endian), 42, the directory at offset 8. Its one entry: tag 0x0112, SHORT, one value (in the entry's first
  // two bytes). No next directory.
  const header = [0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08];
  const entry = [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00];
  return Uint8Array.from([...header, 0x00, 0x01, ...entry, 0x00, 0x00, 0x00, 0x00]);
}

/** The PNG with an eXIf chunk after its header saying how it is to be shown (an EXIF Orientation value, 1–8). */
export function pngWithOrientation(png: Uint8Array, orientation: number): Uint8Array {
  if (!pngSignature.every((byte, i) => png[i] === byte)) throw new Error('The page picture is not a PNG');
  const exif = orientationExif(orientation);
  const typeAndData = Buffer.concat([Buffer.from('eXIf', 'latin1'), exif]);
  const chunk = Buffer.alloc(4 + typeAndData.length + 4);
  chunk.writeUInt32BE(exif.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData) >>> 0, 4 + typeAndData.length);
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

/**
 * The PNG with its EXIF orientation set to turn it clockwise by `turn` as it is loaded. tesseract.js applies a
 * picture's EXIF orientation when it reads it, so the page is turned upright inside the OCR thread without decoding
 * and re-encoding its pixels here; the pixels themselves are unchanged.
 */
export function turnedPng(png: Uint8Array, turn: QuarterTurn): Uint8Array {
  if (!pngSignature.every((byte, i) => png[i] === byte)) throw new Error('The page picture is not a PNG');
  return turn === 0 ? png : pngWithOrientation(png, exifOrientation[turn]);
}
