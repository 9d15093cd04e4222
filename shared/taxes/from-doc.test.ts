import { describe, expect, it } from 'vitest';
import { taxInputFromDoc } from './from-doc';
import { tariffRatesFromRow } from './tariff-rates';

describe('the estimate’s input from a declaration and the tariff', () => {
  it('reads the head’s marks, the lines, and the agreement its origin certificate names', () => {
    const doc = {
      head: { IEFlag: 'I', TransMode: '3', FeeMark: '3', FeeRate: '100', FeeCurr: 'USD', GrossWet: '12' },
      lines: [{ CodeTS: '0101210010', DeclTotal: '10', TradeCurr: 'USD', FirstQty: '1', FirstUnit: '035' }],
      tables: { ecoRelations: [{ CertType: 'Y02', DecGNo: '1' }] },
    };
    const input = taxInputFromDoc(doc);
    expect(input.head).toMatchObject({ transMode: '3', feeMark: '3', feeRate: '100', grossWt: '12', agreement: '02' });
    expect(input.lines[0]).toMatchObject({ codeTs: '0101210010', declTotal: '10', firstUnit: '035', secondQty: '' });
    const licence = taxInputFromDoc({
      head: {},
      lines: [],
      tables: { licenceDocs: [{ DocuCode: 'Y', CertCode: '<08>F123' }] },
    });
    expect(licence.head.agreement).toBe('08');
  });

  it('takes a tariff row’s rates as written, and its per-agreement rates where the table has them', () => {
    const source = { table: 'tariff', version: 'v', asOf: '2026-08-01' };
    const row = {
      code: '1',
      mfn_rate: '10%',
      provisional_rate: '',
      general_rate: '30%',
      vat_rate: '13%',
      consumption_tax: '0%',
    };
    expect(tariffRatesFromRow({ ...row, agreement_rates: '02:5%; 08：0' }, source)).toEqual({
      code: '1',
      mfn: '10%',
      provisional: '',
      general: '30%',
      consumption: '0%',
      vat: '13%',
      agreements: { '02': '5%', '08': '0' },
      source,
    });
  });
});
