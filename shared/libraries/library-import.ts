import type { DocumentCatalog } from '../catalog';
import { findElement } from '../catalog';
import type { Cell, LineColumn, LineMapping, LineProblem, SourceLine } from '../interchange/lines';
import {
  ORIGIN,
  cellValue,
  checkLines,
  checkTargets,
  columnName,
  normalizeHeader,
  readLines,
  suggestMapping,
} from '../interchange/lines';
import type { CodeLookup } from '../validation';
import type { PartyField, PartyInput, PartyRole } from './party';
import {
  describePartyProblem,
  isOverseas,
  normalizeParty,
  partyFieldLabels,
  partyProblems,
  partyRoleLabels,
  partyRoles,
} from './party';
import type { ProductInput } from './product';
import { normalizeProduct, productFields, productKey } from './product';

// Parties and products from spreadsheets, with the goods-line import's machinery (shared/interchange/
// lines): the same column mapping (guessed from headers, every column changeable), the same cell
// reading (numbers without Excel's formatting, codes with their zeros), the same problem rows
// (sheet row, column letter and header, field, message in both languages).

export type LibraryKind = 'parties' | 'products';

export interface LibraryTarget {
  target: string;
  zh: string;
  en: string;
}

/** The product's customer column (not a goods-line field). */
export const CUSTOMER = 'customer';

const partyFieldOrder: readonly PartyField[] = [
  'roles',
  'customsCode',
  'uscc',
  'ciqCode',
  'nameZh',
  'nameEn',
  'address',
  'note',
];

const partyWords: Record<PartyField, readonly string[]> = {
  roles: ['角色', '类型', '企业类型', '企业角色', 'role', 'roles', 'type'],
  customsCode: ['海关编码', '海关代码', '海关10位编码', '企业海关编码', '十位编码', 'customs code', 'code'],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一编码', 'uscc', 'credit code'],
  ciqCode: ['检验检疫编码', '检验检疫代码', 'ciq', 'ciq code'],
  nameZh: ['中文名称', '企业名称', '名称', '公司名称', '单位名称', 'name', 'chinese name'],
  nameEn: ['英文名称', '外文名称', '企业英文名称', 'english name'],
  address: ['地址', '企业地址', 'address'],
  note: ['备注', 'note', 'notes', 'remark'],
};

const productExtraWords: Record<string, readonly string[]> = {
  [CUSTOMER]: ['客户', '所属客户', '境内收发货人', '收发货人', '经营单位', 'customer', 'client'],
};

/** What a column of each library may be mapped to, in the form's order. */
export function libraryTargets(catalog: DocumentCatalog, kind: LibraryKind): LibraryTarget[] {
  if (kind === 'parties') return partyFieldOrder.map((f) => ({ target: f, ...partyFieldLabels[f] }));
  const out: LibraryTarget[] = [];
  for (const key of productFields) {
    if (key === 'OriginCountry') {
      out.push({ target: ORIGIN, zh: '原产国(地区)', en: 'Country of origin' });
      continue;
    }
    const def = findElement(catalog, 'lines', key);
    out.push({ target: key, zh: def?.zh ?? key, en: def?.en ?? key });
  }
  out.push({ target: CUSTOMER, zh: '客户', en: 'Customer' });
  return out;
}

function suggestFrom(
  words: Record<string, readonly string[]>,
  headers: readonly string[],
  used: Set<string>,
  taken: Set<number>,
): LineColumn[] {
  const index = new Map<string, string>();
  for (const [target, list] of Object.entries(words))
    for (const w of list) if (!index.has(normalizeHeader(w))) index.set(normalizeHeader(w), target);
  const out: LineColumn[] = [];
  headers.forEach((header, i) => {
    const target = index.get(normalizeHeader(header));
    if (target && !used.has(target) && !taken.has(i)) {
      used.add(target);
      taken.add(i);
      out.push({ index: i, header, target });
    }
  });
  return out;
}

