/** A CSV file as the library import is handed it (the desk's file picker reads it as base64). */
export function csvSource(text: string, fileName = 'library.csv') {
  return { kind: 'file' as const, fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}

/** Fresh import ids (UUIDs), one a call, in order: an import names itself so it can be cancelled. */
export function importIds(): () => string {
  let n = 0;
  return () => `01a2049e-b64f-7413-8ff9-${String(++n).padStart(12, '0')}`;
}
