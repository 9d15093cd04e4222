import type { DocumentCatalog } from '../../catalog';
import { findElement, labelOf } from '../../catalog';
import { findCodeTable } from '../../code-tables/tables';
import type { LineMapping } from './line-mapping';
import type { LineProblem, SourceLine } from './line-import';
import { columnFor } from './line-import';

/** A code found for a sheet's text: the code and its names. */
export interface CodeMatch {
  code: string;
  name_zh: string;
  name_en: string;
}

/** What the mapping step asks of the code tables. */
export interface CodeFinder {
  /** As CodeLookup.has: undefined when the table is not here, or is partial and lacks the code. */
  has(table: string, code: string): boolean | undefined;
  /** The codes whose code matches `text` whatever its case, or whose Chinese, English or other name is `text`. */
  matches(table: string, text: string): readonly CodeMatch[];
}

/** A value the import changed, reported: the sheet's text and the code stored. */
export interface LineMapped {
  row: number;
  column: string | null;
  field: string;
  from: string;
  to: string;
  /** The code's name, as the table gives it. */
  name: string;
  /** By its name, a code's case, or a code's leading zeros a spreadsheet dropped (35 → 035). */
  how: 'name' | 'case' | 'zeros';
}

/**
 * Names and codes as brokers' sheets write them turned into the codes a declaration holds, through
 * the code tables: 中国香港 or Hong Kong → HKG, usd → USD, 台 → 001 — each reported, never silent.
 * Text that is neither a code nor one code's name in a table held whole is refused naming the row,
 * the column and the value (not "too long": the broker wrote a name the table lacks); a name that
 * several codes carry is refused with them. A 9-digit 商品编号 is refused: it may have lost a
 * leading zero or a digit, and a code is never altered by guessing. Rows are changed in place.
 */
const tableName = (id: string, locale: 'zh-CN' | 'en') => {
  const table = findCodeTable(id);
  return table ? (locale === 'en' ? table.en : table.zh) : id;
};

export function mapLineCodes(
  catalog: DocumentCatalog,
  lines: readonly SourceLine[],
  mapping: LineMapping,
  ieFlag: 'I' | 'E',
  finder: CodeFinder,
): { mapped: LineMapped[]; problems: LineProblem[] } {
  const mapped: LineMapped[] = [];
  const problems: LineProblem[] = [];
  finder = remembered(finder);
  for (const line of lines) {
    for (const padded of line.padded ?? []) {
      const def = findElement(catalog, 'lines', padded.field);
      const to = line.row[padded.field] ?? '';
      const name = def?.codeTable ? (finder.matches(def.codeTable, to)[0]?.name_zh ?? '') : '';
      mapped.push({
        row: line.source,
        column: columnFor(mapping, padded.field, ieFlag),
        field: padded.field,
        from: padded.from,
        to,
        name,
        how: 'zeros',
      });
    }
    for (const [field, value] of Object.entries(line.row)) {
      const def = findElement(catalog, 'lines', field);
      if (!def || value === '') continue;
      const hsCode = def.format === 'hs-code';
      const table = def.codeTable;
      // Most cells hold a code the table has, or no code at all: nothing more to do (10,000 lines × every field).
      if (hsCode ? !/^\d{9}$/.test(value) : !table || finder.has(table, value) === true) continue;
      const where = { row: line.source, column: columnFor(mapping, field, ieFlag), field };
      const label = (locale: 'zh-CN' | 'en') => labelOf(def, locale, ieFlag);
      if (hsCode || !table) {
        problems.push({
          ...where,
          code: 'hs-code-9-digits',
          severity: 'error',
          message: `${label('zh-CN')}：${value} 只有 9 位（可能丢了开头的 0，也可能少了一位），不作猜测：请在表格中改正为 10 位`,
          messageEn: `${label('en')}: ${value} has 9 digits (a leading zero or another digit may be missing); not guessed: correct it to 10 digits in the sheet`,
        });
        continue;
      }
      const found = finder.matches(table, value);
      const only = found.length === 1 ? found[0] : undefined;
      if (only) {
        line.row[field] = only.code;
        const how = only.code.toUpperCase() === value.toUpperCase() ? 'case' : 'name';
        mapped.push({ ...where, from: value, to: only.code, name: only.name_zh || only.name_en, how });
      } else if (found.length > 1) {
        const codes = found.map((m) => `${m.code} ${m.name_zh || m.name_en}`).join('；');
        problems.push({
          ...where,
          code: 'ambiguous-name',
          severity: 'error',
          message: `${label('zh-CN')}：“${value}”在「${tableName(table, 'zh-CN')}」中对应多个代码（${codes}），请在表格中填写代码`,
          messageEn: `${label('en')}: "${value}" names several codes in the table ${tableName(table, 'en')} (${codes}); write the code in the sheet`,
        });
      } else if (finder.has(table, value) === false) {
        problems.push({
          ...where,
          code: 'not-mapped',
          severity: 'error',
          message: `${label('zh-CN')}：“${value}”既不是「${tableName(table, 'zh-CN')}」中的代码，也不是其中的名称，请在表格中改正`,
          messageEn: `${label('en')}: "${value}" is neither a code nor a name in the table ${tableName(table, 'en')}; correct it in the sheet`,
        });
      }
    }
  }
  return { mapped, problems };
}

/** A sheet repeats its values line after line (10,000 lines, a few units and countries): each is looked up once. */
function remembered(finder: CodeFinder): CodeFinder {
  const has = new Map<string, boolean | undefined>();
  const matches = new Map<string, readonly CodeMatch[]>();
  return {
    has(table, code) {
      const key = `${table}\u0000${code}`;
      if (!has.has(key)) has.set(key, finder.has(table, code));
      return has.get(key);
    },
    matches(table, text) {
      const key = `${table}\u0000${text}`;
      let found = matches.get(key);
      if (!found) matches.set(key, (found = finder.matches(table, text)));
      return found;
    },
  };
}

/**
 * The checks' findings minus those on a value the mapping step already refused (a name the table lacks
 * would also be "too long" for a 3-character code: one clear reason per cell).
 */
export function withoutRefusedCells(problems: readonly LineProblem[], refused: readonly LineProblem[]): LineProblem[] {
  const cells = new Set(refused.map((p) => `${p.row}|${p.field}`));
  return problems.filter((p) => !cells.has(`${p.row}|${p.field}`));
}
