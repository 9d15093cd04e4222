import { describe, expect, it } from 'vitest';
import type { DeclarationDoc, Row } from '../catalog';
import { domainCodeLookup, readDomainTable } from '../../scripts/domain-lookup';
import { createMemoryCodeLookup } from '../code-tables/memory-lookup';
import { check, sample, sampleExport, summary } from '../../scripts/validation-harness';

/** The sample with its first line changed. */
function line(change: Row, doc: DeclarationDoc = sample()): DeclarationDoc {
  doc.lines[0] = { ...doc.lines[0], ...change };
  return doc;
}

function head(change: Row, doc: DeclarationDoc = sample()): DeclarationDoc {
  doc.head = { ...doc.head, ...change };
  return doc;
}

describe('weights and packages', () => {
  it('accepts gross ≥ net ≥ 1 kg', () => {
    expect(summary(check(head({ GrossWet: '1', NetWt: '1' })))).toEqual([]);
  });
  it('refuses a gross weight below the net weight', () => {
    expect(summary(check(head({ GrossWet: '1000', NetWt: '1100' })))).toEqual(['gross-below-net@head.GrossWet']);
  });
  it('refuses a zero weight and a weight under 1 kg', () => {
    expect(summary(check(head({ GrossWet: '0.5', NetWt: '0' })))).toEqual([
      'weight-below-one@head.GrossWet',
      'weight-not-positive@head.NetWt',
    ]);
  });
  it('refuses zero packages', () => {
    expect(summary(check(head({ PackNo: '0' })))).toEqual(['pack-no-min@head.PackNo']);
  });
});

describe('total ≈ price × quantity', () => {
  it('accepts an exact total, one rounded to 2 places, and a price rounded from total ÷ quantity', () => {
    expect(summary(check(line({ DeclPrice: '1.2345', GQty: '1000', FirstQty: '1000', DeclTotal: '1234.5' })))).toEqual(
      [],
    );
    expect(summary(check(line({ DeclPrice: '0.3333', GQty: '3', FirstQty: '3', DeclTotal: '1.00' })))).toEqual([]);
    expect(summary(check(line({ DeclPrice: '3.3333', GQty: '7', FirstQty: '7', DeclTotal: '23.33' })))).toEqual([]);
  });
  it('refuses a total that is not price × quantity', () => {
    const findings = check(line({ DeclPrice: '1.25', GQty: '1000', DeclTotal: '1260' }));
    expect(summary(findings)).toEqual(['total-mismatch@lines[0].DeclTotal']);
    expect(findings[0]?.params).toMatchObject({ expected: '1250.00' });
  });
  it('is exact at the edge of the tolerance on large amounts (no floating point)', () => {
    const big = { DeclPrice: '12345678901234.5678', GQty: '1', FirstQty: '1' };
    // Tolerance for a quantity of 1: 0.005 (total rounding) + 0.00005 (price rounding).
    expect(summary(check(line({ ...big, DeclTotal: '12345678901234.5728' })))).toEqual([]);
    expect(summary(check(line({ ...big, DeclTotal: '12345678901234.5729' })))).toEqual([
      'total-mismatch@lines[0].DeclTotal',
    ]);
    expect(summary(check(line({ DeclPrice: '0.1', GQty: '3', FirstQty: '3', DeclTotal: '0.3' })))).toEqual([]);
  });
  it('warns when the deal unit is the legal unit and the quantities differ', () => {
    expect(summary(check(line({ FirstQty: '999' })))).toEqual(['first-qty-differs@lines[0].FirstQty']);
  });
});

