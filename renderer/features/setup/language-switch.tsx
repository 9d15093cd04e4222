import { useEffect } from 'react';
import type { Locale } from '../../../shared/i18n/locale';
import { api } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { actionFor } from '../editor/keymap';

/**
 * Switches the UI language and keeps the choice: main holds it for the next start, and the desk reads it back when it
 * opens, so a language picked on the first-run setup is the desk's too (kept only here, the desk opened in Chinese).
 * Where main cannot keep it (the recovery screen, read-only mode) the switch still holds for this window.
 */
export function switchLocale(): void {
  const next: Locale = useUi.getState().locale === 'en' ? 'zh-CN' : 'en';
  useUi.getState().setLocale(next);
  void api.invoke('ui.setState', { locale: next }).catch(() => undefined);
}

/**
 * The language button of a screen shown before the desk (first-run setup, recovery), with the desk's key for it
 * (the keymap's switch-language binding), so a broker who learnt it there is not left with a key that does nothing.
 */
export function LanguageButton({ label }: { label: string }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || actionFor(event, 'app') !== 'switch-language') return;
      event.preventDefault();
      switchLocale();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button type="button" aria-keyshortcuts="Alt+Shift+L" onClick={switchLocale}>
      {label}
    </button>
  );
}
