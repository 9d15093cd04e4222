import { describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../catalog';
import type { LineMapping } from '../interchange/lines';
import { parseDelimited } from '../interchange/lines';
import {
  checkLibraryMapping,
  checkProductRows,
  dedupeProducts,
  parseRoles,
  readPartyRows,
  readProductRows,
  suggestLibraryMapping,
} from './library-import';
import type { PartyInput } from './party';
import { describePartyProblem, normalizeParty, partyHeadValues, partyProblems, partySlotOf } from './party';
import { productFromLine, productKey, productLineValues } from './product';
import { templatePartOf } from './template-parts';

const catalog = goodsDeclaration;
const domestic: PartyInput = {
  roles: ['trade', 'owner'],
  customsCode: '3101230456',
  uscc: '91310000132212345R',
  ciqCode: '3100000123',
  nameZh: '上海鲜果贸易有限公司',
  nameEn: 'Shanghai Fresh Fruit Trading Co., Ltd.',
  address: '',
  note: '',
};
const overseas: PartyInput = {
  roles: ['overseas'],
  customsCode: '',
  uscc: '',
  ciqCode: '',
  nameZh: '',
  nameEn: 'WASHINGTON APPLE GROWERS LLC',
  address: '1 Orchard Rd, Wenatchee',
  note: '',
};

function mapping(headers: string[], kind: 'parties' | 'products'): LineMapping {
  return { sheet: null, headerRow: 1, columns: suggestLibraryMapping(catalog, kind, headers) };
}

describe('party rules', () => {
  it('accepts a domestic and an overseas party, trimming and upper-casing codes', () => {
    expect(partyProblems(domestic)).toEqual([]);
    expect(partyProblems(overseas)).toEqual([]);
    expect(
      normalizeParty({ ...domestic, uscc: ' 91310000132212345r ', roles: ['owner', 'trade', 'owner'] }),
    ).toMatchObject({ uscc: '91310000132212345R', roles: ['trade', 'owner'] });
    expect(normalizeParty({ ...overseas, customsCode: 'no' }).customsCode).toBe('');
  });

  it.each([
    ['a USCC with a wrong check character', { uscc: '91310000132212345X' }, 'uscc', 'uscc-check-digit'],
    ['a USCC of 17 characters', { uscc: '9131000013221234R' }, 'uscc', 'uscc-format'],
    ['a 9-character customs code', { customsCode: '310123045' }, 'customsCode', 'customs-code-format'],
    ['a CIQ code with a letter', { ciqCode: '31000001X3' }, 'ciqCode', 'ciq-code-format'],
    ['no Chinese name', { nameZh: ' ' }, 'nameZh', 'required'],
    ['neither code', { customsCode: '', uscc: '' }, 'customsCode', 'code-required'],
    ['a name over 100 bytes', { nameZh: '鲜'.repeat(51) }, 'nameZh', 'too-long'],
    ['no role', { roles: [] }, 'roles', 'roles-required'],
    ['an overseas role beside a domestic one', { roles: ['trade', 'overseas'] }, 'roles', 'roles-mixed'],
  ] as const)('refuses %s, naming the field', (_name, change, field, code) => {
    const problems = partyProblems({
      ...domestic,
      ...change,
      roles: [...(('roles' in change ? change.roles : domestic.roles) as PartyInput['roles'])],
    });
    expect(problems).toContainEqual(expect.objectContaining({ field, code }));
    for (const p of problems) expect(describePartyProblem(p, 'zh-CN').length).toBeGreaterThan(4);
  });

  it('refuses a USCC or CIQ code on an overseas party and needs its English name', () => {
    expect(partyProblems({ ...overseas, uscc: domestic.uscc, nameEn: '' }).map((p) => `${p.field}:${p.code}`)).toEqual([
      'nameEn:required',
      'uscc:not-for-overseas',
    ]);
  });

  it('fills a party box of the form: code, name, USCC and CIQ together; NO where the message wants it', () => {
    expect(partyHeadValues('trade', domestic, 'I')).toEqual({
      TradeName: '上海鲜果贸易有限公司',
      TradeCode: '3101230456',
      TradeCoScc: '91310000132212345R',
      TradeCiqCode: '3100000123',
      DomesticConsigneeEname: 'Shanghai Fresh Fruit Trading Co., Ltd.',
    });
    expect(partyHeadValues('owner', { ...domestic, customsCode: '' }, 'I')).toMatchObject({
      OwnerCode: 'NO',
      OwnerCodeScc: '91310000132212345R',
    });
    expect(partyHeadValues('overseas', overseas, 'I')).toEqual({
      OverseasConsignorCode: 'NO',
      OverseasConsignorEname: 'WASHINGTON APPLE GROWERS LLC',
      OverseasConsignorCname: '',
      OverseasConsignorAddr: '1 Orchard Rd, Wenatchee',
    });
    expect(partyHeadValues('overseas', { ...overseas, customsCode: 'AEOUS1234' }, 'E')).toEqual({
      OverseasConsigneeCode: 'AEOUS1234',
      OverseasConsigneeEname: 'WASHINGTON APPLE GROWERS LLC',
    });
    expect([
      partySlotOf('head.TradeCoScc', 'I'),
      partySlotOf('head.DeclCiqCode', 'E'),
      partySlotOf('head.OverseasConsigneeEname', 'E'),
      partySlotOf('head.BillNo', 'I'),
    ]).toEqual(['trade', 'agent', 'overseas', null]);
  });
});

describe('product rules', () => {
  const apple = {
    customer: '3101230456',
    fields: {
      CodeTS: '0808100000',
      GName: '鲜苹果',
      GModel: '0|3|鲜|富士',
      GUnit: '035',
      FirstUnit: '035',
      OriginCountry: 'USA',
      TradeCurr: 'USD',
      DeclPrice: '2.5',
    },
  };

  it('is the same product by part number, else by HS code, name and 申报要素, per customer', () => {
    expect(productKey(apple)).toBe(productKey({ ...apple, fields: { ...apple.fields, DeclPrice: '3' } }));
    expect(productKey(apple)).not.toBe(productKey({ ...apple, fields: { ...apple.fields, GModel: '0|3|鲜|嘎啦' } }));
    expect(productKey(apple)).not.toBe(productKey({ ...apple, customer: '' }));
    expect(productKey({ ...apple, fields: { ...apple.fields, ExgNo: 'A-1' } })).toBe(
      productKey({ customer: apple.customer, fields: { ExgNo: 'A-1', GName: '苹果' } }),
    );
  });

  it('fills a line with the origin by meaning (the export swap), keeping quantities and the other country', () => {
    const line = { GQty: '1000', DestinationCountry: 'CHN', GModel: 'old', DeclGoodsEname: 'old name' };
    const imported = productLineValues(apple, 'I', line);
    expect(imported).toMatchObject({
      CodeTS: '0808100000',
      GModel: '0|3|鲜|富士',
      OriginCountry: 'USA',
      DeclGoodsEname: '',
    });
    expect(imported).not.toHaveProperty('GQty');
    expect(imported).not.toHaveProperty('DestinationCountry');
    // On an export line the origin is written to DestinationCountry (DOMAIN.md §1.4).
    const exported = productLineValues(apple, 'E', { OriginCountry: 'JPN' });
    expect(exported).toMatchObject({ DestinationCountry: 'USA' });
    expect(exported).not.toHaveProperty('OriginCountry');
    expect(productLineValues({ customer: '', fields: { GName: 'x' } }, 'I', {}, { DutyMode: '1' }).DutyMode).toBe('1');
    expect(
      productFromLine({ ...apple.fields, OriginCountry: 'JPN', DestinationCountry: 'USA', GQty: '5' }, 'E', 'c').fields,
    ).toMatchObject({ OriginCountry: 'USA' });
  });
});

describe('library spreadsheets', () => {
  it('guesses party and product columns from their headers', () => {
    expect(
      mapping(['企业名称', '海关编码', '统一社会信用代码', '角色', 'English name'], 'parties').columns.map(
        (c) => c.target,
      ),
    ).toEqual(['nameZh', 'customsCode', 'uscc', 'roles', 'nameEn']);
    expect(
      mapping(['商品编号', '商品名称', '规格型号', '原产国', '单价', '币制', '货号', '客户'], 'products').columns.map(
        (c) => c.target,
      ),
    ).toEqual(['CodeTS', 'GName', 'GModel', '@origin', 'DeclPrice', 'TradeCurr', 'ExgNo', 'customer']);
  });

  it('reads roles as words or ids, and names a word that is none', () => {
    expect(parseRoles('境内收发货人、消费使用/生产销售单位')).toEqual({ roles: ['trade', 'owner'], unknown: [] });
    expect(parseRoles('agent, 货代')).toEqual({ roles: ['agent'], unknown: ['货代'] });
  });

  it('checks every party row, naming the row and column of each problem, and a repeated party', () => {
    const cells = parseDelimited(
      [
        '企业名称,海关编码,统一社会信用代码,角色',
        '上海鲜果贸易有限公司,3101230456,91310000132212345R,境内收发货人',
        '坏公司,123,91310000132212345X,货代',
        '又一家,3101230456,,申报单位',
      ].join('\n'),
    );
    const read = readPartyRows(cells, mapping(cells[0] ?? [], 'parties'));
    expect(read.rows).toHaveLength(3);
    expect(read.problems.map((p) => `${p.row} ${p.column ?? ''} ${p.code}`)).toEqual([
      '3 D 角色 unknown-role',
      '3 B 海关编码 customs-code-format',
      '3 C 统一社会信用代码 uscc-check-digit',
      '4 C 统一社会信用代码 duplicate-row',
    ]);
  });

  it('checks product rows with the validation engine and requires 商品编号 and 商品名称', () => {
    const cells = parseDelimited(
      [
        '商品编号,商品名称,币制,单价',
        '0808100000,鲜苹果,USD,2.5',
        '080810,梨,USD,abc',
        ',桃,USD,1',
        '0808100000,鲜苹果,USD,3',
      ].join('\n'),
    );
    const m = mapping(cells[0] ?? [], 'products');
    const rows = readProductRows(catalog, cells, m);
    const problems = [...checkProductRows(catalog, rows, { mapping: m }), ...dedupeProducts(rows, m)].filter(
      (p) => p.severity === 'error',
    );
    expect(problems.map((p) => `${p.row} ${p.field ?? ''} ${p.code}`).sort()).toEqual(
      ['3 CodeTS hs-code-format', '3 DeclPrice decimal-format', '4 CodeTS required', '5  duplicate-row'].sort(),
    );
  });

  it('refuses a mapping without the columns a record needs', () => {
    expect(
      checkLibraryMapping(catalog, 'products', {
        sheet: null,
        headerRow: 1,
        columns: [{ index: 0, header: '名称', target: 'GName' }],
      }).map((p) => p.code),
    ).toEqual(['column-required']);
    expect(
      checkLibraryMapping(catalog, 'parties', {
        sheet: null,
        headerRow: 1,
        columns: [{ index: 0, header: 'x', target: 'GName' }],
      }).map((p) => p.code),
    ).toEqual(['unknown-target', 'column-required']);
  });
});

describe('template parts', () => {
  it('puts each section in its part: free text with the head, licences of a line with the lines', () => {
    expect(
      ['head', 'freeText', 'lines', 'goodsLimits', 'goodsLimitVins', 'containers', 'licenceDocs', 'edocs', 'users'].map(
        (s) => templatePartOf(catalog, s),
      ),
    ).toEqual(['head', 'head', 'lines', 'lines', 'lines', 'containers', 'documents', 'documents', 'other']);
  });
});

describe('name grams', () => {
  it('finds a name by any part of two characters or more, in any script and case', async () => {
    const { gramsPhrase, nameGrams } = await import('./name-grams');
    expect(nameGrams('鲜苹果')).toBe('9c9cg82f9 82f9g679c');
    expect(gramsPhrase('苹果')).toBe('"82f9g679c"');
    expect(gramsPhrase('Ab')).toBe(gramsPhrase('aB'));
    expect(gramsPhrase('果')).toBeNull();
    expect(nameGrams('果')).toBe('679cg0');
    const phrase = (gramsPhrase('fresh fr') ?? '').slice(1, -1);
    expect(nameGrams('上海', 'Shanghai Fresh Fruit')).toContain(phrase);
  });
});
