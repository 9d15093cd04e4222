import { z } from 'zod';
import type { Locale } from './locale';

/** A name a broker reads, in both UI languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

const labelSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/**
 * A table of labels kept as data (a JSON file beside its module), checked when it is loaded against the keys it
 * labels: each key once, no other, neither language empty. A Record over the keys' type made a missing label a
 * compile error while the table was TypeScript; this keeps that, failing every test and the app's start instead.
 */
export function labelTable<K extends string>(
  file: string,
  keys: readonly [K, ...K[]],
  data: unknown,
): Readonly<Record<K, Label>> {
  const parsed = z.record(z.enum(keys), labelSchema).safeParse(data);
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A key's label in the language asked for; a key the table does not hold is shown as it is. */
export function labelIn(table: Readonly<Record<string, Label>>, key: string, locale: Locale): string {
  const label = Object.hasOwn(table, key) ? table[key] : undefined;
  return label ? (locale === 'en' ? label.en : label.zh) : key;
}
