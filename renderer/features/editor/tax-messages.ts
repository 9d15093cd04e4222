import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { taxEn } from './tax-messages-en';
import { type TaxMessages, taxZh } from './tax-messages-zh';

// The duty estimate's wording: its figures, the rate each used and why a figure is missing.

export const taxMessages: ByLocale<TaxMessages> = { 'zh-CN': taxZh, en: taxEn };
export const useTaxT = messagesHook(taxMessages);
export type { TaxMessages };
