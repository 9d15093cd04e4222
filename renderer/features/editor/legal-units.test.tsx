import { act, renderHook, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PatchOp } from '../../../shared/api';
import type { DeclarationDoc, Row } from '../../../shared/catalog';
import type { TariffInfo } from '../../../shared/code-tables/tariff';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { applyLocal } from './use-doc-editor';
import { useLegalUnits } from './use-legal-units';
import { useLineAmounts } from './use-line-amounts';

// A goods line's 商品编号 sets its legal units from the tariff, as the editor chains it: useLegalUnits over
// useLineAmounts over the working copy (fake bridge: tariff.getMany answers as main would, held to the contract).

const ID = '01a2049e-b64f-7413-8ff9-f1a7a1258341';
const tariffLine = (code: string, firstUnit: string, secondUnit: string): TariffInfo => ({
  code,
  name: code,
  firstUnit,
  secondUnit,
  elements: [],
  conditions: '',
  inspection: '',
});
const tariff = [
  tariffLine('0808100000', '035', ''), // 鲜苹果: 千克
  tariffLine('2204210000', '095', '035'), // 葡萄酒: 升, 千克
  tariffLine('8703234110', '007', '035'), // 小轿车: 辆, 千克
];

function useEditorChain(lines: Row[]) {
  const docRef = useRef<DeclarationDoc>({ head: { IEFlag: 'I' }, lines, tables: {} });
  const structural = (op: PatchOp) => {
    docRef.current = applyLocal(docRef.current, op);
  };
  const setField = (path: string, value: string) => structural({ op: 'set', path, value });
  const amounts = useLineAmounts({ setField, structural, docRef }, ID);
  return { docRef, ...useLegalUnits({ ...amounts, docRef }, ID) };
}

function start(lines: Row[]) {
  const fake = createFakeBridge({
    'tariff.getMany': (input) => {
      const { codes } = input as { codes: string[] };
      return { ok: true, value: tariff.filter((t) => codes.includes(t.code)) };
    },
  });
  setBridge(fake.bridge);
  const { result } = renderHook(() => useEditorChain(lines));
  const line = (i = 0) => result.current.docRef.current.lines[i] ?? {};
  return { editor: () => result.current, line };
}

describe('a goods line’s legal units follow its 商品编号', () => {
  beforeEach(() => queryClient.clear());

  it('fills both units from the tariff, and the legal quantity follows when the unit is the deal unit', async () => {
    const { editor, line } = start([{ GQty: '1000', GUnit: '035' }]);
    act(() => editor().setField('lines[0].CodeTS', '2204210000'));
    await waitFor(() => expect(line()).toMatchObject({ FirstUnit: '095', SecondUnit: '035', SecondQty: '1000' }));
    expect(line().FirstQty ?? '').toBe('');
  });

  it('replaces the units left from the previous code, clearing a second unit the new code has none of', async () => {
    const { editor, line } = start([{ GQty: '1000', GUnit: '035' }]);
    act(() => editor().setField('lines[0].CodeTS', '2204210000'));
    await waitFor(() => expect(line().SecondUnit).toBe('035'));
    // A unit typed by hand for the wine code is left from it once the code changes: not deliberate for apples.
    act(() => editor().setField('lines[0].FirstUnit', '011'));
    act(() => editor().setField('lines[0].CodeTS', '0808100000'));
    await waitFor(() => expect(line()).toMatchObject({ FirstUnit: '035', FirstQty: '1000' }));
    expect(line().SecondUnit ?? '').toBe('');
  });

  it('keeps a unit the broker typed by hand for this code, also when the tariff answers after it', async () => {
    const { editor, line } = start([{}, {}]);
    act(() => {
      editor().setField('lines[0].CodeTS', '8703234110');
      // Typed before the tariff's answer arrived, while the line holds the code: deliberate.
      editor().setField('lines[0].FirstUnit', '001');
    });
    await waitFor(() => expect(line().SecondUnit).toBe('035'));
    expect(line().FirstUnit).toBe('001');
    // The code keyed again (the same one): the typed unit still stands. The tariff's answer for another line's code,
    // asked for after it, says the answer for this one has been acted on.
    act(() => {
      editor().setField('lines[0].CodeTS', '8703234110');
      editor().setField('lines[1].CodeTS', '0808100000');
    });
    await waitFor(() => expect(line(1).FirstUnit).toBe('035'));
    expect(line().FirstUnit).toBe('001');
  });

  it('fills a line pasted over another, whose row still carries the old code’s units', async () => {
    const old: Row = { CodeTS: '2204210000', FirstUnit: '095', SecondUnit: '035', GQty: '20', GUnit: '035' };
    const { editor, line } = start([old]);
    act(() => {
      editor().structural({ op: 'removeRow', table: 'lines', index: 0 });
      editor().structural({ op: 'insertRow', table: 'lines', index: 0, row: { ...old, CodeTS: '0808100000' } });
    });
    await waitFor(() => expect(line()).toMatchObject({ FirstUnit: '035', FirstQty: '20' }));
    expect(line().SecondUnit ?? '').toBe('');
  });

  it('fills the units of a product from the library that has none, written as empty after its code', async () => {
    const { editor, line } = start([{}]);
    act(() => {
      editor().setField('lines[0].CodeTS', '2204210000');
      editor().setField('lines[0].FirstUnit', '');
      editor().setField('lines[0].SecondUnit', '');
    });
    await waitFor(() => expect(line()).toMatchObject({ FirstUnit: '095', SecondUnit: '035' }));
  });

  it('leaves a code the tariff does not know alone', async () => {
    const { editor, line } = start([{ FirstUnit: '011' }, {}]);
    act(() => editor().setField('lines[0].CodeTS', '0808109999'));
    act(() => editor().setField('lines[1].CodeTS', '0808100000'));
    await waitFor(() => expect(line(1).FirstUnit).toBe('035'));
    expect(line().FirstUnit).toBe('011');
  });
});
