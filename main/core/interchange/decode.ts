import iconv from 'iconv-lite';
import { AppError, reasonIssue } from '../../../shared/api';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as (`utf-8`, `gb2312` …). */
  encoding: string;
  /** Set when the bytes did not match the declared encoding and were read as GB18030 instead. */
  fallback: boolean;
  /** The encoding the file declares when its bytes were read as UTF-8 instead (see decodeXmlBytes); else null. */
  notAsDeclared: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const read = (text: string, encoding: string): DecodedText => ({
  text,
  encoding,
  fallback: false,
  notAsDeclared: null,
});

/** The bytes as UTF-8 when they are valid UTF-8 holding something beyond ASCII; null otherwise. */
function utf8BeyondAscii(buffer: Buffer): string | null {
  if (!buffer.some((b) => b >= 0x80)) return null;
  try {
    return utf8.decode(buffer);
  } catch {
    return null;
  }
}

/**
 * Decodes an XML file's bytes: a byte-order mark decides (UTF-8, UTF-16), then the XML
 * declaration's encoding (receipts from customs are often GB2312/GBK), then UTF-8. Bytes that
 * are not valid UTF-8 although nothing else was declared are read as GB18030 (the superset of
 * GB2312 and GBK): some producers write GBK under a UTF-8 declaration. The other way round happens
 * too (a file saved as UTF-8 that kept its GBK declaration): read as GBK, its Chinese would become
 * other Chinese characters without any error, so bytes that are valid UTF-8 beyond ASCII are read as
 * UTF-8 whatever else is declared — real GBK text is not valid UTF-8. An encoding we cannot read is
 * refused by name.
 */
export function decodeXmlBytes(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return read(iconv.decode(buffer.subarray(3), 'utf-8'), 'utf-8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return read(iconv.decode(buffer.subarray(2), 'utf-16le'), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return read(iconv.decode(buffer.subarray(2), 'utf-16be'), 'utf-16be');
  const start = buffer.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start)?.[1]?.toLowerCase();
  if (declared && !['utf-8', 'utf8'].includes(declared)) {
    if (!iconv.encodingExists(declared)) {
      const params = { encoding: declared };
      throw new AppError('interchange.unknown-encoding', params, [
        reasonIssue('(file)', 'interchange.unknown-encoding', params),
      ]);
    }
    const asUtf8 = utf8BeyondAscii(buffer);
    if (asUtf8 !== null) return { text: asUtf8, encoding: 'utf-8', fallback: false, notAsDeclared: declared };
    return read(iconv.decode(buffer, declared), declared);
  }
  try {
    return read(utf8.decode(buffer), 'utf-8');
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030', fallback: true, notAsDeclared: null };
  }
}

/** Encodes text for a file in the given encoding (tests and the e-port client stand-in write GB2312 receipts). */
export function encodeText(text: string, encoding: string): Buffer {
  return iconv.encode(text, encoding);
}
