import { type ByLocale, messagesHook } from '../../i18n/by-locale';
import { flowEn } from './flow-messages-en';
import { type FlowMessages, flowZh, type KeyedField } from './flow-messages-zh';

// The wording of the keying day's aids (confirm before 申报, 同上, computed amounts, earlier-shipment and
// duplicate 提运单号 warnings, where a declaration came from), kept beside the editor.

export const flowMessages: ByLocale<FlowMessages> = { 'zh-CN': flowZh, en: flowEn };
export const useFlowT = messagesHook(flowMessages);
export type { FlowMessages, KeyedField };
