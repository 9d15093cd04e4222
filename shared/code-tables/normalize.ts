import { findCodeTable, type CodeRow } from './tables';
import { normalizeAgreementRates } from '../taxes/agreements';
import { formatDeclarationElements, parseDeclarationElements } from './tariff';
import { normalizeValidityDate } from './validity';

export type { CodeRow } from './tables';

/** Why a parameter file's row (or the file) cannot be imported; the renderer words each in the UI language. */
export type RowProblemCode =
  | 'unknown-table'
  | 'empty-file'
  | 'no-code-column'
  | 'no-name-column'
  | 'empty-code'
  | 'code-has-spaces'
  | 'no-name'
  | 'duplicate-code'
  | 'bad-date'
  | 'hs-not-10-digits'
  | 'bad-unit'
  | 'bad-rate'
  | 'bad-month'
  | 'bad-agreement-rates'
  | 'no-rows';

export interface RowProblem {
  /** 1-based line of the file (the header is line 1), or 0 for the file as a whole. */
  line: number;
  column?: string;
  code: RowProblemCode;
  /** The values the message names (the code, the value, the line it repeats …). */
  params: Record<string, string | number>;
  /** The same in English, for logs and the command line. */
  message: string;
}

export interface NormalizedTable {
  table: string;
  columns: string[];
  rows: CodeRow[];
  problems: RowProblem[];
}

// Header names official downloads, our CSV copies and spreadsheets use, mapped to ours.
const aliases: Record<string, string> = {
  code: 'code',
  代码: 'code',
  编码: 'code',
  code_ts: 'code',
  hs_code: 'code',
  商品编号: 'code',
  商品编码: 'code',
  name_zh: 'name_zh',
  name: 'name_zh',
  名称: 'name_zh',
  中文名称: 'name_zh',
  商品名称: 'name_zh',
  name_en: 'name_en',
  英文名称: 'name_en',
  first_unit_code: 'first_unit',
  first_unit: 'first_unit',
  unit1: 'first_unit',
  第一法定单位: 'first_unit',
  法定第一单位: 'first_unit',
  第一计量单位: 'first_unit',
  second_unit_code: 'second_unit',
  second_unit: 'second_unit',
  unit2: 'second_unit',
  第二法定单位: 'second_unit',
  法定第二单位: 'second_unit',
  第二计量单位: 'second_unit',
  declaration_elements: 'declaration_elements',
  申报要素: 'declaration_elements',
  supervision_conditions: 'supervision_conditions',
  监管条件: 'supervision_conditions',
  inspection_categories: 'inspection_categories',
  检验检疫类别: 'inspection_categories',
  检验检疫代码: 'inspection_categories',
  通关监管代码: 'supervision_conditions',
  // The tariff's rates (kept as written: 13%, 0.8元/千克 …), read by the duty estimate.
  进口最惠国税率: 'mfn_rate',
  最惠国税率: 'mfn_rate',
  进口暂定税率: 'provisional_rate',
  暂定税率: 'provisional_rate',
  进口普通税率: 'general_rate',
  普通税率: 'general_rate',
  进口消费税率: 'consumption_tax',
  消费税率: 'consumption_tax',
  进口增值税率: 'vat_rate',
  增值税率: 'vat_rate',
  // Per-agreement rates: the workbook's <智利>0</智利> tags or 02:5%;08:0% (优惠贸易协定 code: rate).
  协定税率: 'agreement_rates',
  agreement_rates: 'agreement_rates',
  出口关税率: 'export_duty_rate',
  出口暂定税率: 'export_provisional_rate',
  出口退税率: 'export_rebate_rate',
  // The monthly 计征汇率 (exchange-rates): currency code, its name, 元 per unit, the month it applies to.
  币制代码: 'code',
  币制名称: 'name_zh',
  计征汇率: 'rate',
  汇率: 'rate',
  折算率: 'rate',
  rate: 'rate',
  月份: 'month',
  适用月份: 'month',
  month: 'month',
  商品备注: 'note_zh',
  // Validity (codeValidity in validity.ts): dates as yyyyMMdd, and a status.
  valid_from: 'valid_from',
  start_date: 'valid_from',
  effective_date: 'valid_from',
  生效日期: 'valid_from',
  启用日期: 'valid_from',
  valid_to: 'valid_to',
  end_date: 'valid_to',
  expiry_date: 'valid_to',
  失效日期: 'valid_to',
  停用日期: 'valid_to',
  截止日期: 'valid_to',
  status: 'status',
  状态: 'status',
};

