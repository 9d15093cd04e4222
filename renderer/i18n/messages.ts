import type { ByLocale } from './by-locale';
import { en } from './messages-en';
import { zh, type Messages } from './messages-zh';

export const messages: ByLocale<Messages> = { 'zh-CN': zh, en };
export type { Messages };