/** A mapping guessed from the headers; products use the goods-line guesses (catalog labels and synonyms). */
export function suggestLibraryMapping(
  catalog: DocumentCatalog,
  kind: LibraryKind,
  headers: readonly string[],
): LineColumn[] {
  if (kind === 'parties') return suggestFrom(partyWords, headers, new Set(), new Set());
  const allowed = new Set(libraryTargets(catalog, 'products').map((t) => t.target));
  const fromLines = suggestMapping(catalog, headers).filter((c) => allowed.has(c.target));
  const extra = suggestFrom(
    productExtraWords,
    headers,
    new Set(fromLines.map((c) => c.target)),
    new Set(fromLines.map((c) => c.index)),
  );
  return [...fromLines, ...extra].sort((a, b) => a.index - b.index);
}

const problem = (p: Omit<LineProblem, 'severity'>, severity: LineProblem['severity'] = 'error'): LineProblem => ({
  ...p,
  severity,
});

/** Refusals of a mapping: unknown targets, a target twice, and the columns a record cannot do without. */
export function checkLibraryMapping(catalog: DocumentCatalog, kind: LibraryKind, mapping: LineMapping): LineProblem[] {
  const known = new Set(libraryTargets(catalog, kind).map((t) => t.target));
  const out = checkTargets(mapping, known, (column, target) => ({
    message: `${column}：没有“${target}”这一项`,
    messageEn: `${column}: there is no field "${target}"`,
  }));
  const mapped = new Set(mapping.columns.map((c) => c.target));
  const needs = kind === 'parties' ? [['nameZh', 'nameEn']] : [['CodeTS'], ['GName']];
  for (const any of needs) {
    if (any.some((t) => mapped.has(t))) continue;
    const labels = libraryTargets(catalog, kind).filter((t) => any.includes(t.target));
    out.push(
      problem({
        row: null,
        column: null,
        field: any[0] ?? null,
        code: 'column-required',
        message: `请指定“${labels.map((l) => l.zh).join('”或“')}”所在的列`,
        messageEn: `Map a column to ${labels.map((l) => `"${l.en}"`).join(' or ')}`,
      }),
    );
  }
  return out;
}

/** The rows of a sheet under a mapping: after the header row, empty rows skipped, each as its mapped texts. */
function readRecords(
  cells: readonly (readonly Cell[])[],
  mapping: LineMapping,
): Array<{ source: number; values: Record<string, string> }> {
  const out: Array<{ source: number; values: Record<string, string> }> = [];
  for (let r = mapping.headerRow; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const values: Record<string, string> = {};
    let any = false;
    for (const column of mapping.columns) {
      const value = cellValue(row[column.index], undefined);
      if (value !== '') any = true;
      values[column.target] = value;
    }
    if (any) out.push({ source: r + 1, values });
  }
  return out;
}

const roleWords: Record<PartyRole, readonly string[]> = {
  trade: ['trade', '境内收发货人', '收发货人', '经营单位', '收货人', '发货人'],
  owner: ['owner', '消费使用/生产销售单位', '消费使用单位', '生产销售单位', '货主单位'],
  agent: ['agent', '申报单位', '报关行', '报关企业'],
  overseas: ['overseas', '境外收发货人', '境外发货人', '境外收货人', '境外企业', '境外'],
};
const roleIndex = new Map<string, PartyRole>();
for (const role of partyRoles)
  for (const w of [...roleWords[role], partyRoleLabels[role].zh, partyRoleLabels[role].en])
    roleIndex.set(normalizeHeader(w), role);

/** Roles written in a cell: ids or Chinese names, separated by commas, 、 or spaces; null for a word that is no role. */
export function parseRoles(text: string): { roles: PartyRole[]; unknown: string[] } {
  const roles: PartyRole[] = [];
  const unknown: string[] = [];
  for (const token of text.split(/[,，;；、|\s]+/).filter(Boolean)) {
    const whole = roleIndex.get(normalizeHeader(token));
    if (whole) {
      roles.push(whole);
      continue;
    }
    for (const part of token.split('/').filter(Boolean)) {
      const role = roleIndex.get(normalizeHeader(part));
      if (role) roles.push(role);
      else unknown.push(part);
    }
  }
  return { roles, unknown };
}

