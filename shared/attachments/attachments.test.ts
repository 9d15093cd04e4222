import { describe, expect, it } from 'vitest';
import { samplePdf } from '../../test-support/shared/pdf';
import { MAX_ATTACHMENT_BYTES, edocCopId, edocIdFor, edocSerial, parseEdocId, pdfProblem } from './index';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('pdfProblem: what the single window takes as a 随附单据 file', () => {
  it('takes a real PDF, and one of about 4 MB', () => {
    expect(pdfProblem(samplePdf())).toBeNull();
    expect(pdfProblem(samplePdf({ size: 4_000_000 }))).toBeNull();
  });

  it('refuses an empty file', () => {
    expect(pdfProblem(new Uint8Array())).toEqual({ kind: 'empty' });
  });

  it('refuses a file over the limit, saying its size and the limit', () => {
    const big = samplePdf({ size: MAX_ATTACHMENT_BYTES + 10_000 });
    expect(pdfProblem(big)).toEqual({ kind: 'too-large', size: big.length, limit: MAX_ATTACHMENT_BYTES });
  });

  it('refuses what is not a PDF: a picture, a Word file, a text named .pdf', () => {
    expect(pdfProblem(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({
      kind: 'not-pdf',
    });
    expect(pdfProblem(bytes('PK\u0003\u0004word/document.xml'))).toEqual({ kind: 'not-pdf' });
    expect(pdfProblem(bytes('invoice no. 123, total 100 USD'))).toEqual({ kind: 'not-pdf' });
  });

  it('refuses a PDF cut short (no startxref, no %%EOF): a download that did not finish', () => {
    const whole = samplePdf();
    expect(pdfProblem(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual({ kind: 'damaged' });
  });

  it('refuses an encrypted PDF, and does not take /EncryptMetadata for /Encrypt', () => {
    expect(pdfProblem(samplePdf({ encrypted: true }))).toEqual({ kind: 'encrypted' });
    expect(pdfProblem(samplePdf({ text: '/EncryptMetadata false' }))).toBeNull();
  });
});

describe('EdocID: 申报地海关 + 随附单据类别代码 + IM + 18-digit serial + .pdf', () => {
  it('is made by the rule and read back', () => {
    const id = edocIdFor('2201', '00000001', edocSerial('2026-11-22', 7));
    expect(id).toBe('220100000001IM202611220000000007.pdf');
    expect(id.length).toBeLessThanOrEqual(64);
    expect(parseEdocId(id)).toEqual({ customsCode: '2201', edocCode: '00000001', serial: '202611220000000007' });
    expect(parseEdocId('2201000000011M20261122000000001.pdf')).toBeNull();
  });

  it('refuses parts that do not fit the rule', () => {
    expect(() => edocIdFor('22', '00000001', edocSerial('2026-11-22', 1))).toThrow(/4 digits/);
    expect(() => edocIdFor('2201', '1', edocSerial('2026-11-22', 1))).toThrow(/8 digits/);
    expect(() => edocIdFor('2201', '00000001', '123')).toThrow(/18 digits/);
  });

  it('keeps the original name in EdocCopId to 64 characters, its extension kept', () => {
    expect(edocCopId('C:\\scans\\发票.pdf')).toBe('发票.pdf');
    const long = `${'a'.repeat(80)}.pdf`;
    expect(edocCopId(long)).toBe(`${'a'.repeat(60)}.pdf`);
  });
});
