import { adminEn } from './admin-messages-en';
import { type AdminMessages, adminZh } from './admin-messages-zh';
import type { ByLocale } from './by-locale';

// The administration screens' messages (first run, settings, backups, recovery), kept apart from messages.ts so
// those screens can grow without touching the editor's.

export const adminMessages: ByLocale<AdminMessages> = { 'zh-CN': adminZh, en: adminEn };
export type { AdminMessages };