export function rolesText(roles: readonly PartyRole[], locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return roles.map((r) => (locale === 'en' ? r : partyRoleLabels[r].zh)).join('、');
}

export interface SourceRecord<T> {
  /** The 1-based sheet row. */
  source: number;
  input: T;
}

/**
 * Parties read from a sheet, each checked with the party rules (shared with the form): a wrong
 * code, a bad check character or a missing name fails its row, naming the column. Without a role
 * column a row is a 境内收发货人, or an overseas party when it has only an English name.
 */
export function readPartyRows(
  cells: readonly (readonly Cell[])[],
  mapping: LineMapping,
): { rows: SourceRecord<PartyInput>[]; problems: LineProblem[] } {
  const columnOf = new Map(mapping.columns.map((c) => [c.target, columnName(c)]));
  const rows: SourceRecord<PartyInput>[] = [];
  const problems: LineProblem[] = [];
  for (const { source, values } of readRecords(cells, mapping)) {
    const text = (f: PartyField) => values[f] ?? '';
    let roles: PartyRole[];
    let unknownRole = false;
    if (values.roles !== undefined && values.roles !== '') {
      const parsed = parseRoles(values.roles);
      roles = parsed.roles;
      unknownRole = parsed.unknown.length > 0;
      for (const word of parsed.unknown) {
        problems.push(
          problem({
            row: source,
            column: columnOf.get('roles') ?? null,
            field: 'roles',
            code: 'unknown-role',
            message: `角色：“${word}”不是企业库的角色（境内收发货人、消费使用/生产销售单位、申报单位、境外收发货人）`,
            messageEn: `Roles: "${word}" is not a role (trade, owner, agent, overseas)`,
          }),
        );
      }
    } else roles = text('nameZh') === '' && text('nameEn') !== '' ? ['overseas'] : ['trade'];
    const input = normalizeParty({
      roles,
      customsCode: text('customsCode'),
      uscc: text('uscc'),
      ciqCode: text('ciqCode'),
      nameZh: text('nameZh'),
      nameEn: text('nameEn'),
      address: text('address'),
      note: text('note'),
    });
    for (const p of partyProblems(input)) {
      // A word that is no role was named already; "no role" would say it again.
      if (unknownRole && p.code === 'roles-required') continue;
      problems.push(
        problem({
          row: source,
          column: columnOf.get(p.field) ?? null,
          field: p.field,
          code: p.code,
          message: describePartyProblem(p, 'zh-CN'),
          messageEn: describePartyProblem(p, 'en'),
        }),
      );
    }
    rows.push({ source, input });
  }
  return {
    rows,
    problems: dedupe(
      rows,
      partyIdentities,
      problems,
      columnOf.get('uscc') ?? columnOf.get('customsCode') ?? columnOf.get('nameZh') ?? null,
    ),
  };
}

/** What identifies a party: its USCC, its customs code (domestic), or its name; overseas by code and English name. */
export function partyIdentities(p: PartyInput): string[] {
  if (isOverseas(p))
    return [`o:${p.customsCode && p.customsCode !== 'NO' ? p.customsCode : ''}|${p.nameEn.toUpperCase()}`];
  const ids: string[] = [];
  if (p.uscc) ids.push(`s:${p.uscc}`);
  if (p.customsCode) ids.push(`c:${p.customsCode}`);
  if (ids.length === 0) ids.push(`n:${p.nameZh}`);
  return ids;
}

