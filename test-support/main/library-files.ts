import { randomUUID } from 'node:crypto';
import type { LineMapping } from '../../shared/interchange/lines';
import type { Desk } from '../../main/desk/open-desk';
import type { DeskFixture } from './desk-fixture';

/** A CSV file as the library import is handed it (the desk's file picker reads it as base64). */
export function csvSource(text: string, fileName = 'library.csv') {
  return { kind: 'file' as const, fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}

/** Fresh import ids (UUIDs), one a call, in order: an import names itself so it can be cancelled. */
export function importIds(): () => string {
  let n = 0;
  return () => `01a2049e-b64f-7413-8ff9-${String(++n).padStart(12, '0')}`;
}

/**
 * Imports `source` into the `kind` library as the import dialog does: previewed first, then imported with the mapping
 * the preview proposes, unless the test gives its own `mapping`.
 */
export async function importLibraryFile(
  f: DeskFixture,
  desk: Desk,
  kind: 'parties' | 'products',
  source: ReturnType<typeof csvSource>,
  mapping?: LineMapping,
) {
  const m = mapping ?? (await f.call(desk, 'libraries.preview', { kind, source })).mapping;
  return f.call(desk, 'libraries.import', { kind, importId: randomUUID(), source, mapping: m });
}
