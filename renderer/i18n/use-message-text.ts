import { useCallback } from 'react';
import type { ReasonMessage } from '../../shared/api';
import { useUi } from '../state/ui-store';
import { messageText } from './reasons';

/** Words what main said (a last error, a note) in the UI language; '' for nothing. */
export function useMessageText(): (said: ReasonMessage | null | undefined) => string {
  const locale = useUi((s) => s.locale);
  return useCallback((said) => messageText(locale, said), [locale]);
}
