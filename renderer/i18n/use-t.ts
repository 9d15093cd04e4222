import { useUi } from '../state/ui-store';
import { messages, type Messages } from './messages';

export function useT(): Messages {
  return messages[useUi((s) => s.locale)];
}
