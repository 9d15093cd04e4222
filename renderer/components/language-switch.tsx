import { useEffect } from 'react';
import type { Locale } from '../../shared/i18n/locale';
import { api } from '../api/client';
import { useUi } from '../state/ui-store';

/**
 * Switches the UI language and keeps the choice: main holds it for the next start, and the desk reads it back when it
 * opens, so a language picked on the first-run setup is the desk's too (kept only here, the desk opened in Chinese).
 * Where main cannot keep it (the recovery screen, read-only mode) the switch still holds for this window.
 */
export function useSwitchLocale(): () => void {
  const { locale, setLocale } = useUi();
  return () => {
    const next: Locale = locale === 'en' ? 'zh-CN' : 'en';
    setLocale(next);
    void api.invoke('ui.setState', { locale: next }).catch(() => undefined);
  };
}

/** Alt+Shift+L, the desk's key for the language, as the event carries it. */
function isLanguageKey(event: Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>) {
  return event.code === 'KeyL' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
}

/**
 * The language button of a screen shown before the desk (first-run setup, recovery): the same key as in the desk,
 * Alt+Shift+L, so a broker who learnt it there (or reads it from the button) is not left with a key that does nothing.
 */
export function LanguageButton({ label }: { label: string }) {
  const switchLocale = useSwitchLocale();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isLanguageKey(event)) return;
      event.preventDefault();
      switchLocale();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <button type="button" aria-keyshortcuts="Alt+Shift+L" onClick={switchLocale}>
      {label}
    </button>
  );
}
