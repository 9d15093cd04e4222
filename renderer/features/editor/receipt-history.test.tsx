import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReceiptEntry } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import { ReceiptHistory } from './receipt-history';

const receipt: ReceiptEntry = {
  channel: 'P',
  note: '放行',
  noticeDate: '2026-12-07 10:00:00',
  entryId: '530120261000000001',
  seqNo: null,
  receivedAt: '2026-12-07T02:05:09.000Z',
  source: 'hub',
};

describe('the receipt history of a declaration (fake bridge)', () => {
  screenPerTest();
  restoreTimeZoneAfterEach();

  it('says when each receipt came on the machine’s clock, in zh-CN and en', async () => {
    process.env.TZ = 'America/New_York';
    renderWithBridge(
      { 'declarations.receipts': () => ({ ok: true, value: [receipt] }) },
      <ReceiptHistory id="01a2049e-b64f-7413-8ff9-f1a7a1258341" />,
    );
    // 02:05 UTC on the 7th is 21:05 on the 6th in New York; the table had written the stored UTC moment as it was.
    expect(await screen.findByRole('cell', { name: '2026-12-06 21:05:09' })).toBeTruthy();
    act(() => useUi.setState({ locale: 'en' }));
    expect(screen.getByRole('cell', { name: '2026-12-06 21:05:09' })).toBeTruthy();
  });

  it("shows customs' note only when it says more than the channel's name, in either language", async () => {
    const rows: ReceiptEntry[] = [
      { ...receipt, channel: 'L', note: '海关入库' },
      { ...receipt, channel: 'C', note: '查验通知：请于 12-08 到洋山查验场' },
    ];
    renderWithBridge(
      { 'declarations.receipts': () => ({ ok: true, value: rows }) },
      <ReceiptHistory id="01a2049e-b64f-7413-8ff9-f1a7a1258341" />,
    );
    act(() => useUi.setState({ locale: 'en' }));
    const [accepted, inspection] = (await screen.findAllByRole('row')).map((r) => r.textContent);
    expect(accepted).not.toMatch(/[\u4e00-\u9fff]/);
    expect(accepted).toContain('L Accepted by customs');
    expect(inspection).toContain('查验通知：请于 12-08 到洋山查验场');
    act(() => useUi.setState({ locale: 'zh-CN' }));
    expect(screen.getAllByRole('row')[0]?.textContent?.match(/海关入库/g)).toHaveLength(1);
  });
});
