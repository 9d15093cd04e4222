/**
 * Length as the single window counts it: ASCII is one byte, anything else
 * (a Chinese character, a full-width symbol) is two, as in GBK.
 */
export function declaredByteLength(value: string): number {
  let bytes = 0;
  for (const ch of value) bytes += (ch.codePointAt(0) ?? 0) <= 0x7f ? 1 : 2;
  return bytes;
}
