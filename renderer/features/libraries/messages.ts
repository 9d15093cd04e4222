import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { librariesEn } from './messages-en';
import { type LibraryMessages, librariesZh } from './messages-zh';

// The libraries', templates' and defaults' own wording, kept beside the screens.

export const libraryMessages: ByLocale<LibraryMessages> = { 'zh-CN': librariesZh, en: librariesEn };
export const useLibraryT = messagesHook(libraryMessages);
export type { LibraryMessages };
