import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { syncEn } from './messages-en';
import { type SyncMessages, syncZh } from './messages-zh';

// The outbox and timeline wording, kept beside those views.

export const syncMessages: ByLocale<SyncMessages> = { 'zh-CN': syncZh, en: syncEn };
export const useSyncT = messagesHook(syncMessages);