describe('legal units and the second quantity, against the tariff', () => {
  // 8414601000 抽油烟机: first unit 001 台, second unit 035 千克.
  const hood = {
    CodeTS: '8414601000',
    GModel: '0|3||||||',
    GName: '抽油烟机',
    GUnit: '001',
    FirstUnit: '001',
    SecondUnit: '035',
    FirstQty: '1000',
    SecondQty: '5000',
  };
  it("accepts the code's units with both quantities", () => {
    expect(summary(check(line(hood)))).toEqual([]);
  });
  it("refuses a first unit that is not the code's", () => {
    expect(summary(check(line({ FirstUnit: '007', GUnit: '007' })))).toEqual([
      'legal-unit-mismatch@lines[0].FirstUnit',
    ]);
  });
  it("refuses a second unit that is not the code's, and a missing second quantity", () => {
    expect(summary(check(line({ ...hood, SecondUnit: '036' })))).toEqual(['second-unit-mismatch@lines[0].SecondUnit']);
    expect(summary(check(line({ ...hood, SecondQty: '' })))).toEqual(['second-qty-required@lines[0].SecondQty']);
    expect(summary(check(line({ ...hood, SecondQty: '' }), { stage: 'draft' }))).toEqual([]);
  });
  it('refuses a second quantity when the code has no second unit', () => {
    expect(summary(check(line({ SecondUnit: '011', SecondQty: '10' })))).toEqual([
      'second-unit-not-allowed@lines[0].SecondUnit',
      'second-qty-not-allowed@lines[0].SecondQty',
    ]);
  });
  it('without a tariff, asks that a second unit and quantity come as a pair', () => {
    const noTariff = { has: () => undefined };
    expect(summary(check(line({ SecondUnit: '035' }), { codes: noTariff }))).toEqual([
      'second-qty-required@lines[0].SecondQty',
    ]);
    expect(summary(check(line({ SecondQty: '5' }), { codes: noTariff }))).toEqual([
      'second-unit-required@lines[0].SecondUnit',
    ]);
    expect(summary(check(line({ SecondUnit: '035', SecondQty: '5' }), { codes: noTariff }))).toEqual([]);
  });
});

describe('申报要素 (GModel) per HS code', () => {
  it("accepts values in the order of the code's elements", () => {
    expect(summary(check(line({ GModel: '0|3|鲜' })))).toEqual(['gmodel-too-few@lines[0].GModel']);
    expect(summary(check(line({ GModel: '3|3|鲜|富士|一级|FUJI|||' })))).toEqual([]);
  });
  it('refuses more values than elements, a bad brand type and a bad export preference', () => {
    expect(summary(check(line({ GModel: '0|3|鲜|富士|一级|||||多余' })))).toEqual(['gmodel-too-many@lines[0].GModel']);
    expect(summary(check(line({ GModel: '5|3|鲜|富士|一级||||' })))).toEqual(['gmodel-brand-type@lines[0].GModel']);
    expect(summary(check(line({ GModel: '0|7|鲜|富士|一级||||' })))).toEqual([
      'gmodel-export-preference@lines[0].GModel',
    ]);
  });
  it('warns when an import does not mark the export preference 3', () => {
    expect(summary(check(line({ GModel: '0|0|鲜|富士|一级||||' })))).toEqual([
      'gmodel-import-preference@lines[0].GModel',
    ]);
    expect(summary(check(sampleExport()))).toEqual([]);
  });
  it('asks for GModel when declaring a code with elements', () => {
    expect(summary(check(line({ GModel: '' })))).toEqual(['gmodel-required@lines[0].GModel']);
    expect(summary(check(line({ GModel: '' }), { stage: 'draft' }))).toEqual([]);
  });
});

describe('成交方式 ↔ freight and insurance', () => {
  const freight = { FeeMark: '3', FeeRate: '500', FeeCurr: 'USD' };
  const insurance = { InsurMark: '1', InsurRate: '0.3' };
  it('import CIF: neither; a freight is refused', () => {
    expect(summary(check(head({ TransMode: '1' })))).toEqual([]);
    expect(summary(check(head({ TransMode: '1', ...freight })))).toEqual(['freight-not-allowed@head.FeeMark']);
  });
  it('import FOB: both are required', () => {
    expect(summary(check(head({ TransMode: '3', ...freight, ...insurance })))).toEqual([]);
    expect(summary(check(head({ TransMode: '3', ...freight })))).toEqual(['insurance-required@head.InsurMark']);
  });
  it('import C&F: insurance only', () => {
    expect(summary(check(head({ TransMode: '2', ...insurance })))).toEqual([]);
    expect(summary(check(head({ TransMode: '2', ...freight, ...insurance })))).toEqual([
      'freight-not-allowed@head.FeeMark',
    ]);
  });
  it('export FOB: neither; export CIF: both', () => {
    const exp = (change: Row) => head(change, sampleExport());
    expect(summary(check(exp({ TransMode: '3' })))).toEqual([]);
    expect(summary(check(exp({ TransMode: '3', ...insurance })))).toEqual(['insurance-not-allowed@head.InsurMark']);
    expect(summary(check(exp({ TransMode: '1' })))).toEqual([
      'freight-required@head.FeeMark',
      'insurance-required@head.InsurMark',
    ]);
  });
  it('asks each charge for its rate or amount, and a currency for an amount', () => {
    expect(summary(check(head({ TransMode: '3', FeeMark: '3', FeeRate: '500', ...insurance })))).toEqual([
      'fee-currency-required@head.FeeCurr',
    ]);
    expect(summary(check(head({ TransMode: '3', FeeRate: '500', FeeCurr: 'USD', ...insurance })))).toEqual([
      'fee-mark-required@head.FeeMark',
    ]);
    expect(summary(check(head({ TransMode: '3', FeeMark: '1', ...insurance })))).toEqual([
      'fee-rate-required@head.FeeRate',
    ]);
    expect(
      summary(check(head({ TransMode: '3', ...freight, InsurMark: '2', InsurRate: '5', InsurCurr: 'USD' }))),
    ).toEqual(['unknown-code@head.InsurMark']);
  });
});

