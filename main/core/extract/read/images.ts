import type { Canvas } from '@napi-rs/canvas';
import { JpegImage } from 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { AppError } from '../../../../shared/api';
import type { PageImage } from '../ocr-engine';
import { loadSkia } from './canvas';
import type { SourceFile } from './source-file';
import { exifOrientation } from '../ocr/picture-turn';
import { quarterTurn } from './turn';

/**
 * Pictures of pages from image files, decoded in JavaScript: @napi-rs/canvas (Skia), which pdfjs needs in Node
 * anyway, decodes PNG and JPEG too, but version 0.1.100 ends the process (a segmentation fault, no exception)
 * on a file with a few bytes wrong or cut off before its picture, which a broken download or mail attachment
 * gives. So PNG is read by pngjs, JPEG by pdfjs's own JPEG decoder, and TIFF by utif2 (Skia reads no TIFF;
 * scanners and fax software write TIFF with several pages and fax (CCITT G3/G4), LZW or JPEG compression,
 * which utif2 decodes). Skia only draws the decoded pixels and encodes PNG. sharp (libvips) would read all
 * three, but it is a second native image library of several megabytes beside Skia.
 */

export type ImageKind = 'png' | 'jpeg' | 'tiff';

/** How many pages an image file has (a TIFF may have several; its thumbnails are not pages). */
export function countImagePages(file: SourceFile, kind: ImageKind): number {
  let count: number;
  try {
    count = kind === 'tiff' ? tiffPages(file.bytes).length : 1;
  } catch {
    throw new AppError('extract.file-damaged', { file: file.fileName });
  }
  // A TIFF has at least one image directory; none found means the file is cut off or not a TIFF.
  if (count === 0) throw new AppError('extract.file-damaged', { file: file.fileName });
  return count;
}

/**
 * One page of an image file as a PNG, upright as a viewer shows it (its EXIF or TIFF Orientation tag applied), then
 * turned clockwise by `turn` degrees (0, 90, 180, 270: how far the OCR engine turned the page to read it), no wider
 * than `maxWidth` (the review's picture) or at its own size (what OCR reads).
 */
export async function imagePage(
  kind: ImageKind,
  bytes: Uint8Array,
  page: number,
  options: { maxWidth?: number; turn?: number } = {},
): Promise<PageImage> {
  const picture = await decoded(kind, bytes, page);
  const upright = await oriented(await pixels(picture.rgba, picture.width, picture.height), picture.orientation);
  return scaled(await oriented(upright, exifOrientation[quarterTurn(options.turn ?? 0)]), options.maxWidth);
}

interface Decoded {
  rgba: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** The EXIF / TIFF Orientation tag (1: as stored). */
  orientation: number;
}

async function decoded(kind: ImageKind, bytes: Uint8Array, page: number): Promise<Decoded> {
  if (kind === 'tiff') {
    const ifd = tiffPages(bytes)[page];
    if (!ifd) throw new RangeError(`no page ${page}`);
    UTIF.decodeImage(arrayBuffer(bytes), ifd);
    return { rgba: UTIF.toRGBA8(ifd), width: ifd.width, height: ifd.height, orientation: orientationTag(ifd) };
  }
  if (kind === 'jpeg') {
    const jpeg = new JpegImage();
    jpeg.parse(bytes);
    const rgba = jpeg.getData({ width: jpeg.width, height: jpeg.height, forceRGBA: true });
    return { rgba, width: jpeg.width, height: jpeg.height, orientation: jpegOrientation(bytes) };
  }
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { rgba: png.data, width: png.width, height: png.height, orientation: pngOrientation(bytes) };
}

/**
 * The Orientation tag of a JPEG's EXIF data (1 when it has none): a phone or camera stores a photo as its sensor
 * took it and writes how to turn it for viewing (6: a quarter turn clockwise, the phone held upright), so a
 * sideways-stored invoice photo must be turned before OCR and the review. The EXIF block (APP1, "Exif\0\0") holds
 * a TIFF header and directories, which utif2 reads.
 */
