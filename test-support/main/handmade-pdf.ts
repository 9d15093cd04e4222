/**
 * PDFs written byte by byte, for what pdf-lib does not write: text in a Chinese font that is not embedded
 * (a predefined CMap such as UniGB-UCS2-H and no ToUnicode map, as Chinese office software writes them, so
 * a reader needs the CMap files to get Unicode) and a document encrypted with a user password.
 */

interface PageSpec {
  /** The page's content stream. */
  content: string;
  /** /Rotate of the page. */
  rotate?: number;
}

/** A one-font PDF: `pages` drawn with font /F1, a Type0 font on `cmap` over Adobe-GB1's STSong-Light. */
export function handmadePdf(pages: PageSpec[], options: { cmap?: string; encrypt?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const pageIds = pages.map((_, i) => 5 + i * 2);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${options.cmap ?? 'UniGB-UCS2-H'} ` +
      '/DescendantFonts [4 0 R] >>',
  );
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ' +
      `${5 + pages.length * 2} 0 R /DW 1000 >>`,
  );
  for (const page of pages) {
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> ` +
        `/Contents ${objects.length + 2} 0 R${page.rotate ? ` /Rotate ${page.rotate}` : ''} >>`,
    );
    add(`<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`);
  }
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 ' +
      '/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  let trailerExtra = '';
  if (options.encrypt) {
    // The standard security handler, revision 2, with /O and /U no empty password matches: a reader must ask.
    add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`);
    trailerExtra = ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
  }
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Text shown with /F1 at (x, y) in points from the bottom-left, as UCS-2 big-endian hex (UniGB-UCS2-H's codes). */
export function ucs2Text(text: string, x: number, y: number, size = 12): string {
  const hex = [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  return `BT /F1 ${size} Tf ${x} ${y} Td <${hex}> Tj ET`;
}
