import type { ByLocale } from '../../i18n/by-locale';
import { attachmentsEn } from './attachment-messages-en';
import { type AttachmentMessages, attachmentsZh } from './attachment-messages-zh';

// The 随附单据 files panel's words.

export const attachmentMessages: ByLocale<AttachmentMessages> = { 'zh-CN': attachmentsZh, en: attachmentsEn };
export type { AttachmentMessages };
