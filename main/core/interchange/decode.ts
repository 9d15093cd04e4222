import iconv from 'iconv-lite';
import { AppError, reasonIssue } from '../../../shared/api';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as (`utf-8`, `gb2312` …). */
  encoding: string;
  /** Set when the bytes did not match the declared encoding and were read as GB18030 instead. */
  fallback: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an XML file's bytes: a byte-order mark decides (UTF-8, UTF-16), then the XML
 * declaration's encoding (receipts from customs are often GB2312/GBK), then UTF-8. Bytes that
 * are not valid UTF-8 although nothing else was declared are read as GB18030 (the superset of
 * GB2312 and GBK): some producers write GBK under a UTF-8 declaration. An encoding we cannot
 * read is refused by name.
 */
export function decodeXmlBytes(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return { text: iconv.decode(buffer.subarray(3), 'utf-8'), encoding: 'utf-8', fallback: false };
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le', fallback: false };
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be', fallback: false };
  const start = buffer.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start)?.[1]?.toLowerCase();
  if (declared && !['utf-8', 'utf8'].includes(declared)) {
    if (!iconv.encodingExists(declared)) {
      const params = { encoding: declared };
      throw new AppError('interchange.unknown-encoding', params, [
        reasonIssue('(file)', 'interchange.unknown-encoding', params),
      ]);
    }
    return { text: iconv.decode(buffer, declared), encoding: declared, fallback: false };
  }
  try {
    return { text: utf8.decode(buffer), encoding: 'utf-8', fallback: false };
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030', fallback: true };
  }
}

/** Encodes text for a file in the given encoding (tests and the e-port client stand-in write GB2312 receipts). */
export function encodeText(text: string, encoding: string): Buffer {
  return iconv.encode(text, encoding);
}
