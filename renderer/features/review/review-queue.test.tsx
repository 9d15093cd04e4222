import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, ReviewQueueItem } from '../../../shared/api';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { renderWithBridge } from '../../../test-support/renderer/render-with-bridge';
import { declarationSummary } from '../../../test-support/shared/records';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import { listColumns } from '../declaration-list/list-columns';
import { messages } from '../../i18n/messages';
import { actionFor, keymap } from '../editor/keymap';
import { ReviewQueueDialog, useReviewQueueUi } from './review-queue';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const item = (over: Partial<ReviewQueueItem>): ReviewQueueItem => ({
  declarationId: '01a2049e-b64f-7413-8ff9-f1a7a1258341',
  clientSeqNo: 'D20261207001',
  ieFlag: 'I',
  tradeName: '上海捷通贸易有限公司',
  billNo: 'MSKU1234567',
  preparer: '王芳',
  submittedAt: '2026-12-07T01:05:00.000Z',
  lineCount: 3,
  ...over,
});
const second = item({
  declarationId: '01a2049e-b64f-7413-8ff9-f1a7a1258342',
  clientSeqNo: 'D20261207002',
  tradeName: '宁波海天进出口有限公司',
  billNo: 'COSU7654321',
  preparer: '张伟',
  submittedAt: '2026-12-07T02:40:00.000Z',
  lineCount: 12,
});

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

// The machine's clock, neither UTC nor China time: the queue must write it as the declaration list does.
const machineZone = 'America/New_York';

describe('the review queue (待复核, Alt+Q; fake bridge)', () => {
  beforeEach(() => {
    process.env.TZ = machineZone;
    queryClient.clear();
    useUi.setState({ locale: 'zh-CN', notices: [], selectedId: null, view: 'list' });
    useReviewQueueUi.setState({ open: false });
  });
  restoreTimeZoneAfterEach();
  afterEach(() => {
    cleanup();
  });

  it('lists who submitted each, when (the machine’s clock, as the declaration list writes it), the consignee, 提运单号 and lines; ↓ and Enter open one in the editor', async () => {
    renderWithBridge({ 'review.queue': () => ok([item({}), second]) }, <ReviewQueueDialog />);
    act(() => useReviewQueueUi.getState().setOpen(true));
    const dialog = await screen.findByRole('dialog', { name: '待复核' });
    expect(await within(dialog).findByText('共 2 份待复核，↑↓ 选择，Enter 打开')).toBeTruthy();
    const heads = within(dialog)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(heads).toEqual(['提交人', '提交时间', '客户端编号', '境内收发货人', '提运单号', '商品项数']);
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['王芳', '12-06 20:05', 'D20261207001', '上海捷通贸易有限公司', 'MSKU1234567', '3'],
      ['张伟', '12-06 21:40', 'D20261207002', '宁波海天进出口有限公司', 'COSU7654321', '12'],
    ]);
    const updated = listColumns.find((c) => c.id === 'updatedAt');
    const listed = updated?.text(
      declarationSummary({ updatedAt: item({}).submittedAt }),
      messages['zh-CN'],
      'zh-CN',
      () => '',
    );
    expect(listed).toBe('2026-12-06 20:05');
    expect(document.activeElement).toBe(rows[0]);
    fireEvent.keyDown(rows[0] as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1] as HTMLElement, { key: 'Enter' });
    expect(useUi.getState()).toMatchObject({ selectedId: second.declarationId, view: 'editor' });
    expect(useReviewQueueUi.getState().open).toBe(false);
  });

  it('speaks English, and says when nothing is waiting', async () => {
    useUi.setState({ locale: 'en' });
    renderWithBridge({ 'review.queue': () => ok([]) }, <ReviewQueueDialog />);
    act(() => useReviewQueueUi.getState().setOpen(true));
    const dialog = await screen.findByRole('dialog', { name: 'Awaiting review' });
    expect(await within(dialog).findByText('No declaration is awaiting review')).toBeTruthy();
    expect(within(dialog).queryByRole('table')).toBeNull();
  });

  it('opens from anywhere with Alt+Q, which the F1 help lists in both languages', () => {
    const event = new KeyboardEvent('keydown', { key: 'q', code: 'KeyQ', altKey: true });
    expect(actionFor(event, 'app')).toBe('review-queue');
    expect(keymap.find((k) => k.action === 'review-queue')).toMatchObject({
      scope: 'app',
      zh: '待复核报关单（Enter 打开）',
      en: 'Declarations awaiting review (Enter opens one)',
    });
  });
});
