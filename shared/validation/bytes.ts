/**
 * Length as the single window counts it: ASCII is one byte, anything else
 * (a Chinese character, a full-width symbol) is two, as in GBK.
 */
export function declaredByteLength(value: string): number {
  // Counted by UTF-16 code unit (it runs on every field on every keystroke): a character outside
  // the BMP is a surrogate pair and still counts 2, like any other non-ASCII character.
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit <= 0x7f) bytes += 1;
    else {
      bytes += 2;
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
        const next = value.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  }
  return bytes;
}
