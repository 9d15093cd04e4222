import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api';
import { readLineSource } from './line-sources';

/** What reading `bytes` as `fileName` refused. */
async function refusal(fileName: string, bytes: Buffer): Promise<AppError> {
  try {
    await readLineSource({ kind: 'file', fileName, contentBase64: bytes.toString('base64') }, null);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('装箱单').addRow(['商品编号', '商品名称']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a file that is not a readable .xlsx workbook is refused with what is wrong, the zip library’s words kept apart', () => {
  it.each([
    ['a text file named .xlsx', async () => Buffer.from('商品编号,商品名称\n0808100000,鲜苹果\n'), 'not-a-workbook'],
    ['a workbook cut short', async () => (await workbook()).subarray(0, 2000), 'damaged'],
    [
      'a password-protected workbook (an OLE compound file)',
      async () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]),
      'encrypted',
    ],
    ['an empty file', async () => Buffer.alloc(0), 'empty'],
    [
      // A zip whose entries are not a workbook's: a real workbook's bytes with its workbook part renamed.
      'a zip archive renamed .xlsx',
      async () =>
        Buffer.from((await workbook()).toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'), 'latin1'),
      'not-a-workbook',
    ],
  ])('%s', async (_what, bytes, kind) => {
    const error = await refusal('lines.xlsx', await bytes());
    expect(error.reason).toBe('interchange.bad-xlsx');
    expect(error.params).toMatchObject({ file: 'lines.xlsx', kind });
    expect(error.message).not.toContain(String(error.params.detail));
  });

  it('reads a real workbook', async () => {
    const read = await readLineSource(
      { kind: 'file', fileName: 'lines.xlsx', contentBase64: (await workbook()).toString('base64') },
      null,
    );
    expect(read.sheets).toEqual(['装箱单']);
  });
});
