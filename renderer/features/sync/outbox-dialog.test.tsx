import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../shared/api';
import { reasonMessage } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { useUi } from '../../state/ui-store';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { OutboxDialog } from './outbox-dialog';
import { timelineSteps } from './timeline';

const entry = (over: Partial<OutboxEntry>): OutboxEntry => ({
  submissionId: 's1',
  declarationId: '01a2049e-b64f-7413-8ff9-f1a7a1258340',
  clientSeqNo: 'SW261122ABCDEFGHJK',
  state: 'queued',
  attempts: 3,
  nextAttemptAt: '2026-11-22T08:00:30.000Z',
  lastError: reasonMessage('sync.hub-unreachable', {
    url: 'http://127.0.0.1:1',
    cause: 'connection-refused',
    detail: 'connect ECONNREFUSED 127.0.0.1:1',
  }),
  hubSeq: null,
  createdAt: '2026-11-22T08:00:00.000Z',
  updatedAt: '2026-11-22T08:00:10.000Z',
  ...over,
});

/** The text of `row`'s cell in the column whose header is `header`. */
function cellUnder(row: HTMLElement, header: string): string {
  const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
  const column = headers.indexOf(header);
  expect(column, `a column headed ${header}`).toBeGreaterThanOrEqual(0);
  return row.children[column]?.textContent ?? '';
}

describe('outbox view (fake bridge)', () => {
  let items: OutboxEntry[];
  let fake: ReturnType<typeof createFakeBridge>;
  beforeEach(() => {
    queryClient.clear();
    items = [
      entry({}),
      entry({
        submissionId: 's2',
        clientSeqNo: 'SW261122ZZZZZZZZZZ',
        state: 'accepted',
        attempts: 1,
        nextAttemptAt: null,
        lastError: null,
        hubSeq: 7,
      }),
    ];
    fake = createFakeBridge({
      'outbox.list': () => ({ ok: true, value: items }),
      'outbox.withdraw': () => {
        items = items.map((i) => (i.submissionId === 's1' ? { ...i, state: 'withdrawn' } : i));
        return { ok: true, value: { id: entry({}).declarationId, submissionId: 's1' } };
      },
    });
    setBridge(fake.bridge);
  });
  afterEach(cleanup);

  it('reads the outbox afresh each time it opens, even seconds after the last read', async () => {
    const view = (open: boolean) => (
      <QueryClientProvider client={queryClient}>
        <OutboxDialog open={open} onClose={() => undefined} />
      </QueryClientProvider>
    );
    const { rerender } = render(view(true));
    await screen.findByRole('row', { name: 'SW261122ABCDEFGHJK' });
    rerender(view(false));
    // Sent while the dialog was closed.
    items = [
      ...items,
      entry({
        submissionId: 's3',
        clientSeqNo: 'SW261122NEWNEWNEWN',
        state: 'accepted',
        attempts: 1,
        nextAttemptAt: null,
        lastError: null,
        hubSeq: 8,
      }),
    ];
    rerender(view(true));
    expect((await screen.findByRole('row', { name: 'SW261122NEWNEWNEWN' })).textContent).toContain('已接收');
  });

  it('shows each item with its state, attempts and last error, and withdraws a queued one', async () => {
    render(
      <QueryClientProvider client={queryClient}>
        <OutboxDialog open onClose={() => undefined} />
      </QueryClientProvider>,
    );
    const queued = await screen.findByRole('row', { name: 'SW261122ABCDEFGHJK' });
    expect(queued.textContent).toContain('待发送');
    // main's reason in the UI language, not its English text.
    expect(queued.textContent).toContain('无法连接数据交换中心 http://127.0.0.1:1：该地址和端口上没有程序应答');
    // The library's English is not in the sentence: it is folded under 详情 in the same cell, for support.
    const fold = within(queued).getByText('详情（供技术支持）').closest('details');
    expect(fold?.querySelector('pre')?.textContent).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(cellUnder(queued, '最近错误').split('详情')[0]).not.toContain('ECONNREFUSED');
    // The attempts column itself (the row's text holds other 3s: times, the error's address).
    expect(cellUnder(queued, '尝试次数')).toBe('3');
    expect(cellUnder(queued, '状态')).toBe('待发送');
    const accepted = screen.getByRole('row', { name: 'SW261122ZZZZZZZZZZ' });
    expect(accepted.textContent).toContain('已接收');
    // Only a queued item can be withdrawn.
    expect(screen.getAllByRole('button', { name: '撤回' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '撤回' }));
    await waitFor(() => expect(fake.calls.some((c) => c.method === 'outbox.withdraw')).toBe(true));
    expect(fake.calls.find((c) => c.method === 'outbox.withdraw')?.input).toEqual({
      declarationId: entry({}).declarationId,
    });
    await waitFor(() =>
      expect(screen.getByRole('row', { name: 'SW261122ABCDEFGHJK' }).textContent).toContain('已撤回'),
    );
  });

  it('heads the column of its withdraw buttons with the app’s one word for row buttons, in Chinese and English', async () => {
    try {
      for (const locale of ['zh-CN', 'en'] as const) {
        useUi.setState({ locale });
        render(
          <QueryClientProvider client={queryClient}>
            <OutboxDialog open onClose={() => undefined} />
          </QueryClientProvider>,
        );
        await screen.findByRole('row', { name: 'SW261122ABCDEFGHJK' });
        const heads = screen.getAllByRole('columnheader').map((th) => th.textContent ?? '');
        expect(heads.filter((head) => head === '')).toEqual([]);
        expect(heads.at(-1)).toBe(messages[locale].actionsColumn);
        cleanup();
      }
    } finally {
      useUi.setState({ locale: 'zh-CN' });
    }
  });
});

describe('timeline steps', () => {
  it('folds one person’s consecutive edits into one step and keeps everything else in order', () => {
    const steps = timelineSteps(
      [
        { revision: 1, at: 't1', actor: 'a', action: 'create', changes: {} },
        { revision: 2, at: 't2', actor: 'a', action: 'edit', changes: [{}, {}] },
        { revision: 3, at: 't3', actor: 'a', action: 'edit', changes: [{}] },
        { revision: 4, at: 't4', actor: 'b', action: 'edit', changes: [{}] },
        { revision: 5, at: 't5', actor: 'b', action: 'declare', changes: {} },
        { revision: 6, at: 't6', actor: 'customs', action: 'receipt', changes: { channel: 'P' } },
      ],
      (e) => (e.action === 'receipt' ? 'P' : ''),
    );
    expect(steps.map((s) => [s.action, s.actor, s.count, s.at])).toEqual([
      ['create', 'a', 1, 't1'],
      ['edit', 'a', 3, 't3'],
      ['edit', 'b', 1, 't4'],
      ['declare', 'b', 1, 't5'],
      ['receipt', 'customs', 1, 't6'],
    ]);
    expect(steps.at(-1)?.detail).toBe('P');
  });
});
