import type { Locale } from '../../../shared/i18n/locale';
import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { syncEn } from './messages-en';
import { type SyncMessages, syncZh } from './messages-zh';

// The outbox and timeline wording, kept beside those views.

export const syncMessages: ByLocale<SyncMessages> = { 'zh-CN': syncZh, en: syncEn };
export const useSyncT = messagesHook(syncMessages);

// A moment is written as the UI language writes dates (2026/11/22 08:00:00 or 11/22/2026, 08:00:00).
export function localTime(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale, { hour12: false });
}
