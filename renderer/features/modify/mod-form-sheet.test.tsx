import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModRequestEntry } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { ModFormSheet } from './mod-form-sheet';

// The printed 进出口货物报关单修改/撤销表 of a request, opened from the editor's header.

const request: ModRequestEntry = {
  requestId: 'r1',
  kind: 'modify',
  state: 'approved',
  reasonCase: 6,
  note: '毛重录入错误',
  head: {
    DecModType: '1',
    EntryId: '220120261000000001',
    DecSeqNo: 'I20260000000000001',
    CustomsCode: '2201',
    IeFlag: 'I',
    TradeCode: '3101230456',
    TradeName: '上海鲜果贸易有限公司',
    TradeCreditCode: '',
    AgentCode: '3120980123',
    AgentName: '上海捷通报关有限公司',
    AgentCreditCode: '',
    DecModNote: '计算机、网络系统等技术原因导致电子数据申报错误；毛重录入错误',
  },
  changes: [
    {
      no: 1,
      table: 'head',
      row: null,
      fieldCode: 'GrossWet',
      fieldName: '毛重',
      oldValue: '1200',
      newValue: '1300',
      oldName: '',
      newName: '',
    },
    {
      no: 2,
      table: 'lines',
      row: 0,
      fieldCode: 'GModel@1',
      fieldName: '规格型号',
      oldValue: '0|0|鲜苹果',
      newValue: '0|0|鲜苹果|富士',
      oldName: '',
      newName: '',
    },
  ],
  modSeqNo: 'M20260000000000001',
  lastError: null,
  answer: null,
  createdAt: '2026-12-07T17:30:00.000Z',
  updatedAt: '2026-12-07T17:30:00.000Z',
};

describe('the printed 报关单修改/撤销表', () => {
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it("carries the declaration's number and type, the parties, each data item old → new, the reason and date; Esc closes", () => {
    let open = true;
    render(<ModFormSheet request={request} tradeName="" onClose={() => (open = false)} />);
    const sheet = screen.getByRole('dialog', { name: '进出口货物报关单修改/撤销表' });
    const text = sheet.textContent ?? '';
    expect(text).toContain('报关单编号220120261000000001');
    expect(text).toContain('☑ 进口 ☐ 出口');
    expect(text).toContain('☑ 修改 ☐ 撤销');
    expect(text).toContain('经营单位（境内收发货人）名称上海鲜果贸易有限公司');
    expect(text).toContain('修撤单统一编号：M20260000000000001');
    const items = within(within(sheet).getByRole('table', { name: '报关单数据项' })).getAllByRole('row');
    expect(items.map((r) => r.textContent)).toEqual([
      '报关单数据项原填报内容应填报内容核查情况（海关填写）',
      '毛重(千克)12001300',
      '第1项 规格型号0|0|鲜苹果0|0|鲜苹果|富士',
    ]);
    expect(text).toContain('修改或撤销原因计算机、网络系统等技术原因导致电子数据申报错误；毛重录入错误');
    // Signed at 01:30 on 8 December in China: the form is dated as China dates it.
    expect(text).toContain('申请日期2026-12-08');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(open).toBe(false);
  });

  it('is in English when the UI is; a cancellation ticks 撤销 and lists no data item', () => {
    useUi.setState({ locale: 'en' });
    let open = true;
    const cancel = {
      ...request,
      kind: 'cancel' as const,
      changes: [],
      head: { ...request.head, DecModType: '2' as const },
    };
    render(<ModFormSheet request={cancel} tradeName="" onClose={() => (open = false)} />);
    const sheet = screen.getByRole('dialog', { name: 'Declaration modification/cancellation form' });
    expect(sheet.textContent).toContain('☐ Modification ☑ Cancellation');
    expect(within(within(sheet).getByRole('table', { name: 'Data item' })).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(within(sheet).getByRole('button', { name: 'Close' }));
    expect(open).toBe(false);
  });
});
