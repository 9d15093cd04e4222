// What the single window accepts as a 随附单据 file, checked where the file is taken in (the desk) and again
// where it is received (the hub): a real PDF (its header and its end marker), not encrypted (the receiver
// cannot open it), not empty, and no larger than the limit. Platform-free: bytes in, a finding out.

/** The single window's limit for one 随附单据 file (4 MB; docs/attachments.md says where it comes from). */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

export type PdfProblem =
  | { kind: 'empty' }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'not-pdf' }
  | { kind: 'damaged' }
  | { kind: 'encrypted' };

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const HEADER = ascii('%PDF-');
const EOF_MARK = ascii('%%EOF');
const STARTXREF = ascii('startxref');
const ENCRYPT = ascii('/Encrypt');

/** Where `pattern` starts in bytes[from, to), or -1. */
export function findBytes(bytes: Uint8Array, pattern: Uint8Array, from = 0, to = bytes.length): number {
  const first = pattern[0];
  const last = Math.min(to, bytes.length) - pattern.length;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/** A PDF name ends at whitespace, a delimiter or the end; `/EncryptMetadata` is not `/Encrypt`. */
function isNameEnd(byte: number | undefined): boolean {
  if (byte === undefined) return true;
  return !((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

function hasEncryptEntry(bytes: Uint8Array): boolean {
  for (let at = findBytes(bytes, ENCRYPT); at >= 0; at = findBytes(bytes, ENCRYPT, at + 1))
    if (isNameEnd(bytes[at + ENCRYPT.length])) return true;
  return false;
}

/**
 * The first problem of a file offered as a 随附单据, or null. The header may follow a little leading junk (PDF
 * readers look in the first 1024 bytes); the end must carry `startxref` and `%%EOF` (a truncated download has
 * neither); an encrypted PDF names an /Encrypt dictionary in its trailer or cross-reference stream, which is
 * not compressed, so it is found in the bytes.
 */
export function pdfProblem(bytes: Uint8Array, limit = MAX_ATTACHMENT_BYTES): PdfProblem | null {
  if (bytes.length === 0) return { kind: 'empty' };
  if (bytes.length > limit) return { kind: 'too-large', size: bytes.length, limit };
  if (findBytes(bytes, HEADER, 0, 1024 + HEADER.length) < 0) return { kind: 'not-pdf' };
  const tail = Math.max(0, bytes.length - 1024);
  if (findBytes(bytes, EOF_MARK, tail) < 0 || findBytes(bytes, STARTXREF, Math.max(0, tail - 1024)) < 0)
    return { kind: 'damaged' };
  if (hasEncryptEntry(bytes)) return { kind: 'encrypted' };
  return null;
}