/** A record repeated later in the same file fails (which of the two is meant cannot be guessed). */
function dedupe<T>(
  rows: readonly SourceRecord<T>[],
  identities: (t: T) => string[],
  problems: LineProblem[],
  column: string | null,
): LineProblem[] {
  const first = new Map<string, number>();
  for (const row of rows) {
    for (const id of identities(row.input)) {
      const before = first.get(id);
      if (before !== undefined) {
        problems.push(
          problem({
            row: row.source,
            column,
            field: null,
            code: 'duplicate-row',
            message: `与第 ${before} 行是同一条记录`,
            messageEn: `The same record as row ${before}`,
          }),
        );
        break;
      }
      first.set(id, row.source);
    }
  }
  return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/**
 * Products read from a sheet (goods-line fields by the goods-line reader, origin by meaning, the customer beside them).
 */
export function readProductRows(
  catalog: DocumentCatalog,
  cells: readonly (readonly Cell[])[],
  mapping: LineMapping,
): SourceRecord<ProductInput>[] {
  const lineMapping: LineMapping = { ...mapping, columns: mapping.columns.filter((c) => c.target !== CUSTOMER) };
  const customerColumn = mapping.columns.find((c) => c.target === CUSTOMER);
  const lines = readLines(catalog, cells, lineMapping, 'I');
  return lines.map((l) => ({
    source: l.source,
    input: normalizeProduct({
      customer: customerColumn ? cellValue(cells[l.source - 1]?.[customerColumn.index], undefined) : '',
      fields: l.row,
    }),
  }));
}

/**
 * Products checked by the validation engine as goods lines (types, lengths, formats, code tables,
 * legal units against the tariff): a value that cannot be right fails its row, a disagreement is a
 * warning. 商品编号 and 商品名称 are required (a product without them fills nothing useful).
 * Call it on slices of the rows to report progress; `dedupeProducts` then checks the file as a whole.
 */
export function checkProductRows(
  catalog: DocumentCatalog,
  rows: readonly SourceRecord<ProductInput>[],
  ctx: { mapping: LineMapping; codes?: CodeLookup; today?: string },
): LineProblem[] {
  const lines: SourceLine[] = rows.map((r) => ({ source: r.source, row: r.input.fields }));
  const lineMapping: LineMapping = {
    ...ctx.mapping,
    columns: ctx.mapping.columns.filter((c) => c.target !== CUSTOMER),
  };
  const columnOf = new Map(ctx.mapping.columns.map((c) => [c.target, columnName(c)]));
  const own = new Set<string>(productFields);
  const out = checkLines(catalog, lines, {
    ieFlag: 'I',
    head: {},
    mapping: lineMapping,
    ...(ctx.codes ? { codes: ctx.codes } : {}),
    ...(ctx.today ? { today: ctx.today } : {}),
  }).filter((p) => p.field !== null && own.has(p.field) && (p.severity === 'error' || p.code !== 'required'));
  for (const row of rows) {
    for (const key of ['CodeTS', 'GName'] as const) {
      if (row.input.fields[key]) continue;
      const def = findElement(catalog, 'lines', key);
      out.push(
        problem({
          row: row.source,
          column: columnOf.get(key) ?? null,
          field: key,
          code: 'required',
          message: `${def?.zh ?? key}必须填写`,
          messageEn: `${def?.en ?? key} is required`,
        }),
      );
    }
    if (row.input.customer.length > 100)
      out.push(
        problem({
          row: row.source,
          column: columnOf.get(CUSTOMER) ?? null,
          field: CUSTOMER,
          code: 'too-long',
          message: '客户过长（最多 100 个字符）',
          messageEn: 'Customer is too long (at most 100 characters)',
        }),
      );
  }
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

export function dedupeProducts(rows: readonly SourceRecord<ProductInput>[], mapping: LineMapping): LineProblem[] {
  const column = mapping.columns.find((c) => c.target === 'ExgNo') ?? mapping.columns.find((c) => c.target === 'GName');
  return dedupe(rows, (p) => [productKey(p)], [], column ? columnName(column) : null);
}

/** A party as the cells of an export row, in libraryTargets order (headed by the labels the import recognises). */
export function partyCells(p: PartyInput): string[] {
  return partyFieldOrder.map((f) => (f === 'roles' ? rolesText(p.roles) : p[f]));
}

/** A product as the cells of an export row, in libraryTargets order. */
export function productCells(catalog: DocumentCatalog, p: ProductInput): string[] {
  return libraryTargets(catalog, 'products').map((t) =>
    t.target === CUSTOMER
      ? p.customer
      : t.target === ORIGIN
        ? (p.fields.OriginCountry ?? '')
        : (p.fields[t.target] ?? ''),
  );
}