export function jpegOrientation(bytes: Uint8Array): number {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    // Start of scan: the picture's data follows, and no more metadata.
    if (marker === 0xda || length < 2) break;
    const exif = [0x45, 0x78, 0x69, 0x66, 0, 0].every((b, i) => bytes[at + 4 + i] === b);
    if (marker === 0xe1 && exif) return exifOrientationOf(bytes.subarray(at + 10, at + 2 + length));
    at += 2 + length;
  }
  return 1;
}

/**
 * The Orientation tag of a PNG's EXIF data, its eXIf chunk (1 when it has none): a photo saved as PNG by a phone or an
 * editor may keep the camera's orientation there, and viewers and browsers apply it, so the broker saw the page so.
 * The chunk holds the same TIFF header and directories as a JPEG's EXIF block; it may come before or after the
 * picture's data, so every chunk is looked at (their lengths are skipped, not their data read).
 */
export function pngOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // After the 8-byte signature, each chunk: its data's length, its type, the data, a CRC.
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'eXIf') return exifOrientationOf(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return 1;
}

/** The Orientation tag of EXIF data (a TIFF header and directories, which utif2 reads); 1 when it has none. */
function exifOrientationOf(exif: Uint8Array): number {
  try {
    const [ifd] = UTIF.decode(arrayBuffer(exif));
    return ifd ? orientationTag(ifd) : 1;
  } catch {
    return 1;
  }
}

function orientationTag(ifd: UTIF.IFD): number {
  const tag = ifd.t274;
  const value = Array.isArray(tag) ? Number(tag[0]) : 1;
  return Number.isInteger(value) && value >= 1 && value <= 8 ? value : 1;
}

/**
 * The picture as a viewer shows it under an EXIF / TIFF Orientation value: 3, 6 and 8 turn it (180°, a quarter
 * clockwise, a quarter anticlockwise); 2, 4, 5 and 7 mirror it as well.
 */
export async function oriented(source: Canvas, orientation: number): Promise<Canvas> {
  if (orientation === 1) return source;
  const { width: w, height: h } = source;
  const sideways = orientation >= 5;
  const out = (await loadSkia()).createCanvas(sideways ? h : w, sideways ? w : h);
  const context = out.getContext('2d');
  const transforms: Record<number, [number, number, number, number, number, number]> = {
    2: [-1, 0, 0, 1, w, 0],
    3: [-1, 0, 0, -1, w, h],
    4: [1, 0, 0, -1, 0, h],
    5: [0, 1, 1, 0, 0, 0],
    6: [0, 1, -1, 0, h, 0],
    7: [0, -1, -1, 0, h, w],
    8: [0, -1, 1, 0, 0, w],
  };
  context.setTransform(...(transforms[orientation] ?? [1, 0, 0, 1, 0, 0]));
  context.drawImage(source, 0, 0);
  return out;
}

/** A page larger than this (an A0 scan at 600 dpi) is taken for a damaged file's header, not drawn. */
const MAX_PIXELS = 200_000_000;

async function pixels(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Promise<Canvas> {
  if (!(width > 0 && height > 0 && width * height <= MAX_PIXELS)) throw new RangeError(`no picture ${width}x${height}`);
  const { createCanvas, ImageData } = await loadSkia();
  const canvas = createCanvas(width, height);
  const data = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, width * height * 4);
  canvas.getContext('2d').putImageData(new ImageData(data, width, height), 0, 0);
  return canvas;
}

/** The canvas as a PNG, scaled down to `maxWidth` when it is wider. */
export async function scaled(canvas: Canvas, maxWidth?: number): Promise<PageImage> {
  let out = canvas;
  if (maxWidth && canvas.width > maxWidth) {
    const height = Math.max(1, Math.round((canvas.height * maxWidth) / canvas.width));
    out = (await loadSkia()).createCanvas(maxWidth, height);
    const context = out.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(canvas, 0, 0, maxWidth, height);
  }
  return { png: new Uint8Array(await out.encode('png')), width: out.width, height: out.height };
}

/** The TIFF's pages: its image directories, without reduced-resolution copies (NewSubfileType bit 0). */
function tiffPages(bytes: Uint8Array): UTIF.IFD[] {
  return UTIF.decode(arrayBuffer(bytes)).filter((ifd) => {
    const subfile = ifd.t254;
    const kind = Array.isArray(subfile) ? Number(subfile[0]) : 0;
    return (kind & 1) === 0;
  });
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
