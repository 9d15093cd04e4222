import type { Canvas } from '@napi-rs/canvas';
import { JpegImage } from 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { AppError } from '../../../../shared/api';
import type { PageImage } from '../ocr-engine';
import { loadSkia } from './canvas';
import type { SourceFile } from './source-file';

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
 * One page of an image file as a PNG, no wider than `maxWidth` (the review's picture) or at its own size (what
 * OCR reads).
 */
export async function imagePage(
  kind: ImageKind,
  bytes: Uint8Array,
  page: number,
  maxWidth?: number,
): Promise<PageImage> {
  if (kind === 'tiff') {
    const ifd = tiffPages(bytes)[page];
    if (!ifd) throw new RangeError(`no page ${page}`);
    UTIF.decodeImage(arrayBuffer(bytes), ifd);
    return scaled(await pixels(UTIF.toRGBA8(ifd), ifd.width, ifd.height), maxWidth);
  }
  if (kind === 'jpeg') {
    const jpeg = new JpegImage();
    jpeg.parse(bytes);
    const rgba = jpeg.getData({ width: jpeg.width, height: jpeg.height, forceRGBA: true });
    return scaled(await pixels(rgba, jpeg.width, jpeg.height), maxWidth);
  }
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return scaled(await pixels(png.data, png.width, png.height), maxWidth);
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
