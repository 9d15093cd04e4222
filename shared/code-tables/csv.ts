/**
 * Delimited text that ends inside a quoted field: where the quote opened (1-based line and column), so a refusal
 * can name the place in the broker's language (the parsers carry no words of their own).
 */
export class UnclosedQuoteError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super(`A quoted field opened on line ${line}, column ${column} has no closing quote`);
    this.name = 'UnclosedQuoteError';
  }
}

/** The 1-based line and column of `index` in `text` (CRLF, LF and CR each end a line). */
export function unclosedQuoteAt(text: string, index: number): UnclosedQuoteError {
  const before = text.slice(0, index);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return new UnclosedQuoteError(breaks.length + 1, index - lineStart + 1);
}

/**
 * RFC 4180 CSV (the format of the official parameter downloads and of our test copies): comma
 * separated, fields with commas, quotes or line breaks double-quoted, "" for a quote inside. A
 * leading BOM is dropped; CRLF and LF both end a record. Returns the records as arrays of strings.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let openedAt = 0;
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      openedAt = i;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && input[i + 1] === '\n') i++;
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) throw unclosedQuoteAt(input, openedAt);
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}