describe('监管方式 ↔ 征免性质 ↔ 征免方式, 备案号', () => {
  const processing = { TradeMode: '0214', CutMode: '502', ManualNo: 'B22486000001' };
  it('accepts a processing-trade declaration with its manual and item numbers', () => {
    expect(summary(check(line({ ContrItem: '1', DutyMode: '3' }, head(processing))))).toEqual([]);
  });
  it('asks a processing-trade mode for its 备案号 and each line for its 备案序号', () => {
    expect(summary(check(line({ DutyMode: '3' }, head({ ...processing, ManualNo: '' }))))).toEqual([
      'manual-no-required@head.ManualNo',
    ]);
    expect(summary(check(line({ DutyMode: '3' }, head(processing))))).toEqual([
      'contr-item-required@lines[0].ContrItem',
    ]);
  });
  it('warns on a 备案号 that is not a manual, and a levy nature the mode does not carry', () => {
    expect(
      summary(check(line({ ContrItem: '1', DutyMode: '3' }, head({ ...processing, ManualNo: 'Z22486000001' })))),
    ).toEqual(['manual-no-kind@head.ManualNo']);
    expect(summary(check(line({ ContrItem: '1', DutyMode: '3' }, head({ ...processing, CutMode: '503' }))))).toEqual([
      'processing-levy@head.CutMode',
    ]);
  });
  it('refuses a processing levy nature on general trade', () => {
    expect(summary(check(head({ CutMode: '502' })))).toEqual(['levy-for-processing-only@head.CutMode']);
  });
  it('refuses a reduced duty mode under 一般征税', () => {
    expect(summary(check(line({ DutyMode: '3' })))).toEqual(['general-levy-duty@lines[0].DutyMode']);
  });
  it('asks for a levy nature when a line goes 随征免性质', () => {
    expect(summary(check(line({ DutyMode: '5' }, head({ CutMode: '' }))))).toEqual([
      'duty-mode-needs-levy@head.CutMode',
    ]);
    expect(summary(check(line({ DutyMode: '5' }, head({ CutMode: '789' }))))).toEqual([]);
  });
});

describe('licences required by 监管条件', () => {
  // 8419399020 其他烟丝烘干机: condition O (自动进口许可证(新旧机电产品), import only).
  const dryer = {
    CodeTS: '8419399020',
    GName: '烟丝烘干机',
    GModel: '0|3|||||||',
    GUnit: '001',
    FirstUnit: '001',
    SecondUnit: '035',
    FirstQty: '1000',
    SecondQty: '9000',
  };
  it('refuses an import without the licence the code needs', () => {
    expect(summary(check(line(dryer)))).toEqual(['licence-required@lines[0].CodeTS']);
  });
  it('accepts it with the licence among the 随附单证', () => {
    expect(
      summary(
        check(
          line(
            dryer,
            sample((d) => (d.tables.licenceDocs = [{ DocuCode: 'O', CertCode: '26-A1-123456' }])),
          ),
        ),
      ),
    ).toEqual([]);
  });
  it('does not ask an export for an import licence', () => {
    const exp = line(
      { ...dryer, GModel: '0|0|||||||', OriginCountry: 'USA', DestinationCountry: 'CHN' },
      sampleExport(),
    );
    expect(summary(check(exp))).toEqual([]);
  });
  it('asks for the inspection code of goods under inspection, and only warns where the licence table cannot tell', () => {
    expect(summary(check(line({ CiqCode: '' })))).toEqual(['ciq-code-required@lines[0].CiqCode']);
    // The built-in 监管证件 table is complete (55 codes): it tells which licences an import needs.
    expect(summary(check(line(dryer), { codes: domainCodeLookup(['tariff']) }))).toEqual([
      'licence-required@lines[0].CodeTS',
    ]);
    // A table that lacks the letters (a partial copy) cannot tell: a warning to check.
    const partialLicences = createMemoryCodeLookup([
      readDomainTable('tariff'),
      { id: 'licence-doc-types', complete: false, rows: [{ code: 'Y', name_zh: '原产地证明', applies_import: 'Y' }] },
    ]);
    expect(summary(check(line(dryer), { codes: partialLicences }))).toEqual(['licence-check@lines[0].CodeTS']);
  });
});

