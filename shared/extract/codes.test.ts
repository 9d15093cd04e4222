import { describe, expect, it } from 'vitest';
import { builtinFinder } from '../../test-support/main/code-tables';
import { countryCode, unitCode } from './codes';

const codes = builtinFinder();

describe('codes of what documents print', () => {
  it('gives units as invoices abbreviate them their 计量单位 code, machines counted in UNITS and shoes in PAIRS', () => {
    const printed = ['PCS', 'pcs.', 'SETS', 'KGS', 'UNITS', 'Unit', 'PAIRS', 'PRS', '台', '件', '双'];
    expect(printed.map((p) => unitCode(codes, p))).toEqual([
      '007',
      '007',
      '006',
      '035',
      '001',
      '001',
      '025',
      '025',
      '001',
      '011',
      '025',
    ]);
    expect(unitCode(codes, 'WIDGETS')).toBeUndefined();
  });

  it('gives countries as documents name them their ISO alpha-3 code', () => {
    const printed = [
      'Italy',
      'ITALY',
      '意大利',
      'Made in Italy',
      'P.R.C.',
      'PRC',
      'U.S.A.',
      'USA',
      'U.K.',
      '原产国：中国',
    ];
    expect(printed.map((p) => countryCode(codes, p))).toEqual([
      'ITA',
      'ITA',
      'ITA',
      'ITA',
      'CHN',
      'CHN',
      'USA',
      'USA',
      'GBR',
      'CHN',
    ]);
    expect(countryCode(codes, 'Atlantis')).toBeUndefined();
  });
});
