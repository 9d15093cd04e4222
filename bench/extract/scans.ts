// A sheet's picture turned into what a scanner or a phone gives a broker: grey, a little skewed (or sideways), with
// grain, specks, blur and JPEG artefacts; and scans bound into an image-only PDF (no text layer at all), as a
// scanner's "scan to PDF" makes them. The spoiling runs in Chromium's canvas, so it needs no image library.
import type { Page } from '@playwright/test';

export interface Spoil {
  /** Degrees clockwise; 90 for a sheet fed sideways. */
  rotate: number;
  /** Grain: the largest change of a pixel's grey, 0–255. */
  noise: number;
  /** Share of pixels turned into dark specks. */
  specks: number;
  /** Gaussian blur radius in pixels (an out-of-focus phone, a dirty glass). */
  blur: number;
  /** Grey levels kept (a 4-bit scanner keeps 16); absent: all 256. */
  levels?: number;
  /** `gray`: the raw grey bytes, one a pixel, for a TIFF writer. */
  format: 'png' | 'jpeg' | 'gray';
  /** JPEG quality 0–1. */
  quality?: number;
  seed: number;
}

export interface Picture {
  bytes: Uint8Array;
  width: number;
  height: number;
  format: Spoil['format'];
}

export const clean: Omit<Spoil, 'seed'> = { rotate: 0, noise: 0, specks: 0, blur: 0, format: 'png' };

// Source text run in the page (see render.ts for why not a function): mulberry32 for replayable grain.
const spoilScript = (png: string, s: Spoil) => `(async () => {
  const a = ${JSON.stringify(s)};
  const img = new Image();
  img.src = 'data:image/png;base64,${png}';
  await img.decode();
  const rad = (a.rotate * Math.PI) / 180;
  const cos = Math.abs(Math.cos(rad)), sin = Math.abs(Math.sin(rad));
  const w = Math.round(img.width * cos + img.height * sin), h = Math.round(img.width * sin + img.height * cos);
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const x = c.getContext('2d');
  x.fillStyle = '#fff';
  x.fillRect(0, 0, w, h);
  if (a.blur) x.filter = 'blur(' + a.blur + 'px)';
  x.translate(w / 2, h / 2);
  x.rotate(rad);
  x.drawImage(img, -img.width / 2, -img.height / 2);
  x.setTransform(1, 0, 0, 1, 0, 0);
  x.filter = 'none';
  const d = x.getImageData(0, 0, w, h);
  const p = d.data;
  let seed = a.seed >>> 0;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = 0; i < p.length; i += 4) {
    let v = 0.299 * p[i] + 0.587 * p[i + 1] + 0.114 * p[i + 2];
    if (a.noise) v += (rnd() - 0.5) * 2 * a.noise;
    if (a.specks && rnd() < a.specks) v = 30 + rnd() * 60;
    v = v < 0 ? 0 : v > 255 ? 255 : v;
    if (a.levels) v = Math.round((v / 255) * (a.levels - 1)) * (255 / (a.levels - 1));
    p[i] = p[i + 1] = p[i + 2] = v;
  }
  if (a.format === 'gray') {
    const g = new Uint8Array(w * h);
    for (let i = 0; i < g.length; i++) g[i] = p[i * 4];
    let bin = '';
    for (let i = 0; i < g.length; i += 0x8000) bin += String.fromCharCode.apply(null, g.subarray(i, i + 0x8000));
    return { data: btoa(bin), width: w, height: h };
  }
  x.putImageData(d, 0, 0);
  const url = c.toDataURL(a.format === 'jpeg' ? 'image/jpeg' : 'image/png', a.quality);
  return { data: url.slice(url.indexOf(',') + 1), width: w, height: h };
})()`;

/** The sheet's PNG spoiled as `s` says, on a blank page of the renderer's browser. */
export async function spoil(page: Page, png: Uint8Array, s: Spoil): Promise<Picture> {
  const out = (await page.evaluate(spoilScript(Buffer.from(png).toString('base64'), s))) as {
    data: string;
    width: number;
    height: number;
  };
  return {
    bytes: new Uint8Array(Buffer.from(out.data, 'base64')),
    width: out.width,
    height: out.height,
    format: s.format,
  };
}

/** Scans bound into a PDF with no text layer: each picture fills a sheet the size it was scanned at (`dpi`). */
export async function imageOnlyPdf(page: Page, pictures: readonly Picture[], dpi: number): Promise<Uint8Array> {
  const first = pictures[0];
  if (!first) throw new Error('an image-only PDF needs at least one picture');
  const mm = (px: number) => ((px / dpi) * 25.4).toFixed(2);
  const sheets = pictures
    .map((p) => {
      if (p.format === 'gray') throw new Error('bind PNG or JPEG pictures into a PDF, not raw grey');
      const src = `data:image/${p.format};base64,${Buffer.from(p.bytes).toString('base64')}`;
      return `<img src="${src}" style="width:${mm(p.width)}mm;height:${mm(p.height)}mm">`;
    })
    .join('');
  await page.setContent(
    `<!doctype html><style>@page { size: ${mm(first.width)}mm ${mm(first.height)}mm; margin: 0 } body { margin: 0 } img { display: block; break-after: page }</style>${sheets}`,
    { waitUntil: 'load' },
  );
  return page.pdf({ preferCSSPageSize: true });
}
