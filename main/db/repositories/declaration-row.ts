import type { DeclarationSummary } from '../../../shared/api';
import { twoStepModeOf } from '../../../shared/catalog';
import type { DisplayStatusKey, Workflow } from '../../../shared/status';
import { channels } from '../../../shared/status';

const releaseChannels = Object.entries(channels)
  .filter(([, info]) => info.status === 'released')
  .map(([code]) => `'${code}'`)
  .join(', ');

/** When the declaration was first released (a release receipt taken here), as a column of a declarations query. */
export const releasedAtColumn = `(SELECT min(r.received_at) FROM receipts r
  WHERE r.declaration_id = declarations.id AND r.channel IN (${releaseChannels})) AS released_at`;

/** A row of the declarations table as SQLite returns it (the list query and the repository both read it). */
export interface DeclarationRow {
  id: string;
  client_seq_no: string;
  ie_flag: 'I' | 'E';
  workflow: Workflow;
  status: DisplayStatusKey;
  channel: string | null;
  entry_id: string | null;
  seq_no: string | null;
  trade_name: string;
  bill_no: string;
  contr_no: string;
  head: string;
  line_count: number;
  revision: number;
  rejection: string | null;
  created_at: string;
  updated_at: string;
  declared_at: string | null;
}

/**
 * The head values a summary shows, each by its column in a list page's rows and its field in the head document: the
 * list query reads them out of the stored head (declaration-list-query.ts), a whole row's summary out of the parsed
 * head (headColumns), both from this one list.
 */
export const listHeadFields = {
  trade_mode: 'TradeMode',
  pack_no: 'PackNo',
  gross_wet: 'GrossWet',
  inputer_name: 'InputerName',
  head_type: 'Type',
  ie_date: 'IEDate',
} as const;

type HeadColumns = Record<keyof typeof listHeadFields, string>;

/** A row of a list page: no head document, but the head values the list shows. */
export type ListRow = Omit<DeclarationRow, 'head'> & HeadColumns;

/**
 * A declaration as the repository hands it to core: the summary's names, the head document still as stored (loadDoc
 * reads it with the rows) and the refusal as stored. Column names stay in the repositories; core never sees them.
 */
export interface StoredDeclaration extends DeclarationSummary {
  head: string;
  rejection: string | null;
}

/** The head values a summary shows, from a list page's columns or from the head document itself ('' where absent). */
function headColumns(row: DeclarationRow | ListRow): HeadColumns {
  if ('trade_mode' in row) return row;
  const head = JSON.parse(row.head) as Record<string, string | undefined>;
  return Object.fromEntries(
    Object.entries(listHeadFields).map(([column, field]) => [column, head[field] ?? '']),
  ) as HeadColumns;
}

export function toSummary(row: (DeclarationRow | ListRow) & { released_at?: string | null }): DeclarationSummary {
  const head = headColumns(row);
  return {
    id: row.id,
    clientSeqNo: row.client_seq_no,
    ieFlag: row.ie_flag,
    workflow: row.workflow,
    status: row.status,
    channel: row.channel,
    entryId: row.entry_id,
    seqNo: row.seq_no,
    tradeName: row.trade_name,
    billNo: row.bill_no,
    contrNo: row.contr_no,
    lineCount: row.line_count,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    declaredAt: row.declared_at,
    tradeMode: head.trade_mode,
    packNo: head.pack_no,
    grossWet: head.gross_wet,
    inputerName: head.inputer_name,
    twoStep: twoStepModeOf(head.head_type),
    ieDate: head.ie_date,
    releasedAt: row.released_at ?? null,
  };
}

export function toStored(row: DeclarationRow & { released_at?: string | null }): StoredDeclaration {
  return { ...toSummary(row), head: row.head, rejection: row.rejection };
}
