/**
 * RFC 4180 CSV: comma separated, fields with commas, quotes or line breaks
 * double-quoted, "" for a quote inside; a leading BOM is dropped; CRLF and LF
 * both end a record. Returns records with the 1-based line each started on.
 */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = '';
      if (ch === '\r' && input[i + 1] === '\n') i++;
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) throw new Error(`the file ends inside a quoted field that starts on line ${start} (a closing " is missing)`);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    out.push({ line: start, fields });
  }
  return out.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
}