describe('the export origin/destination swap', () => {
  const exportDoc = (o: string, d: string) =>
    sampleExport((doc) => doc.lines[0] && Object.assign(doc.lines[0], { OriginCountry: o, DestinationCountry: d }));
  it('accepts an export carrying the destination in OriginCountry', () => {
    expect(summary(check(exportDoc('USA', 'CHN')))).toEqual([]);
  });
  it('warns on an export that looks unswapped, and on an import that looks swapped', () => {
    expect(summary(check(exportDoc('CHN', 'USA')))).toEqual(['country-swap-suspect@lines[0].OriginCountry']);
    expect(summary(check(line({ OriginCountry: 'CHN', DestinationCountry: 'USA' })))).toEqual([
      'country-swap-suspect@lines[0].OriginCountry',
    ]);
  });
});

describe('line numbering, the 50-line cap and references to lines', () => {
  it('refuses a GNo out of sequence', () => {
    expect(summary(check(sample((d) => d.lines[1] && (d.lines[1].GNo = '3'), 2)))).toEqual([
      'gno-sequence@lines[1].GNo',
    ]);
  });
  it('refuses a 51st line', () => {
    const findings = summary(check(sample(() => {}, 51)));
    expect(findings).toContain('too-many-lines@lines');
    expect(summary(check(sample(() => {}, 50)))).toEqual([]);
  });
  it('refuses references to lines that do not exist, and nested rows without their parent', () => {
    const doc = sample((d) => {
      d.tables.containers = [{ ContainerId: 'CSQU3054383', ContainerMd: '21', GoodsNo: '1,3' }];
      d.tables.goodsLimits = [{ GoodsNo: '2', LicTypeCode: '408', LicenceNo: 'L1' }];
      d.tables.goodsLimitVins = [{ GoodsNo: '1', LicTypeCode: '408', LicenceNo: 'L2' }];
    });
    expect(summary(check(doc))).toEqual([
      'goods-no-unknown@containers[0].GoodsNo',
      'no-parent-row@goodsLimits[0].GoodsNo',
      'no-parent-row@goodsLimitVins[0].GoodsNo',
    ]);
  });
  it('accepts nested rows that find their line and licence', () => {
    const doc = sample((d) => {
      d.tables.goodsLimits = [{ GoodsNo: '1', LicTypeCode: '408', LicenceNo: 'L1' }];
      d.tables.goodsLimitVins = [{ GoodsNo: '1', LicTypeCode: '408', LicenceNo: 'L1', VinCode: 'LSVAA4182E2123456' }];
    });
    expect(summary(check(doc, { codes: undefined }))).toEqual([]);
  });
});

describe('attachments, dates and the company statement', () => {
  it('warns a paperless declaration without invoice and packing list', () => {
    expect(summary(check(head({ EntryType: 'M' })))).toEqual([
      'edoc-missing@head.EntryType',
      'edoc-missing@head.EntryType',
    ]);
    const edocs = [
      { EdocID: '224800000001IM000000000000000001.pdf', EdocCode: '00000001', EdocFomatType: 'US' },
      { EdocID: '224800000002IM000000000000000002.pdf', EdocCode: '00000002', EdocFomatType: 'US' },
    ];
    expect(
      summary(
        check(
          head(
            { EntryType: 'M' },
            sample((d) => (d.tables.edocs = edocs)),
          ),
        ),
      ),
    ).toEqual([]);
    expect(summary(check(sample((d) => (d.tables.edocs = [{ ...edocs[0], EdocID: 'invoice.pdf' }]))))).toEqual([
      'edoc-id-format@edocs[0].EdocID',
    ]);
  });
  it('refuses an import date after today', () => {
    expect(summary(check(head({ IEDate: '20261123' })))).toEqual(['date-in-future@head.IEDate']);
    expect(summary(check(head({ IEDate: '20261122' })))).toEqual([]);
  });
  it('refuses the export statement code on an import', () => {
    expect(summary(check(sample((d) => (d.tables.promises = [{ DeclaratioMaterialCode: '102053' }]))))).toEqual([
      'promise-direction@promises[0].DeclaratioMaterialCode',
    ]);
    expect(summary(check(sample((d) => (d.tables.promises = [{ DeclaratioMaterialCode: '101040' }]))))).toEqual([]);
  });
});
