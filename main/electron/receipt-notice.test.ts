import { describe, expect, it } from 'vitest';
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
      notifyReceipt('notice', { kind: 'released', message: 'SW1 已放行', declarationId: 'd1' }, 'SW Desk', shell),
    ).toBe(true);
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'SW Desk', body: 'SW1 已放行' }]);
    shown[0]?.click();
    expect(opened).toEqual(['d1']);
  });

  it('shows a rejection too, but not other notices, other events, or where notifications are unsupported', () => {
    const { shell, shown } = fakeShell();
    expect(notifyReceipt('notice', { kind: 'rejected', message: 'x', declarationId: 'd2' }, 'SW Desk', shell)).toBe(
      true,
    );
    expect(notifyReceipt('notice', { kind: 'info', message: 'backup done' }, 'SW Desk', shell)).toBe(false);
    expect(notifyReceipt('declarations.changed', { ids: [] }, 'SW Desk', shell)).toBe(false);
    expect(shown).toHaveLength(1);
    const unsupported = fakeShell(false);
    expect(notifyReceipt('notice', { kind: 'released', message: 'x' }, 'SW Desk', unsupported.shell)).toBe(false);
    expect(unsupported.shown).toHaveLength(0);
  });
});
