/**
 * The first character of a value that no XML 1.0 document can hold, or null: C0 controls other
 * than tab, LF and CR, U+FFFE/U+FFFF, and lone surrogates.
 */
export function unwritableChar(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c === 0xfffe || c === 0xffff) return value.charAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return value.charAt(i);
    } else if (c >= 0xdc00 && c <= 0xdfff) return value.charAt(i);
  }
  return null;
}

/** The first character XML cannot hold (unwritableChar) as the refusal names it, `U+0001`; null when there is none. */
export function unwritableCode(value: string): string | null {
  const bad = unwritableChar(value);
  return bad === null ? null : `U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** An element holding text: empty as `<Name/>`, else escaped. */
export function textElement(name: string, value: string): string {
  return value === '' ? `<${name}/>` : `<${name}>${escapeText(value)}</${name}>`;
}

/**
 * Escapes character data. A CR is written as a reference because a parser turns a literal
 * CR LF into LF, and the value must come back exactly.
 */
export function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
