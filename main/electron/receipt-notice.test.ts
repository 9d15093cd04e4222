import { describe, expect, it } from 'vitest';
import { reasonMessage } from '../../shared/api/errors';
import type { NoticeShell } from './receipt-notice';
import { notifyReceipt } from './receipt-notice';

/** Electron cannot run here: a fake shell records what the notification did. */
function fakeShell(supported = true) {
  const shown: Array<{ title: string; body: string; click(): void }> = [];
  const opened: Array<string | null> = [];
  const shell: NoticeShell = {
    supported: () => supported,
    create(options) {
      const entry: { title: string; body: string; click(): void } = { ...options, click: () => undefined };
      shown.push(entry);
      return {
        on: (_event, listener) => (entry.click = listener),
        show: () => undefined,
      };
    },
    open: (id) => void opened.push(id),
  };
  return { shell, shown, opened };
}

describe('receipt notifications (fake Electron notification)', () => {
  it('shows a release and, clicked, opens its declaration', () => {
    const { shell, shown, opened } = fakeShell();
    expect(
      notifyReceipt(
        'notice',
        { kind: 'released', message: 'SW1 已放行', declarationId: 'd1' },
        'SW Desk',
        'zh-CN',
        shell,
      ),
    ).toBe(true);
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'SW Desk', body: 'SW1 已放行' }]);
    shown[0]?.click();
    expect(opened).toEqual(['d1']);
  });

  it('shows a rejection too, but not other notices, other events, or where notifications are unsupported', () => {
    const { shell, shown } = fakeShell();
    expect(
      notifyReceipt('notice', { kind: 'rejected', message: 'x', declarationId: 'd2' }, 'SW Desk', 'zh-CN', shell),
    ).toBe(true);
    expect(notifyReceipt('notice', { kind: 'info', message: 'backup done' }, 'SW Desk', 'zh-CN', shell)).toBe(false);
    expect(notifyReceipt('declarations.changed', { ids: [] }, 'SW Desk', 'zh-CN', shell)).toBe(false);
    expect(shown).toHaveLength(1);
    const unsupported = fakeShell(false);
    expect(notifyReceipt('notice', { kind: 'released', message: 'x' }, 'SW Desk', 'zh-CN', unsupported.shell)).toBe(
      false,
    );
    expect(unsupported.shown).toHaveLength(0);
  });

  it('words a release, a refused 撤单申请 and a hub refusal in the UI language, not the English message', () => {
    const released = reasonMessage('notices.receipt', { seqNo: 'SW1', channel: 'P', entryId: '010120261000000001' });
    const refused = reasonMessage('notices.mod-answer', { seqNo: 'SW2', kind: 'cancel', outcome: 'refused' });
    const hub = reasonMessage('notices.rejected-by-hub', { seqNo: 'SW3' });
    const bodies = (locale: 'zh-CN' | 'en') => {
      const { shell, shown } = fakeShell();
      notifyReceipt('notice', { kind: 'released', ...released, declarationId: 'd1' }, 'SW Desk', locale, shell);
      notifyReceipt('notice', { kind: 'rejected', ...refused, declarationId: 'd2' }, 'SW Desk', locale, shell);
      notifyReceipt('notice', { kind: 'rejected', ...hub, declarationId: 'd3' }, 'SW Desk', locale, shell);
      return shown.map((s) => s.body);
    };
    expect(bodies('zh-CN')).toEqual([
      '报关单 SW1 海关已放行，海关编号 010120261000000001',
      'SW2 撤单申请未通过',
      '报关单 SW3 被数据交换中心拒收',
    ]);
    expect(bodies('en')).toEqual([
      'Declaration SW1: Released, customs no. 010120261000000001',
      'SW2: cancellation request refused',
      'Declaration SW3 was refused by the hub',
    ]);
  });
});
