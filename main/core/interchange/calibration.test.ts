import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeclarationDoc } from '../../../shared/catalog';
import { goodsDeclaration } from '../../../shared/catalog';
import { readDecMessage, writeDecMessage } from '../../../shared/interchange';
import { declarationArb } from '../../../test-support/shared/arbitrary-doc';
import { PRODUCTION_CLIENT_SEQ_NO, productionMessage } from '../../../test-support/shared/production-message';
import type { Finding, Stage } from '../../../shared/validation';
import { validateDeclaration } from '../../../shared/validation';
import { builtinLookup } from '../../cli/code-sources';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { createXmlInterchange } from './xml-service';

// The checks calibrated against what production systems send (docs/calibrations.md), with the
// product's built-in tables: a real message is stored as a draft with warnings at most, and the
// declare stage says what must be right.
const codes = builtinLookup();
const real = () => readDecMessage(goodsDeclaration, productionMessage());

function check(doc: DeclarationDoc, stage: Stage): string[] {
  return validateDeclaration(doc, { catalog: goodsDeclaration, stage, ieFlag: 'I', codes, today: '20261206' }).map(
    (f: Finding) => `${f.severity} ${f.code}@${f.path}`,
  );
}

function withHead(change: Record<string, string>): DeclarationDoc {
  const { doc } = real();
  return { ...doc, head: { ...doc.head, ...change } };
}

describe('checks calibrated against real messages', () => {
  it('give a production message no error at the draft stage nor at declare', () => {
    const { doc, warnings } = real();
    expect(warnings).toEqual([]);
    expect(check(doc, 'draft')).toEqual([]);
    expect(check(doc, 'declare')).toEqual([]);
  });

  it('accept the 10-character customs code and the 9-character organization code as 录入单位代码, nothing else', () => {
    for (const CopCode of ['4403180123', '31224800X'])
      for (const stage of ['draft', 'declare'] as const)
        expect(check(withHead({ CopCode }), stage), CopCode).toEqual([]);
    expect(check(withHead({ CopCode: '44031801234' }), 'draft')).toEqual([
      'error too-long@head.CopCode',
      'error cop-code-format@head.CopCode',
    ]);
    expect(check(withHead({ CopCode: '4403-1801' }), 'declare')).toEqual(['error cop-code-format@head.CopCode']);
  });

  it('accept an 18-digit 预录入编号 and a ClientSeqNo of up to 20 characters', () => {
    expect(check(withHead({ PreEntryId: '530420261000012345' }), 'declare')).toEqual([]);
    const { doc } = real();
    expect(doc.tables.sign?.[0]?.ClientSeqNo).toBe(PRODUCTION_CLIENT_SEQ_NO);
    expect(PRODUCTION_CLIENT_SEQ_NO).toHaveLength(20);
    const longer = readDecMessage(goodsDeclaration, productionMessage(`${PRODUCTION_CLIENT_SEQ_NO}X`)).doc;
    expect(check(longer, 'draft')).toEqual(['error too-long@sign[0].ClientSeqNo']);
  });

  it('warn of a code missing from a complete table on a draft, refuse it at declare, and leave partial tables be', () => {
    const unknownCountry = withHead({ TradeCountry: 'XXX' });
    expect(check(unknownCountry, 'draft')).toEqual(['warning unknown-code@head.TradeCountry']);
    expect(check(unknownCountry, 'declare')).toEqual(['error unknown-code@head.TradeCountry']);
    // 入境口岸 ships as the 2018 table, marked partial: 477101 (a newer port) is not judged.
    expect(check(withHead({ EntyPortCode: '477101' }), 'declare')).toEqual([]);
  });

  it('name a 商品编号 the 2026 tariff split, with the codes that replaced it', () => {
    const { doc } = real();
    const line = doc.lines[0];
    if (line) line.CodeTS = '8471300000';
    const findings = validateDeclaration(doc, {
      catalog: goodsDeclaration,
      stage: 'declare',
      ieFlag: 'I',
      codes,
      today: '20261206',
    });
    const retired = findings.find((f) => f.path === 'lines[0].CodeTS');
    expect(retired).toMatchObject({ code: 'hs-code-retired', severity: 'error' });
    expect(retired?.params.successors).toBe('8471301000 平板电脑；8471309000 其他便携式自动数据处理设备');
    expect(check(doc, 'draft')).toEqual(['warning hs-code-retired@lines[0].CodeTS']);
  });
});

