import type { Locale } from '../../shared/i18n/locale';
import { en } from './messages-en';
import { zh, type Messages } from './messages-zh';

export const messages: Record<Locale, Messages> = { 'zh-CN': zh, en };
export type { Messages };
