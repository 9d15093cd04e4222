import type { Locale } from '../../shared/i18n/locale';
import { useUi } from '../state/ui-store';

// Every message table of the renderer is written one file a language, `<name>-zh.ts` and `<name>-en.ts`, joined
// by `<name>.ts` into a `ByLocale` table with its hook. The Chinese table is the model (`export type XMessages =
// typeof xZh`) and the English one is declared with that type, so the compiler refuses an English table that lacks
// a key, has one more, or takes other parameters. A translator reads and writes one language in one file, and a
// change of wording in one language is a change of that file alone.

/** A message table in each UI language: a language added to `locales` must be added to every table. */
export type ByLocale<M> = Readonly<Record<Locale, M>>;

/** The hook that gives `tables` in the UI language of the moment; a component re-renders when the language switches. */
export function messagesHook<M>(tables: ByLocale<M>): () => M {
  return function useMessages(): M {
    return tables[useUi((s) => s.locale)];
  };
}
