import type { ListQuery } from '../../../shared/api';
import { listQuerySchema } from '../../../shared/api';
import type { Db } from '../connection';
import type { ListRow } from './declaration-row';
import { listHeadFields, releasedAtColumn } from './declaration-row';

/**
 * How far a filtered list is counted. Up to this many matches the count is exact and SQLite
 * picks the filter's own index (a prefix range, a status) and sorts the few rows it finds;
 * beyond it the page is read off the sort column's index, the filters checked row by row (they
 * match often, so 50 are found quickly), and the total is reported as "more than CAP".
 */
export const COUNT_CAP = 2000;

const sortColumns = {
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  declaredAt: 'declared_at',
  clientSeqNo: 'client_seq_no',
  tradeName: 'trade_name',
  billNo: 'bill_no',
  contrNo: 'contr_no',
  entryId: 'entry_id',
  seqNo: 'seq_no',
} as const;

const searchColumns = {
  clientSeqNo: 'client_seq_no',
  billNo: 'bill_no',
  contrNo: 'contr_no',
  tradeName: 'trade_name',
  entryId: 'entry_id',
  seqNo: 'seq_no',
} as const;

/**
 * What a page shows: the row's columns but the head document, and the few head values the list's optional columns
 * show (read for the page's rows only, never for the rows skipped or filtered).
 */
const headValues = Object.entries(listHeadFields)
  .map(([column, field]) => `coalesce(json_extract(head, '$.${field}'), '') AS ${column}`)
  .join(',\n  ');
const pageColumns = `id, client_seq_no, ie_flag, workflow, status, channel, entry_id, seq_no, trade_name, bill_no, contr_no,
  line_count, revision, rejection, created_at, updated_at, declared_at,
  ${headValues},
  ${releasedAtColumn}`;

/** The end of a prefix range: every string that starts with the prefix sorts below it. */
function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

interface Built {
  /** The page's conditions with the filters on their own indexes. */
  narrow: string;
  /** The same conditions kept off the filter columns' indexes (unary +), except the sort column's. */
  wide: string;
  /** Counts the matches, up to COUNT_CAP + 1. */
  count: string;
  params: Record<string, string | number>;
  /** Whether only status (or nothing) filters, so the per-status counts answer the total. */
  statusOnly: boolean;
}

function build(query: ReturnType<typeof listQuerySchema.parse>): Built {
  const sortColumn = sortColumns[query.sort];
  const others: string[] = ['deleted_at IS NULL'];
  const othersWide: string[] = ['deleted_at IS NULL'];
  const params: Record<string, string | number> = {};
  const off = (column: string) => (column === sortColumn ? column : `+${column}`);

  if (query.status && query.status.length > 0) {
    const names = query.status.map((s, i) => {
      params[`s${i}`] = s;
      return `@s${i}`;
    });
    others.push(`status IN (${names.join(', ')})`);
    // One status sorted by 更新日期 or 申报日期 is read straight off its (status, date) index.
    const direct = names.length === 1 && (query.sort === 'updatedAt' || query.sort === 'declaredAt');
    othersWide.push(`${direct ? 'status' : '+status'} IN (${names.join(', ')})`);
  }
  if (query.from) {
    params.from = query.from;
    others.push('updated_at >= @from');
    othersWide.push(`${off('updated_at')} >= @from`);
  }
  if (query.to) {
    // Dates are yyyy-mm-dd and timestamps ISO: everything on the `to` day sorts below "<to>T99".
    params.to = `${query.to}T99`;
    others.push('updated_at <= @to');
    othersWide.push(`${off('updated_at')} <= @to`);
  }
  const rest = others.join(' AND ');
  const restWide = othersWide.join(' AND ');

  const text = query.text?.trim() ?? '';
  if (text === '') {
    return {
      narrow: rest,
      wide: restWide,
      count: `SELECT count(*) AS n FROM (SELECT 1 FROM declarations WHERE ${rest} LIMIT ${COUNT_CAP + 1})`,
      params,
      statusOnly: !query.from && !query.to,
    };
  }
  // Identifiers are written in capitals; a name is matched as typed.
  const variants = [...new Set([text, text.toUpperCase()])];
  variants.forEach((variant, v) => {
    params[`lo${v}`] = variant;
    params[`hi${v}`] = prefixEnd(variant);
  });
  const columns = query.field ? [searchColumns[query.field]] : Object.values(searchColumns);
  const ranges = (wrap: (c: string) => string) =>
    columns.flatMap((column) => variants.map((_, v) => `${wrap(column)} >= @lo${v} AND ${wrap(column)} < @hi${v}`));
  // SQLite does not combine partial indexes across an OR; a union of one range per index does,
  // and it stops counting at the cap.
  const branches = ranges((c) => c).map((r) => `SELECT rowid FROM declarations WHERE ${r} AND ${rest}`);
  return {
    narrow: `rowid IN (${branches.join(' UNION ALL ')})`,
    wide: `(${ranges(off)
      .map((r) => `(${r})`)
      .join(' OR ')}) AND ${restWide}`,
    count: `SELECT count(*) AS n FROM (${branches.join(' UNION ')} LIMIT ${COUNT_CAP + 1})`,
    params,
    statusOnly: false,
  };
}

/**
 * The declaration list: search by any identifier brokers use (a prefix of ClientSeqNo,
 * 提运单号, 合同协议号, 境内收发货人, 海关编号 or 统一编号), filter by status and date, sort by any
 * indexed column, one page at a time — a filtered, sorted page of a million rows in a few
 * milliseconds (bench/declaration-list.bench.ts).
 */
export function createDeclarationListQuery(db: Db) {
  const countsStmt = db.prepare<[], { status: string; n: number }>(`SELECT status, n FROM declaration_counts`);
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (cache.size > 200) cache.clear();
      cache.set(sql, stmt);
    }
    return stmt;
  };

  return function list(input: ListQuery): { rows: ListRow[]; total: number; totalExact: boolean } {
    const query = listQuerySchema.parse(input);
    const built = build(query);
    let total: number;
    let exact: boolean;
    if (built.statusOnly) {
      const wanted = query.status && query.status.length > 0 ? new Set<string>(query.status) : null;
      total = countsStmt.all().reduce((sum, row) => sum + (wanted === null || wanted.has(row.status) ? row.n : 0), 0);
      exact = true;
    } else {
      const counted = prepared(built.count).get(built.params) as { n: number };
      exact = counted.n <= COUNT_CAP;
      total = exact ? counted.n : COUNT_CAP;
    }
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    const where = exact && total <= COUNT_CAP ? built.narrow : built.wide;
    const rows = prepared(
      `SELECT ${pageColumns} FROM declarations WHERE ${where} ORDER BY ${sortColumns[query.sort]} ${direction}, rowid ${direction} LIMIT @limit OFFSET @offset`,
    ).all({ ...built.params, limit: query.limit, offset: query.offset }) as ListRow[];
    return { rows, total, totalExact: exact };
  };
}
