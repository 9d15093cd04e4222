import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { readDecMessage, writeDecMessage } from '../../../shared/interchange';
import { declarationArb } from '../../../test-support/shared/arbitrary-doc';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { encodeText } from './decode';
import { createXmlInterchange } from './xml-service';

describe('DecMessage import and export through the store', () => {
  let fx: CoreFixture;
  afterEach(() => fx.close());

  function setup() {
    fx = coreFixture();
    return createXmlInterchange(fx.ctx, { repo: fx.repo, catalog: goodsDeclaration });
  }
  const count = () => (fx.db.prepare('SELECT count(*) AS n FROM declarations').get() as { n: number }).n;

  it('imports a file into a new draft and exports the same declaration back (real SQLite)', () => {
    const xml = setup();
    fc.assert(
      fc.property(declarationArb(goodsDeclaration, { minLines: 1, everyTable: true }), ({ ieFlag, doc }) => {
        const { sign: _sign, ...tables } = doc.tables;
        const stored = { ...doc, tables };
        const text = writeDecMessage(goodsDeclaration, stored);
        const result = xml.importXml(Buffer.from(text, 'utf8'), 'in.xml');
        expect(result).toMatchObject({ ieFlag, lineCount: doc.lines.length, encoding: 'utf-8', warnings: [] });
        const record = fx.declarations.get(result.id);
        expect(record.doc).toEqual(stored);
        expect(record.workflow).toBe('draft');
        const out = xml.exportXml(result.id, 'G');
        const back = readDecMessage(goodsDeclaration, out.text).doc;
        expect(back.tables.sign?.[0]).toMatchObject({ ClientSeqNo: result.clientSeqNo, OperType: 'G' });
        const { sign: _s, ...backTables } = back.tables;
        expect({ ...back, tables: backTables }).toEqual(stored);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps the file ClientSeqNo and SeqNo, and gives a new ClientSeqNo when the file one is taken', () => {
    const xml = setup();
    const doc = sampleDeclaration(2);
    for (const line of doc.lines) delete line.GNo;
    doc.head.SeqNo = 'I20261122000000777';
    doc.tables.sign = [{ ClientSeqNo: 'BROKER0001', OperType: 'C', Sign: 'abc', Certificate: '123', DomainId: '1' }];
    const text = writeDecMessage(goodsDeclaration, doc);
    const first = xml.importXml(encodeText(text.replace('UTF-8', 'GBK'), 'gbk'), 'gbk.xml');
    expect(first).toMatchObject({ clientSeqNo: 'BROKER0001', encoding: 'gbk', lineCount: 2 });
    const record = fx.declarations.get(first.id);
    expect(record.seqNo).toBe('I20261122000000777');
    expect(record.doc.head.AgentName).toBe('上海示例报关有限公司');
    expect(record.doc.tables.sign).toEqual([{ OperType: 'C', DomainId: '1' }]);
    expect(fx.declarations.timeline(first.id)[0]).toMatchObject({
      action: 'import',
      changes: { file: 'gbk.xml', lines: 2 },
    });
    const second = xml.importXml(Buffer.from(text), 'again.xml');
    expect(second.clientSeqNo).not.toBe('BROKER0001');
    expect(second.warnings.map((w) => w.code)).toEqual(['xml.client-seq-no-in-use']);
    expect(xml.exportXml('BROKER0001').id).toBe(first.id);
  });

  it('keeps the Chinese of a UTF-8 file that declares GBK, and names the declaration it set aside', () => {
    const xml = setup();
    const doc = sampleDeclaration(1);
    for (const line of doc.lines) delete line.GNo;
    const text = writeDecMessage(goodsDeclaration, doc).replace('encoding="UTF-8"', 'encoding="GBK"');
    const result = xml.importXml(Buffer.from(text, 'utf8'), 'saved-as-utf8.xml');
    expect(result).toMatchObject({ encoding: 'utf-8' });
    expect(result.warnings).toEqual([
      expect.objectContaining({ path: '(file)', code: 'xml.encoding-not-as-declared', params: { declared: 'gbk' } }),
    ]);
    expect(fx.declarations.get(result.id).doc.head).toMatchObject({
      TradeName: '上海示例食品有限公司',
      AgentName: '上海示例报关有限公司',
    });
  });

  it('refuses a bad file and writes nothing', () => {
    const xml = setup();
    const good = writeDecMessage(goodsDeclaration, { head: { IEFlag: 'I' }, lines: [{ GName: '苹果' }], tables: {} });
    const cases = [
      good.slice(0, 200),
      good.replace('http://www.chinaport.gov.cn/dec', 'urn:other'),
      '<DecImportResponse/>',
      good.replace('<IEFlag>I</IEFlag>', '<IEFlag/>'),
    ];
    for (const text of cases) {
      expect(() => xml.importXml(Buffer.from(text), 'bad.xml')).toThrow(AppError);
    }
    expect(count()).toBe(0);
    expect(() => xml.exportXml('00000000-0000-7000-8000-000000000000')).toThrow(/does not exist/);
  });
});
