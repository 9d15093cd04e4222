import type { DocumentHead, Found } from '../document';
import type { Line, PlacedRun } from './layout';
import { joinRuns, lineCells, unionBox } from './layout';
import { asciiText } from './numbers';

type HeadKey = 'invoiceNo' | 'invoiceDate' | 'incoterm' | 'currency' | 'seller' | 'buyer' | 'origin';

/** Labels of head values, English and Chinese, at the start of a cell; the value follows or stands below. */
const labels: readonly [HeadKey, RegExp][] = [
  [
    'invoiceNo',
    /^(?:commercial\s+)?(?:invoice|inv\.?)\s*(?:no\.?|number|#)|^发票(?:号码|编号|号)|^ref\.?\s*invoice\s*no\.?/i,
  ],
  ['invoiceDate', /^(?:invoice\s+)?date\b|^(?:发票|开票)?日期/i],
  ['seller', /^(?:seller|shipper|exporter|vendor|卖方|出口商|发货人)/i],
  ['buyer', /^(?:buyer|consignee|importer|sold\s+to|bill\s+to|messrs\.?|买方|进口商|收货人)/i],
  [
    'incoterm',
    /^(?:terms?\s+of\s+(?:delivery|price|trade|sale)|(?:price|trade|delivery)\s+terms?|incoterms?(?:\s*2020)?|价格条款|成交方式|贸易术语|交货条件)/i,
  ],
  ['currency', /^(?:currency|币制|币种)/i],
  ['origin', /^(?:country\s+of\s+origin|origin|made\s+in|原产国|原产地)/i],
];

const incotermPattern = /\b(EXW|FCA|FAS|FOB|CFR|CNF|C\s?&\s?F|CIF|CPT|CIP|DAP|DPU|DDP|DAT|DDU|C\s?&\s?I)\b/;

/** Incoterms as the documents print them, the rule's code (C&F and CNF are the older names of CFR). */
export function incotermCode(text: string): string | null {
  const m = incotermPattern.exec(asciiText(text).toUpperCase());
  if (!m?.[1]) return null;
  const code = m[1].replace(/\s/g, '');
  return code === 'C&F' || code === 'CNF' ? 'CFR' : code;
}

const currencyCodes = /\b(USD|EUR|CNY|RMB|JPY|GBP|HKD|CHF|AUD|CAD|SGD|KRW|TWD|NZD|SEK|DKK|NOK|RUB|THB|MYR|INR)\b/;

/** The ISO currency a text names by code or sign (RMB, ¥ and ￥ are yuan: the documents a Chinese broker gets). */
export function currencyOf(text: string): string | null {
  const t = asciiText(text);
  const code = currencyCodes.exec(t.toUpperCase())?.[1];
  if (code) return code === 'RMB' ? 'CNY' : code;
  if (/US\$|\$/.test(t)) return 'USD';
  if (t.includes('€')) return 'EUR';
  if (t.includes('£')) return 'GBP';
  if (/[¥￥]|人民币|元/.test(t)) return 'CNY';
  if (/美元/.test(t)) return 'USD';
  if (/欧元/.test(t)) return 'EUR';
  return null;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date as invoices print it, as YYYY-MM-DD: 2026-03-15, 2026/3/15, 2026年3月15日, 15 Mar 2026, March 15,
 * 2026, 15-MAR-26 and 15/03/2026 (day first, as outside the United States; month first only when the
 * first number cannot be a month... nor a day over 12 otherwise).
 */
export function parseDate(text: string): string | null {
  const t = asciiText(text).trim();
  let m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{1,2})[\s.-]*([A-Za-z]{3,9})\.?[\s.,-]*(\d{2,4})/.exec(t);
  const monthOf = (name: string) => months.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  if (m?.[2] && monthOf(m[2]) > 0) return iso(year(m[3] ?? ''), monthOf(m[2]), Number(m[1]));
  m = /([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(t);
  if (m?.[1] && monthOf(m[1]) > 0) return iso(Number(m[3]), monthOf(m[1]), Number(m[2]));
  m = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return b > 12 ? iso(Number(m[3]), a, b) : iso(Number(m[3]), b, a);
  }
  return null;
}

/**
 * A found value from runs: the text, the box of the runs (narrowed to the value's part of a single run), and the
 * least OCR confidence among them (one misread word makes the value doubtful).
 */
export function foundIn(runs: readonly PlacedRun[], value: string, raw?: string): Found {
  let box = unionBox(runs.map((r) => r.box));
  const only = runs.length === 1 ? runs[0] : undefined;
  const shown = raw ?? value;
  if (only && box && shown !== '') {
    const at = only.text.lastIndexOf(shown);
    if (at > 0) {
      const share = box.w / Math.max(1, only.text.length);
      box = { ...box, x: box.x + share * at, w: share * shown.length };
    }
  }
  const read = runs.flatMap((r) => (r.confidence !== undefined ? [r.confidence] : []));
  return {
    value,
    ...(box ? { box } : {}),
    ...(raw !== undefined && raw !== value ? { raw } : {}),
    ...(read.length > 0 ? { confidence: Math.min(...read) } : {}),
  };
}

interface Labelled {
  key: HeadKey;
  text: string;
  runs: PlacedRun[];
}

const separators = /^[\s.:：#]+/;

/**
 * The key a cell's text is the label of, and the text after the label (a bilingual label taken whole). A bilingual
 * label whose first language OCR garbled ("日期： Date:" read "HHA: Date:") is read by its second.
 */
function labelOf(text: string): { key: HeadKey; rest: string } | undefined {
  const garbled = /^[^\s:：]{1,4}\s*[:：]\s+(?=\S)/.exec(text);
  return labelAtStart(text) ?? (garbled ? labelAtStart(text.slice(garbled[0].length)) : undefined);
}

function labelAtStart(text: string): { key: HeadKey; rest: string } | undefined {
  for (const [key, label] of labels) {
    const m = label.exec(text);
    if (!m) continue;
    let rest = text.slice(m[0].length).replace(separators, '');
    // "卖方： Seller:", "发票号： Invoice No.:": the label in the other language is no value.
    for (let again = labelOf(rest); again?.key === key; again = labelOf(rest)) rest = again.rest;
    return { key, rest: rest.trim() };
  }
  return undefined;
}

/**
 * The runs of a line from the first that `starts`, each less than two box heights after the one before it, up to
 * the next label.
 */
function wordsFrom(line: Line, starts: (run: PlacedRun) => boolean): PlacedRun[] {
  const at = line.runs.findIndex(starts);
  if (at < 0) return [];
  const out = [line.runs[at] as PlacedRun];
  for (const r of line.runs.slice(at + 1)) {
    const prev = out[out.length - 1] as PlacedRun;
    if (r.left - prev.right >= Math.min(prev.height, r.height) * 2 || labelOf(asciiText(r.text))) break;
    out.push(r);
  }
  return out;
}

/**
 * The candidate values after each label, in the order they are tried: what follows the label in its own cell; the
 * next cell on its line when that is no label of its own, then the rest of that line up to the next label; else (no
 * value in the label's cell) a value set a little above or below the label's line to its right, then what stands
 * under the label on the next lines (a party's name under "Seller:"). readHead keeps the first that gives a value.
 */
function labelled(lines: readonly Line[]): Labelled[] {
  const out: Labelled[] = [];
  lines.forEach((line, li) => {
    const cells = lineCells(line);
    cells.forEach((cell, ci) => {
      const found = labelOf(asciiText(joinRuns(cell)));
      if (!found) return;
      const { key, rest } = found;
      if (rest !== '') {
        const own = cell.filter((r) => !labelOf(asciiText(r.text)) || labelOf(asciiText(r.text))?.rest);
        out.push({ key, text: rest, runs: own.length > 0 ? own : cell });
      }
      const first = cell[0];
      if (!first) return;
      const right = cells[ci + 1];
      const rightFirst = right?.[0];
      if (right && rightFirst && rightFirst.left - (cell[cell.length - 1]?.right ?? 0) < first.height * 15) {
        const runs = wordsFrom(line, (r) => r === rightFirst);
        const text = asciiText(joinRuns(runs));
        if (labelOf(text)) return;
        out.push({ key, text, runs });
        // Failing that, the rest of the line up to the next label: OCR reads a speck or a rule's end between a label
        // and its value as a mark or a letter or two ("Invoice No.: 一 SW/2026/8692"), set apart from both.
        const rest = line.runs.slice(line.runs.indexOf(runs[runs.length - 1] as PlacedRun) + 1);
        const upTo = rest.findIndex((r) => labelOf(asciiText(r.text)));
        const further = upTo < 0 ? rest : rest.slice(0, upTo);
        if (further.length > 0) out.push({ key, text: asciiText(joinRuns(further)), runs: further });
        return;
      }
      if (rest !== '') return;
      // A value OCR set a little above or below its label's line, to its right ("Date:" and "06 MAR 2026").
      const end = cell[cell.length - 1]?.right ?? first.right;
      for (const near of [lines[li - 1], lines[li + 1]]) {
        if (!near || near.page !== line.page || Math.abs(near.y - line.y) > line.height) continue;
        const beside = near.runs.find((r) => r.left > end && r.left - end < first.height * 15);
        if (!beside || near.runs.some((r) => r.left < beside.left && r.right > first.left)) continue;
        const runs = wordsFrom(near, (r) => r === beside);
        const text = asciiText(joinRuns(runs));
        if (!labelOf(text)) out.push({ key, text, runs });
      }
      for (const next of lines.slice(li + 1, li + 3)) {
        // What starts under the label, whole: a name set as several runs (kerning, a font change, a word per
        // run, an OCR engine's words a little over half a box height apart) is one value, up to a column's gap.
        const below = wordsFrom(next, (r) => Math.abs(r.left - first.left) < first.height * 2);
        const text = asciiText(joinRuns(below));
        if (below.length === 0 || labelOf(text)) continue;
        out.push({ key, text, runs: below });
        return;
      }
    });
  });
  return out;
}

/** A legal form closing a company's name ("CO., LTD.", "GMBH", "S.R.L.", "有限公司"). */
const legalForm =
  /(?:\b(?:co\.?,?\s*ltd|ltd|limited|inc|corp(?:oration)?|llc|jsc|gmbh|ag|s\.?\s?r\.?\s?l|s\.?p\.?a|s\.?a|b\.?v|n\.?v|ab|oy|pte|plc|kg)\.?|有限公司|股份公司|集团)\s*$/i;

/** A name with its spaces and marks dropped: what two prints of one name share however OCR read their marks. */
const nameKey = (text: string) =>
  asciiText(text)
    .toUpperCase()
    .replace(/[^A-Z0-9\u3400-\u9fff]/g, '');

/**
 * The name a document is headed with: its first line, when it holds no label and closes with a company's legal form.
 * An invoice or packing list is issued on the seller's letterhead, set large above the title.
 */
function letterhead(lines: readonly Line[]): Found | undefined {
  const first = lines[0];
  if (!first || lineCells(first).some((cell) => labelOf(asciiText(joinRuns(cell))))) return undefined;
  const text = asciiText(joinRuns(first.runs));
  return legalForm.test(text) ? foundIn(first.runs, text) : undefined;
}

/**
 * The seller: the one its label names, unless the letterhead gives it better. OCR reads the large letterhead more
 * surely than the name under a "Seller:" label, which it may join to the label's line and garble, misread its marks
 * ("CO,, LTD.", "MACHINERYAB"), or miss and read the address under it instead. The letterhead is taken when the
 * label gives nothing, gives the same name (or the signature's "For and on behalf of" it) with its marks read
 * otherwise, or gives no company's name at all.
 */
function sellerOf(labelled: Found | undefined, lines: readonly Line[]): Found | undefined {
  const head = letterhead(lines);
  if (!head || !labelled) return labelled ?? head;
  const [a, b] = [nameKey(labelled.value), nameKey(head.value)];
  const same = a.includes(b) || (b.includes(a) && a.length * 2 >= b.length);
  return same || !legalForm.test(labelled.value) ? head : labelled;
}

/** The head values a document states once (lines above and around its goods table). */
export function readHead(lines: readonly Line[]): DocumentHead {
  const head: DocumentHead = {};
  for (const { key, text, runs } of labelled(lines)) {
    if (head[key]) continue;
    if (key === 'invoiceDate') {
      const date = parseDate(text);
      if (date) head.invoiceDate = foundIn(runs, date, text);
    } else if (key === 'incoterm') {
      const code = incotermCode(text);
      if (code) head.incoterm = foundIn(runs, code, text);
    } else if (key === 'currency') {
      const code = currencyOf(text);
      if (code) head.currency = foundIn(runs, code, text);
    } else if (key === 'invoiceNo') {
      // The first word that can be an invoice number: it holds a digit (a word without one is a mark or letters
      // OCR made of a speck, "MN", "we.").
      const no = text.split(/\s+/).find((w) => /^[A-Za-z0-9][\w\-/.]*$/.test(w) && /\d/.test(w));
      if (no) head.invoiceNo = foundIn(runs, no.replace(/[.]+$/, ''));
    } else if (text !== '') head[key] = foundIn(runs, text);
  }
  const seller = sellerOf(head.seller, lines);
  if (seller) head.seller = seller;
  // An Incoterm printed without a label ("FOB SHANGHAI" under the table, "CIF Rotterdam" in a corner).
  if (!head.incoterm) {
    for (const line of lines) {
      const run = line.runs.find((r) => incotermCode(r.text) !== null);
      const code = run ? incotermCode(run.text) : null;
      if (run && code) {
        const text = joinRuns(line.runs.slice(line.runs.indexOf(run))).slice(0, 40);
        head.incoterm = foundIn([run], code, text);
        break;
      }
    }
  }
  return head;
}