describe('import keeps identity', () => {
  let fx: CoreFixture;
  afterEach(() => fx.close());
  function setup() {
    fx = coreFixture();
    return createXmlInterchange(fx.ctx, { repo: fx.repo, catalog: goodsDeclaration });
  }

  it('keeps a production ClientSeqNo, and replaces one in use or malformed, naming both numbers', () => {
    const xml = setup();
    const first = xml.importXml(Buffer.from(productionMessage()), 'HYCDO.xml');
    expect(first).toMatchObject({ clientSeqNo: PRODUCTION_CLIENT_SEQ_NO, warnings: [] });
    const again = xml.importXml(Buffer.from(productionMessage()), 'HYCDO.xml');
    expect(again.clientSeqNo).not.toBe(PRODUCTION_CLIENT_SEQ_NO);
    expect(again.warnings).toEqual([
      expect.objectContaining({
        code: 'xml.client-seq-no-in-use',
        params: { given: PRODUCTION_CLIENT_SEQ_NO, clientSeqNo: again.clientSeqNo },
      }),
    ]);
    expect(again.warnings[0]?.message).toContain(again.clientSeqNo);
    const bad = xml.importXml(Buffer.from(productionMessage('HYCDO-2026-12-06-000004')), 'bad.xml');
    expect(bad.warnings[0]).toMatchObject({
      code: 'xml.client-seq-no-replaced',
      params: { given: 'HYCDO-2026-12-06-000004', clientSeqNo: bad.clientSeqNo },
    });
  });

  it('property: import → export of any valid message loses nothing, identity included', () => {
    const xml = setup();
    const idArb = fc.stringMatching(/^[A-Za-z0-9]{1,20}$/);
    fc.assert(
      fc.property(
        declarationArb(goodsDeclaration, { minLines: 1, everyTable: true }),
        idArb,
        fc.stringMatching(/^[0-9]{18}$/),
        ({ doc }, clientSeqNo, entryId) => {
          const before = fx.repo.getByClientSeqNo(clientSeqNo);
          const { Sign: _s, SignDate: _d, Certificate: _c, ClientSeqNo: _n, ...sign } = doc.tables.sign?.[0] ?? {};
          const head = { ...doc.head, EntryId: entryId };
          const message: DeclarationDoc = {
            ...doc,
            head,
            tables: { ...doc.tables, sign: [{ ...sign, ClientSeqNo: clientSeqNo }] },
          };
          const result = xml.importXml(Buffer.from(writeDecMessage(goodsDeclaration, message)), 'in.xml');
          expect(result.clientSeqNo === clientSeqNo).toBe(!before);
          const back = readDecMessage(goodsDeclaration, xml.exportXml(result.id, 'G').text).doc;
          const { ClientSeqNo, ...backSign } = back.tables.sign?.[0] ?? {};
          expect(ClientSeqNo).toBe(result.clientSeqNo);
          expect(back.head).toEqual(head);
          expect(back.lines).toEqual(doc.lines);
          const { sign: _backSign, ...backTables } = back.tables;
          const { sign: _docSign, ...docTables } = doc.tables;
          expect(backTables).toEqual(docTables);
          // The operator fields stay; the signature is left empty for whoever signs next (message-doc.ts).
          expect(backSign).toMatchObject(sign);
        },
      ),
      { numRuns: 40 },
    );
  });
});
