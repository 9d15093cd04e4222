// Small real PDFs for tests: a one-page document with a line of text, its cross-reference table and trailer
// (offsets computed as it is built), optionally padded to a size with a filler stream, or marked encrypted
// as an encrypting writer marks it (an /Encrypt dictionary in the trailer).

export function samplePdf(options: { text?: string; size?: number; encrypted?: boolean } = {}): Uint8Array {
  const text = (options.text ?? 'Commercial invoice').replace(/[()\\]/g, '');
  const content = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  if (options.encrypted) objects.push('<< /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>');
  const build = (filler: number) => {
    const all =
      filler > 0 ? [...objects, `<< /Length ${filler} >>\nstream\n${'0'.repeat(filler)}\nendstream`] : objects;
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    all.forEach((body, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
    const encrypt = options.encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<01> <01>]` : '';
    out += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
    return out;
  };
  if (options.size === undefined) return new TextEncoder().encode(build(0));
  // About `size` bytes: the filler's length digits may move the total by a few.
  const overhead = build(1).length - 1;
  return new TextEncoder().encode(build(Math.max(1, options.size - overhead)));
}
