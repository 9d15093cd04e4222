import type { EventName } from '../../shared/api';

/** The part of Electron's Notification used here. */
export interface ShownNotification {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface NoticeShell {
  supported(): boolean;
  create(options: { title: string; body: string }): ShownNotification;
  /** Brings the window forward on that declaration. */
  open(declarationId: string | null): void;
}

/**
 * Receipts reach the broker with the window in the background: a release or a rejection shows
 * a system notification, and clicking it brings the window forward on that declaration (other
 * notices stay in the window). Returns whether one was shown.
 */
export function notifyReceipt(event: EventName, payload: unknown, title: string, shell: NoticeShell): boolean {
  if (event !== 'notice' || !shell.supported()) return false;
  const notice = payload as { kind?: string; message?: string; declarationId?: string };
  if (notice.kind !== 'released' && notice.kind !== 'rejected') return false;
  const shown = shell.create({ title, body: notice.message ?? '' });
  shown.on('click', () => shell.open(notice.declarationId ?? null));
  shown.show();
  return true;
}
