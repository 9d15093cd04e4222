import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { interchangeEn } from './messages-en';
import { type InterchangeMessages, interchangeZh } from './messages-zh';

// The interchange and print screens' own wording, kept beside them.

export const interchangeMessages: ByLocale<InterchangeMessages> = { 'zh-CN': interchangeZh, en: interchangeEn };
export const useInterchangeT = messagesHook(interchangeMessages);
export type { InterchangeMessages };
