import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { extractEn } from './messages-en';
import { type ExtractMessages, extractZh } from './messages-zh';

// The review screen's own wording, kept beside it.

export const extractMessages: ByLocale<ExtractMessages> = { 'zh-CN': extractZh, en: extractEn };
export const useExtractT = messagesHook(extractMessages);
export type { ExtractMessages };
