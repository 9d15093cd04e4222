import { unclosedQuoteAt } from '../../code-tables/csv';

/**
 * Delimited text as spreadsheets write it: a CSV file (comma, or semicolon from some locales) or
 * a block copied from Excel (tab separated, which is what the clipboard carries). Fields holding
 * the delimiter, quotes or line breaks are double-quoted with "" for a quote; CRLF and LF both end
 * a row; a leading BOM is dropped; a final line break does not make an empty row.
 */
export function parseDelimited(text: string, delimiter = detectDelimiter(text)): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let openedAt = 0;
  let atFieldStart = true;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] ?? '';
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      openedAt = i;
      atFieldStart = false;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      if (ch === '\r' && input[i + 1] === '\n') i++;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) throw unclosedQuoteAt(input, openedAt);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Tab when the first line has one (a clipboard block), else semicolon when it has more of those than commas, else
 * comma.
 */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  if (firstLine.includes('\t')) return '\t';
  const semicolons = firstLine.split(';').length;
  const commas = firstLine.split(',').length;
  return semicolons > commas ? ';' : ',';
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
