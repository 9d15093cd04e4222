import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import type { DeclarationDoc } from '../catalog';
import {
  childSections,
  countriesFromMessage,
  countriesToMessage,
  goodsDeclaration,
  MAX_VALUE_LENGTH,
  rootSections,
} from '../catalog';
import { sampleDeclaration } from '../validation/sample-declaration';
import { readDecMessage } from './dec-message-reader';
import { writeDecMessage } from './dec-message-writer';
import { declarationArb } from '../../test-support/shared/arbitrary-doc';
import type { XmlElement } from './xml-tree';
import { parseXml } from './xml-tree';

const catalog = goodsDeclaration;
const NS = 'http://www.chinaport.gov.cn/dec';

function refusal(text: string): AppError {
  try {
    readDecMessage(catalog, text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.find((c) => c.name === name);
  if (!found) throw new Error(`no <${name}> in <${el.name}>`);
  return found;
}

describe('DecMessage writer and reader', () => {
  it('round-trips generated declarations that use every section and sub-table', () => {
    fc.assert(
      fc.property(declarationArb(catalog, { minLines: 1, everyTable: true }), ({ ieFlag, doc }) => {
        const back = readDecMessage(catalog, writeDecMessage(catalog, doc));
        expect(back.ieFlag).toBe(ieFlag);
        expect(back.doc).toEqual(doc);
        expect(back.warnings).toEqual([]);
        expect(Object.keys(doc.tables).sort()).toEqual(
          catalog.sections
            .map((s) => s.id)
            .filter((id) => id !== 'head' && id !== 'lines')
            .sort(),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips any generated declaration, sparse ones and ones on one line included', () => {
    fc.assert(
      fc.property(declarationArb(catalog), fc.boolean(), ({ doc }, indent) => {
        expect(readDecMessage(catalog, writeDecMessage(catalog, doc, { indent })).doc).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  });

  it('writes every element of DecHead and DecList in schema order, empty ones as empty elements', () => {
    const doc = sampleDeclaration(2);
    for (const line of doc.lines) delete line.GNo;
    const xml = writeDecMessage(catalog, doc);
    const root = parseXml(xml);
    expect(root.name).toBe('DecMessage');
    expect(root.uri).toBe(NS);
    expect(root.attributes.Version).toBe('3.1');
    const head = child(root, 'DecHead');
    expect(head.children.map((c) => c.name)).toEqual(catalog.sections[0]?.elements.map((e) => e.xml));
    expect(child(head, 'ApprNo').text).toBe('');
    expect(xml).toContain('<ApprNo/>');
    const lists = child(root, 'DecLists').children;
    expect(lists.map((l) => child(l, 'GNo').text)).toEqual(['1', '2']);
    const lineSection = catalog.sections.find((s) => s.id === 'lines');
    // DecGoodsLimits/DecControlModel are written only when a line has them.
    expect(lists[0]?.children.map((c) => c.name)).toEqual(lineSection?.elements.map((e) => e.xml));
  });

  it('keeps the root children in schema order and nests licence, VIN and control rows inside their line', () => {
    const doc: DeclarationDoc = {
      head: { IEFlag: 'E' },
      lines: [{ CodeTS: '0808100000' }, { CodeTS: '8703236010' }],
      tables: {
        edocs: [{ EdocID: 'a.pdf' }, { EdocID: 'b.pdf' }],
        containers: [{ ContainerId: 'TEXU3605231' }],
        goodsLimits: [{ GoodsNo: '2', LicTypeCode: '408', LicenceNo: 'L1' }],
        goodsLimitVins: [{ GoodsNo: '2', LicTypeCode: '408', LicenceNo: 'L1', VinCode: 'LSV12345678901234' }],
        controlModels: [{ GNo: '1', ElementNo: '1', DeclarationCategoryCode: 'A' }],
        sign: [{ ClientSeqNo: 'SW261122ABCDEFGHJK' }],
        freeText: [{ VoyNo: '045E' }],
      },
    };
    const root = parseXml(writeDecMessage(catalog, doc));
    const order = rootSections(catalog).map((s) => s.xml.split('/')[0]);
    const names = root.children.map((c) => c.name);
    expect(names).toEqual([
      'DecHead',
      'DecLists',
      'DecContainers',
      'DecLicenseDocus',
      'DecFreeTxt',
      'DecSign',
      'EdocRealation',
      'EdocRealation',
    ]);
    expect([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(names);
    const [line1, line2] = child(root, 'DecLists').children;
    expect(line1?.children.map((c) => c.name).slice(-2)).toEqual(['ControlExplainCode', 'DecControlModel']);
    const limits = child(line2 as XmlElement, 'DecGoodsLimits');
    const limit = child(limits, 'DecGoodsLimit');
    const afterQty = limit.children.map((c) => c.name);
    expect(afterQty.slice(afterQty.indexOf('LicWrtofQty'), afterQty.indexOf('LicWrtofQty') + 3)).toEqual([
      'LicWrtofQty',
      'DecGoodsLimitVin',
      'LicWrtofQtyUnit',
    ]);
    // The VIN row's line number is local (never written); its licence keys are.
    expect(child(limit, 'DecGoodsLimitVin').children.map((c) => c.name)).not.toContain('GoodsNo');
    expect(childSections(catalog, 'lines').map((s) => s.id)).toEqual(['goodsLimits', 'controlModels']);
    expect(readDecMessage(catalog, writeDecMessage(catalog, doc)).doc).toEqual(doc);
  });

  it('leaves the export country swap as the message has it, and the mapping function turns it both ways', () => {
    // An export of goods made in China going to Japan: the message carries JPN in OriginCountry.
    const countries = { origin: 'CHN', destination: 'JPN' };
    const line = countriesToMessage('E', countries);
    expect(line).toEqual({ OriginCountry: 'JPN', DestinationCountry: 'CHN' });
    const doc: DeclarationDoc = { head: { IEFlag: 'E' }, lines: [{ ...line }], tables: {} };
    const xml = writeDecMessage(catalog, doc);
    expect(xml).toContain('<OriginCountry>JPN</OriginCountry>');
    const back = readDecMessage(catalog, xml);
    expect(countriesFromMessage('E', back.doc.lines[0] ?? {})).toEqual(countries);
    expect(countriesFromMessage('I', countriesToMessage('I', countries))).toEqual(countries);
    fc.assert(
      fc.property(fc.constantFrom('I' as const, 'E' as const), fc.string(), fc.string(), (ie, origin, destination) => {
        expect(countriesFromMessage(ie, countriesToMessage(ie, { origin, destination }))).toEqual({
          origin,
          destination,
        });
      }),
    );
  });

  it('refuses what it cannot write faithfully, naming the field', () => {
    const bad = (doc: DeclarationDoc) => {
      try {
        writeDecMessage(catalog, doc);
      } catch (error) {
        if (error instanceof AppError) return error.issues?.map((i) => `${i.path} ${i.code}`);
      }
      return 'written';
    };
    expect(bad({ head: { IEFlag: 'I', GName: 'x' }, lines: [], tables: {} })).toEqual(['head.GName xml.unknown-field']);
    expect(bad({ head: { IEFlag: 'I', NoteS: 'bell\u0007' }, lines: [], tables: {} })).toEqual([
      'head.NoteS xml.unwritable-char',
    ]);
    expect(bad({ head: { IEFlag: 'I' }, lines: [{}], tables: { goodsLimits: [{ GoodsNo: '3' }] } })).toEqual([
      'goodsLimits[0].GoodsNo no-parent-row',
    ]);
    expect(bad({ head: { IEFlag: 'I' }, lines: [], tables: { freeText: [{ VoyNo: '1' }, { VoyNo: '2' }] } })).toEqual([
      'freeText[1] single-block',
    ]);
    expect(bad({ head: { IEFlag: 'I' }, lines: [], tables: { bogus: [{}] } })).toEqual(['bogus xml.unknown-table']);
  });
});

describe('DecMessage reader tolerance', () => {
  const minimal = (root: string, body = '<DecHead><IEFlag>I</IEFlag></DecHead>') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n${root}${body}</DecMessage>`;

  it('reads a file with a byte-order mark, with Version, version or no version attribute', () => {
    expect(readDecMessage(catalog, `\uFEFF${minimal(`<DecMessage xmlns="${NS}">`)}`).version).toBeNull();
    expect(readDecMessage(catalog, minimal(`<DecMessage xmlns="${NS}" version="3.1">`)).version).toBe('3.1');
    expect(readDecMessage(catalog, minimal(`<DecMessage Version="4.0" xmlns="${NS}">`)).version).toBe('4.0');
  });

  it('reads a namespace prefix, empty and absent elements, and elements out of order', () => {
    const xml = `<ns0:DecMessage xmlns:ns0="${NS}"><ns0:DecLists><ns0:DecList><ns0:GName>苹果</ns0:GName><ns0:ClassMark/><ns0:CodeTS>0808100000</ns0:CodeTS></ns0:DecList></ns0:DecLists>
      <ns0:DecHead><ns0:IEFlag>I</ns0:IEFlag><ns0:ApprNo></ns0:ApprNo><ns0:BillNo>B&amp;L</ns0:BillNo></ns0:DecHead><ns0:DecContainers/></ns0:DecMessage>`;
    const { doc, warnings } = readDecMessage(catalog, xml);
    expect(doc).toEqual({
      head: { IEFlag: 'I', BillNo: 'B&L' },
      lines: [{ GName: '苹果', CodeTS: '0808100000' }],
      tables: {},
    });
    expect(warnings).toEqual([]);
  });

  it('ignores unknown elements with a warning that names them and their line', () => {
    const xml = minimal(
      `<DecMessage xmlns="${NS}">`,
      `<DecHead><IEFlag>E</IEFlag><DDate>20261122</DDate></DecHead><DecLists><DecList><GOptions>x</GOptions></DecList></DecLists><Extra/>`,
    );
    const { doc, warnings } = readDecMessage(catalog, xml);
    expect(doc.head).toEqual({ IEFlag: 'E' });
    expect(warnings.map((w) => w.path)).toEqual([
      'DecMessage/DecHead/DDate',
      'DecMessage/DecLists/DecList[1]/GOptions',
      'DecMessage/Extra',
    ]);
    expect(warnings[0]?.message).toMatch(/^line 2: <DDate>/);
  });

  it('orders goods lines by GNo when the file numbers them, and ties nested rows to their line', () => {
    const xml = minimal(
      `<DecMessage xmlns="${NS}">`,
      `<DecHead><IEFlag>I</IEFlag></DecHead><DecLists>
        <DecList><GNo>2</GNo><GName>二</GName><DecGoodsLimits><DecGoodsLimit><GoodsNo>9</GoodsNo><LicenceNo>X</LicenceNo></DecGoodsLimit></DecGoodsLimits></DecList>
        <DecList><GNo>1</GNo><GName>一</GName></DecList></DecLists>`,
    );
    const { doc, warnings } = readDecMessage(catalog, xml);
    expect(doc.lines).toEqual([{ GName: '一' }, { GName: '二' }]);
    expect(doc.tables.goodsLimits).toEqual([{ GoodsNo: '2', LicenceNo: 'X' }]);
    expect(warnings.map((w) => w.code)).toEqual(['xml.parent-key-replaced']);
  });

  it('refuses bad XML, a truncated file, a wrong root or namespace, with a message that says where', () => {
    const good = writeDecMessage(catalog, sampleDeclaration(1));
    const truncated = refusal(good.slice(0, Math.floor(good.length / 2)));
    expect(truncated.code).toBe('IMPORT_FAILED');
    expect(truncated.message).toMatch(/not well-formed XML \(line \d+, column \d+: .*\); it may be truncated/);
    expect(refusal('<DecMessage xmlns="x"><DecHead></DecMessage>').issues?.[0]?.code).toBe('xml.not-well-formed');
    expect(refusal('').issues?.[0]?.code).toBe('xml.not-well-formed');
    expect(refusal('not xml at all').issues?.[0]?.code).toBe('xml.not-well-formed');
    expect(refusal(`<DEC_DATA xmlns="${NS}"/>`).message).toContain('root element is <DEC_DATA>');
    expect(refusal('<DecMessage xmlns="http://example.com/dec"><DecHead/></DecMessage>').issues?.[0]).toMatchObject({
      code: 'xml.wrong-namespace',
    });
    expect(refusal('<DecMessage><DecHead/></DecMessage>').message).toContain('has no namespace');
    expect(refusal('<!DOCTYPE x [<!ENTITY e "e">]><DecMessage/>').issues?.[0]?.code).toBe('xml.not-well-formed');
  });

  it('refuses content it cannot keep, listing every problem', () => {
    const refused = refusal(
      minimal(
        `<DecMessage xmlns="${NS}">`,
        `<DecHead><IEFlag>X</IEFlag><BillNo>1</BillNo><BillNo>2</BillNo><ContrNo><b/></ContrNo></DecHead><DecHead/>`,
      ),
    );
    expect(refused.issues?.map((i) => `${i.path} ${i.code}`)).toEqual([
      'DecMessage/DecHead/BillNo xml.duplicate-element',
      'DecMessage/DecHead/ContrNo xml.not-a-value',
      'DecMessage/DecHead xml.duplicate-section',
      'DecMessage/DecHead/IEFlag xml.bad-ie-flag',
    ]);
    const tooMany = `<DecLists>${'<DecList><GName>x</GName></DecList>'.repeat(51)}</DecLists>`;
    expect(
      refusal(minimal(`<DecMessage xmlns="${NS}">`, `<DecHead><IEFlag>I</IEFlag></DecHead>${tooMany}`)).issues?.[0]
        ?.code,
    ).toBe('xml.too-many-lines');
    expect(refusal(minimal(`<DecMessage xmlns="${NS}">`, '<DecLists/>')).issues?.[0]?.code).toBe('xml.missing-head');
    expect(
      refusal(
        minimal(
          `<DecMessage xmlns="${NS}">`,
          `<DecHead><IEFlag>I</IEFlag><NoteS>${'x'.repeat(MAX_VALUE_LENGTH + 1)}</NoteS></DecHead>`,
        ),
      ).issues?.[0]?.code,
    ).toBe('xml.value-too-long');
  });
});
