import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test-support/main/app-error';
import { AppError } from '../api/errors';
import { emptyDoc } from './document';
import { goodsDeclaration } from './goods-declaration';
import { applyPatch } from './patch';

describe('applyPatch on the complete catalog', () => {
  it('creates a single-row block with its first value and drops it when its last value is cleared', () => {
    const { doc, effect } = applyPatch(goodsDeclaration, emptyDoc(), [
      { op: 'set', path: 'freeText[0].VoyNo', value: '123E' },
    ]);
    expect(doc.tables.freeText).toEqual([{ VoyNo: '123E' }]);
    expect(effect.touchedRows.get('freeText')).toEqual(new Set([0]));
    const cleared = applyPatch(goodsDeclaration, doc, [{ op: 'set', path: 'freeText[0].VoyNo', value: '' }]);
    expect(cleared.doc.tables.freeText).toBeUndefined();
    expect(cleared.effect.restructured.has('freeText')).toBe(true);
  });

  it('refuses a second row of a single-row block, naming it, and changes nothing', () => {
    const doc = emptyDoc();
    // The program's own naming of the bad edit is the refusal's detail (for support); its sentence is worded.
    const refused = errorOf(() =>
      applyPatch(goodsDeclaration, doc, [{ op: 'set', path: 'freeText[1].VoyNo', value: 'x' }]),
    );
    expect(refused.params.detail).toMatch(/Free text.*appears once/);
    expect(() => applyPatch(goodsDeclaration, doc, [{ op: 'insertRow', table: 'sign' }])).toThrow(AppError);
    expect(doc).toEqual(emptyDoc());
  });

  it('keeps DecHead and DecSign elements of the same name apart', () => {
    const { doc } = applyPatch(goodsDeclaration, emptyDoc(), [
      { op: 'set', path: 'head.CopCode', value: '123456789' },
      { op: 'set', path: 'sign[0].CopCode', value: '91310000MA1FL0XX00' },
    ]);
    expect(doc.head.CopCode).toBe('123456789');
    expect(doc.tables.sign?.[0]?.CopCode).toBe('91310000MA1FL0XX00');
  });

  it('edits nested tables as flat rows', () => {
    const { doc } = applyPatch(goodsDeclaration, emptyDoc(), [
      { op: 'insertRow', table: 'lines', row: { CodeTS: '8703231910' } },
      { op: 'insertRow', table: 'goodsLimits', row: { GoodsNo: '1', LicTypeCode: '408', LicenceNo: 'L1' } },
      {
        op: 'insertRow',
        table: 'goodsLimitVins',
        row: { GoodsNo: '1', LicTypeCode: '408', LicenceNo: 'L1', VinCode: 'LSVAA4182E2123456' },
      },
    ]);
    expect(doc.tables.goodsLimitVins?.[0]?.VinCode).toBe('LSVAA4182E2123456');
  });

  it('refuses a field the section does not have', () => {
    const refused = errorOf(() =>
      applyPatch(goodsDeclaration, emptyDoc(), [{ op: 'set', path: 'containers[0].VoyNo', value: 'x' }]),
    );
    expect(refused.params.detail).toMatch(/no field "VoyNo" in containers/);
  });
});
