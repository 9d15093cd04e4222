import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { codeTablesEn } from './messages-en';
import { type CodeTablesMessages, codeTablesZh } from './messages-zh';

// The 代码表 settings screen's wording, beside it.

export const codeTablesMessages: ByLocale<CodeTablesMessages> = { 'zh-CN': codeTablesZh, en: codeTablesEn };
export const useCodeTablesT = messagesHook(codeTablesMessages);
export type { CodeTablesMessages };
