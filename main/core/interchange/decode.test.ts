import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api';
import { parseReceipt } from '../../../shared/interchange';
import { decodeXmlBytes, encodeText } from './decode';

const receipt = (encoding: string) =>
  `<?xml version="1.0" encoding="${encoding}"?>\n<DEC_DATA><DEC_RESULT><SEQ_NO>I20261122000000123</SEQ_NO><CHANNEL>E</CHANNEL><NOTE>海关退单：商品编号与品名不符</NOTE></DEC_RESULT></DEC_DATA>`;

describe('decoding XML files', () => {
  it('reads GB2312, GBK and GB18030 receipts by their declaration', () => {
    for (const encoding of ['GB2312', 'GBK', 'gb18030']) {
      const bytes = encodeText(receipt(encoding), encoding);
      expect(bytes.includes(Buffer.from('海关', 'utf8'))).toBe(false);
      const decoded = decodeXmlBytes(bytes);
      expect(decoded).toMatchObject({ encoding: encoding.toLowerCase(), fallback: false });
      expect(parseReceipt(decoded.text)[0]?.note).toBe('海关退单：商品编号与品名不符');
    }
  });

  it('reads UTF-8 with or without a byte-order mark, and UTF-16 by its mark', () => {
    const text = receipt('UTF-8');
    expect(decodeXmlBytes(Buffer.from(`\uFEFF${text}`, 'utf8')).text).toBe(text);
    expect(decodeXmlBytes(Buffer.from(text, 'utf8'))).toEqual({
      text,
      encoding: 'utf-8',
      fallback: false,
      notAsDeclared: null,
    });
    expect(decodeXmlBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text).toBe(text);
  });

  it('reads GBK bytes under a UTF-8 declaration (or none) as GB18030, and says so', () => {
    const decoded = decodeXmlBytes(encodeText(receipt('UTF-8'), 'gbk'));
    expect(decoded).toMatchObject({ encoding: 'gb18030', fallback: true });
    expect(parseReceipt(decoded.text)[0]?.note).toContain('海关退单');
  });

  it('reads UTF-8 bytes under a GBK or GB2312 declaration as UTF-8, and says which declaration it set aside', () => {
    for (const declared of ['GBK', 'GB2312']) {
      const decoded = decodeXmlBytes(Buffer.from(receipt(declared), 'utf8'));
      expect(decoded).toMatchObject({ encoding: 'utf-8', fallback: false, notAsDeclared: declared.toLowerCase() });
      expect(parseReceipt(decoded.text)[0]?.note).toBe('海关退单：商品编号与品名不符');
    }
    // ASCII alone reads the same either way: the declaration stands.
    expect(decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="GBK"?><a>1</a>'))).toMatchObject({
      encoding: 'gbk',
      notAsDeclared: null,
    });
  });

  it('refuses an encoding it cannot read, by name', () => {
    try {
      decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>'));
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toContain('x-klingon');
    }
  });
});
