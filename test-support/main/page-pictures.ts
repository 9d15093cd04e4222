import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { orientationExif } from '../../main/core/extract/ocr/picture-turn';

/** A white page of `width`×`height` pixels with `text` drawn in black near its top-left corner. */
export function textPicture(text: string, width: number, height: number) {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.font = `${Math.round(height / 20)}px sans-serif`;
  context.fillText(text, width / 10, height / 5);
  return {
    png: () => new Uint8Array(canvas.encodeSync('png')),
    jpeg: () => new Uint8Array(canvas.encodeSync('jpeg', 90)),
    rgba: () => ({ data: new Uint8Array(context.getImageData(0, 0, width, height).data), width, height }),
  };
}

/**
 * A TIFF with one uncompressed RGBA page per picture, as a multi-page scan is saved; a page may carry an Orientation
 * tag (6: to be shown turned a quarter clockwise).
 */
export function multiPageTiff(
  pages: { data: Uint8Array; width: number; height: number; orientation?: number }[],
): Uint8Array {
  const headerSize = 4096;
  let offset = headerSize;
  const ifds = pages.map((page) => {
    const ifd = {
      t256: [page.width],
      t257: [page.height],
      t258: [8, 8, 8, 8],
      t259: [1],
      t262: [2],
      t273: [offset],
      t277: [4],
      t278: [page.height],
      t279: [page.data.length],
      t284: [1],
      t338: [1],
      ...(page.orientation ? { t274: [page.orientation] } : {}),
    };
    offset += page.data.length;
    return ifd;
  });
  const header = new Uint8Array(UTIF.encode(ifds as unknown as UTIF.IFD[]));
  const out = new Uint8Array(offset);
  out.set(header);
  let at = headerSize;
  for (const page of pages) {
    out.set(page.data, at);
    at += page.data.length;
  }
  return out;
}

/** How many dark pixels a PNG has in the box given in fractions of its size (0 when blank there). */
export async function darkPixels(
  png: Uint8Array,
  box: { x: number; y: number; w: number; h: number },
): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const x = Math.floor(box.x * image.width);
  const y = Math.floor(box.y * image.height);
  const w = Math.max(1, Math.ceil(box.w * image.width));
  const h = Math.max(1, Math.ceil(box.h * image.height));
  const { data } = context.getImageData(x, y, w, h);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4)
    if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 300) dark++;
  return dark;
}

/** The JPEG with an EXIF block (APP1) right after its start whose only tag is Orientation, as a camera writes it. */
export function jpegWithOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...orientationExif(orientation)];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  return new Uint8Array([...jpeg.subarray(0, 2), ...app1, ...jpeg.subarray(2)]);
}
