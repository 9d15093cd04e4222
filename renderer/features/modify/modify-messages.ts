import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { modifyEn } from './modify-messages-en';
import { type ModifyMessages, modifyZh } from './modify-messages-zh';

// 修撤单's wording: the request buttons, the editable copy, the confirmation and the cancellation.

export const modifyMessages: ByLocale<ModifyMessages> = { 'zh-CN': modifyZh, en: modifyEn };
export const useModifyT = messagesHook(modifyMessages);
export type { ModifyMessages };
