import type { EventName, EventPayload } from '../../shared/api';
import { desktopNoticeText } from '../../shared/api/reasons/sync';
import type { Locale } from '../../shared/i18n/locale';

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
export function notifyReceipt(
  event: EventName,
  payload: unknown,
  title: string,
  locale: Locale,
  shell: NoticeShell,
): boolean {
  if (event !== 'notice' || !shell.supported()) return false;
  const notice = payload as EventPayload<'notice'>;
  if (notice.kind !== 'released' && notice.kind !== 'rejected') return false;
  // In the language the broker chose, as the window says it: the notice's message is English.
  const shown = shell.create({ title, body: desktopNoticeText(notice, locale) });
  shown.on('click', () => shell.open(notice.declarationId ?? null));
  shown.show();
  return true;
}
