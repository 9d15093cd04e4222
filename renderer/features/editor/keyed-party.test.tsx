import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyedParty } from '../../../shared/api';
import type { DeclarationDoc, Row } from '../../../shared/catalog';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { useEditorUi } from './editor-store';
import { testFieldContext } from '../../../test-support/renderer/field-context';
import { headGroups } from './form-layout';
import { FieldGroups } from './head-form';
import { keyedCodeOf, planFill } from './keyed-party';
import { useKeyedParty } from './use-keyed-party';

// The libraries learn from what is keyed: a customs code or USCC keyed in full in a party box fills the box
// (fake bridge: parties.keyed answers as main would, held to the contract).

const ID = '01a2049e-b64f-7413-8ff9-f1a7a1258341';
const fruit: KeyedParty = {
  source: 'library',
  party: {
    nameZh: '上海鲜果贸易有限公司',
    nameEn: 'Shanghai Fresh Fruit Trading',
    customsCode: '3101230456',
    uscc: '91310000132212345R',
    ciqCode: '3100000123',
  },
};

describe('which fields a keyed code fills', () => {
  const keyed = keyedCodeOf('head.TradeCoScc', '91310000132212345R', 'I');

  it('takes a full customs code or USCC in a domestic party box, nothing else', () => {
    expect(keyed).toEqual({ slot: 'trade', kind: 'uscc', field: 'TradeCoScc', value: '91310000132212345R' });
    expect(keyedCodeOf('head.AgentCode', '3120980123', 'E')).toMatchObject({ slot: 'agent', kind: 'code' });
    expect(keyedCodeOf('head.OwnerCode', '312098012', 'I')).toBeNull();
    expect(keyedCodeOf('head.TradeCoScc', '9131000013221234', 'I')).toBeNull();
    expect(keyedCodeOf('head.OverseasConsignorCode', '3120980123', 'I')).toBeNull();
    expect(keyedCodeOf('head.BillNo', '3120980123', 'I')).toBeNull();
  });

  it('fills the other fields, replacing an earlier party’s values but not what was typed since or with nothing', () => {
    if (!keyed) throw new Error('not keyed');
    const atKeying: Row = { TradeCoScc: keyed.value, TradeName: '旧公司', TradeCode: '3100000000' };
    const now: Row = { ...atKeying, TradeCode: '3101239999' };
    const lacking: KeyedParty = { ...fruit, party: { ...fruit.party, ciqCode: '' } };
    expect(planFill(keyed, lacking, atKeying, now, 'I')).toEqual({
      slot: 'trade',
      keyed,
      source: 'library',
      fields: ['name', 'nameEn'],
      writes: {
        'head.TradeName': '上海鲜果贸易有限公司',
        'head.DomesticConsigneeEname': 'Shanghai Fresh Fruit Trading',
      },
      previous: { 'head.TradeName': '旧公司', 'head.DomesticConsigneeEname': '' },
    });
    // The keyed field changed since (an 11th character, another code): nothing.
    expect(planFill(keyed, fruit, atKeying, { ...now, TradeCoScc: '91310000132212345' }, 'I')).toBeNull();
    // A box that already says it all: nothing.
    const full: Row = { TradeCoScc: keyed.value, TradeName: fruit.party.nameZh, TradeCode: '3101230456' };
    expect(
      planFill(
        keyed,
        fruit,
        full,
        { ...full, DomesticConsigneeEname: fruit.party.nameEn, TradeCiqCode: '3100000123' },
        'I',
      ),
    ).toBeNull();
  });
});

/** The head's 境内收发货人 box as the editor shows it, over a working copy keyed through useKeyedParty. */
function TradeBox({ initial }: { initial: Row }) {
  const [doc, setDoc] = useState<DeclarationDoc>({ head: initial, lines: [], tables: {} });
  const docRef = useRef(doc);
  const setRaw = (path: string, value: string) => {
    const key = path.replace(/^head\./, '');
    const next = { ...docRef.current, head: { ...docRef.current.head, [key]: value } };
    docRef.current = next;
    setDoc(next);
  };
  const setField = useKeyedParty({ setField: setRaw, docRef, commit: () => undefined }, ID, 'I');
  const ctx = testFieldContext(doc, { setField });
  return <FieldGroups groups={headGroups.filter((g) => g.id === 'trade')} ctx={ctx} />;
}

const input = (path: string) => {
  const found = document.querySelector<HTMLInputElement>(`[data-path="${path}"]`);
  if (!found) throw new Error(`no field ${path}`);
  return found;
};

describe('keying a USCC in 境内收发货人', () => {
  beforeEach(() => {
    queryClient.clear();
    useEditorUi.getState().reset();
  });
  afterEach(cleanup);

  it('fills the box from the party library with a note, and 撤销 puts back exactly what was there', async () => {
    const fake = createFakeBridge({ 'parties.keyed': () => ({ ok: true, value: fruit }) });
    setBridge(fake.bridge);
    render(
      <QueryClientProvider client={queryClient}>
        <TradeBox initial={{ TradeName: '旧公司', TradeCiqCode: '3100000999' }} />
      </QueryClientProvider>,
    );
    fireEvent.change(input('head.TradeCoScc'), { target: { value: '91310000132212345R' } });
    const note = await screen.findByText(/已按 91310000132212345R 从企业库填入/);
    expect(note.textContent).toContain('填入 名称、英文名称、海关编码、检验检疫编码 ·');
    expect(fake.calls).toEqual([
      { method: 'parties.keyed', input: { kind: 'uscc', value: '91310000132212345R', exceptId: ID } },
    ]);
    expect(input('head.TradeName').value).toBe('上海鲜果贸易有限公司');
    expect(input('head.TradeCode').value).toBe('3101230456');
    expect(input('head.TradeCiqCode').value).toBe('3100000123');

    act(() => screen.getByRole('button', { name: /撤销/ }).click());
    expect(input('head.TradeName').value).toBe('旧公司');
    expect(input('head.TradeCode').value).toBe('');
    expect(input('head.TradeCiqCode').value).toBe('3100000999');
    expect(input('head.TradeCoScc').value).toBe('91310000132212345R');
    expect(screen.queryByText(/已按/)).toBeNull();
  });

  it('changes nothing for a code nobody holds, and the note goes once the broker edits the box', async () => {
    let answer: KeyedParty | null = null;
    const fake = createFakeBridge({ 'parties.keyed': () => ({ ok: true, value: answer }) });
    setBridge(fake.bridge);
    render(
      <QueryClientProvider client={queryClient}>
        <TradeBox initial={{}} />
      </QueryClientProvider>,
    );
    fireEvent.change(input('head.TradeCode'), { target: { value: '3101230457' } });
    await waitFor(() => expect(fake.calls).toHaveLength(1));
    await act(() => Promise.resolve());
    expect(input('head.TradeCode').value).toBe('3101230457');
    expect(input('head.TradeName').value).toBe('');
    expect(screen.queryByRole('status')).toBeNull();

    answer = { source: 'declaration', clientSeqNo: 'SW261122000000001', party: fruit.party };
    fireEvent.change(input('head.TradeCode'), { target: { value: '3101230456' } });
    await screen.findByText(
      /已按 3101230456 从报关单 SW261122000000001 填入 名称、英文名称、统一社会信用代码、检验检疫编码/,
    );
    fireEvent.change(input('head.TradeName'), { target: { value: '上海鲜果' } });
    expect(screen.queryByText(/已按/)).toBeNull();
  });
});
