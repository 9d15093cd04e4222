import { messagesHook } from './by-locale';
import { messages } from './messages';

/** The app-wide messages in the UI language. */
export const useT = messagesHook(messages);
