import type { Locale } from '../i18n/locale';
import type { ElementDef } from './types';

/** The label a form, grid or message shows for an element: the direction's own wording where it has one. */
export function labelOf(def: ElementDef, locale: Locale, ieFlag?: 'I' | 'E'): string {
  const specific = ieFlag ? def.ie?.[ieFlag] : undefined;
  const label = specific ?? def;
  return locale === 'en' ? label.en : label.zh;
}