const validityDates = ['valid_from', 'valid_to'] as const;

function columnName(header: string): string {
  const trimmed = header.trim();
  return aliases[trimmed] ?? aliases[trimmed.toLowerCase()] ?? trimmed;
}

const unitCode = /^\d{3}$/;

/**
 * Turns a parameter file's records (header first) into rows of `table`, checking what every
 * table needs — a code column, a code and a name on every row, codes unique (names are not:
 * look up by code) — and for the tariff 10-digit codes, 3-digit unit codes and a normalized
 * 申报要素 list. Problems are collected, not thrown, so the caller can name them all.
 */
export function normalizeTable(table: string, records: readonly (readonly string[])[]): NormalizedTable {
  const problems: RowProblem[] = [];
  const [header, ...body] = records;
  if (!findCodeTable(table))
    problems.push({ line: 0, code: 'unknown-table', params: { table }, message: `There is no code table "${table}"` });
  if (!header || header.length === 0)
    return {
      table,
      columns: [],
      rows: [],
      problems: [
        ...problems,
        { line: 0, code: 'empty-file', params: {}, message: 'The file is empty (no header row)' },
      ],
    };
  const columns = header.map(columnName);
  if (!columns.includes('code'))
    problems.push({
      line: 1,
      code: 'no-code-column',
      params: {},
      message: 'The header has no code column (code / 代码 / code_ts / 商品编号)',
    });
  if (!columns.includes('name_zh') && !columns.includes('name_en'))
    problems.push({
      line: 1,
      code: 'no-name-column',
      params: {},
      message: 'The header has no name column (name_zh / 名称 / name_en)',
    });
  const seen = new Map<string, number>();
  const rows: CodeRow[] = [];
  const isTariff = table === 'tariff';
  const isExchange = table === 'exchange-rates';
  body.forEach((record, i) => {
    const line = i + 2;
    if (record.every((v) => v.trim() === '')) return;
    const row: CodeRow = {};
    columns.forEach((column, c) => {
      if (column !== '') row[column] = (record[c] ?? '').trim();
    });
    let code = row.code ?? '';
    if (isTariff) code = code.replace(/\./g, '');
    row.code = code;
    if (code === '')
      problems.push({ line, column: 'code', code: 'empty-code', params: {}, message: 'The code is empty' });
    else if (/\s/.test(code))
      problems.push({
        line,
        column: 'code',
        code: 'code-has-spaces',
        params: { value: code },
        message: `The code "${code}" contains spaces`,
      });
    if ((row.name_zh ?? '') === '' && (row.name_en ?? '') === '')
      problems.push({
        line,
        column: 'name_zh',
        code: 'no-name',
        params: { value: code },
        message: `Code ${code} has no name`,
      });
    const first = seen.get(code);
    if (code !== '' && first !== undefined)
      problems.push({
        line,
        column: 'code',
        code: 'duplicate-code',
        params: { value: code, first },
        message: `Code ${code} repeats (first on line ${first})`,
      });
    else seen.set(code, line);
    for (const column of validityDates) {
      const value = row[column];
      if (value === undefined || value === '') continue;
      const date = normalizeValidityDate(value);
      if (date === null)
        problems.push({
          line,
          column,
          code: 'bad-date',
          params: { value, code },
          message: `Code ${code}: the date "${value}" is not a date (yyyyMMdd or yyyy-MM-dd)`,
        });
      else row[column] = date;
    }
    if (isTariff) {
      if (code !== '' && !/^\d{10}$/.test(code))
        problems.push({
          line,
          column: 'code',
          code: 'hs-not-10-digits',
          params: { value: code },
          message: `商品编号 ${code} is not 10 digits`,
        });
      const firstUnit = row.first_unit ?? '';
      if (!unitCode.test(firstUnit))
        problems.push({
          line,
          column: 'first_unit',
          code: 'bad-unit',
          params: { value: firstUnit, code },
          message: `Code ${code}: the first legal unit "${firstUnit}" is not a 3-digit unit code`,
        });
      const secondUnit = row.second_unit ?? '';
      if (secondUnit !== '' && !unitCode.test(secondUnit))
        problems.push({
          line,
          column: 'second_unit',
          code: 'bad-unit',
          params: { value: secondUnit, code },
          message: `Code ${code}: the second legal unit "${secondUnit}" is not a 3-digit unit code`,
        });
      row.declaration_elements = formatDeclarationElements(parseDeclarationElements(row.declaration_elements ?? ''));
      const agreed = row.agreement_rates ?? '';
      const rates = normalizeAgreementRates(agreed);
      if (rates === null) {
        const value = agreed.length > 80 ? `${agreed.slice(0, 80)}…` : agreed;
        problems.push({
          line,
          column: 'agreement_rates',
          code: 'bad-agreement-rates',
          params: { value, code },
          message: `Code ${code}: the agreement rates "${value}" cannot be read`,
        });
      } else if (rates !== '') row.agreement_rates = rates;
    }
    if (isExchange) problems.push(...exchangeRateProblems(row, line));
    rows.push(row);
  });
  if (body.length === 0 || rows.length === 0)
    problems.push({ line: 0, code: 'no-rows', params: {}, message: 'The file has no rows' });
  return { table, columns: [...new Set(columns.filter((c) => c !== ''))], rows, problems };
}

/**
 * An exchange-rate row needs a rate (元 per unit, a positive decimal) and the month it applies to,
 * kept as YYYY-MM (written 2026-12, 202612 or 2026年12月 in the files brokers have).
 */
function exchangeRateProblems(row: CodeRow, line: number): RowProblem[] {
  const problems: RowProblem[] = [];
  const code = row.code ?? '';
  const rate = row.rate ?? '';
  if (!/^\d+(\.\d+)?$/.test(rate) || !/[1-9]/.test(rate))
    problems.push({
      line,
      column: 'rate',
      code: 'bad-rate',
      params: { value: rate, code },
      message: `Currency ${code}: the rate "${rate}" is not a positive decimal (元 per unit)`,
    });
  const month = /^(\d{4})(?:-|年)?(\d{1,2})月?$/.exec(row.month ?? '');
  const mm = month?.[2]?.padStart(2, '0');
  if (!month || !mm || mm < '01' || mm > '12')
    problems.push({
      line,
      column: 'month',
      code: 'bad-month',
      params: { value: row.month ?? '', code },
      message: `Currency ${code}: the month "${row.month ?? ''}" is not a month (2026-12)`,
    });
  else row.month = `${month[1]}-${mm}`;
  return problems;
}

/** Normalizes rows already keyed by column (a JSON package, the hub's tables). */
export function normalizeRecords(table: string, rows: readonly Readonly<Record<string, string>>[]): NormalizedTable {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return normalizeTable(table, [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]);
}

/** One line per problem, the first `max` of them, for an error message. */
export function describeProblems(problems: readonly RowProblem[], max = 20): string {
  const lines = problems
    .slice(0, max)
    .map((p) => (p.line > 0 ? `line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}` : p.message));
  if (problems.length > max) lines.push(`… and ${problems.length - max} more`);
  return lines.join('\n');
}
