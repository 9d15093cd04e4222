import { z } from 'zod';
import { displayStatusSchema, workflowSchema } from '../../../shared/api';
import type { Db } from '../../db/connection';
import { createArchiveReader } from '../../db/repositories/archive-tables';

// The records of an export archive, one JSON object per line, each checked with these schemas
// on import before anything is written. They are the tables' own rows (column names as in
// SQLite), so an archive is a faithful copy and importing it needs no translation.

const text = z.string().max(1_000_000);
const id = z.string().min(1).max(64);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// Columns a record only keeps bounded (a library's service checks its own when a broker edits them), by what they hold:
// codes and keys (roles, customs codes, USCCs, 商品编号, a declaration's number) or words (names, notes, file names).
const code = z.string().max(100);
const words = z.string().max(1000);

/** A 随附单据 file's registry row (EdocID → the bytes' SHA-256); the bytes come in a file record. */
export const attachmentRowSchema = z.object({
  edoc_id: z.string().min(1).max(64),
  edoc_code: z.string().min(1).max(8),
  sha256,
  size: z.number().int().min(1),
  file_name: words,
  added_at: z.string(),
});

export const declarationRecordSchema = z.object({
  t: z.literal('declaration'),
  row: z.object({
    id,
    client_seq_no: z.string().min(1).max(20),
    ie_flag: z.enum(['I', 'E']),
    workflow: workflowSchema,
    status: displayStatusSchema,
    channel: z.string().nullable(),
    entry_id: z.string().nullable(),
    seq_no: z.string().nullable(),
    trade_name: z.string(),
    bill_no: z.string(),
    contr_no: z.string(),
    head: text,
    line_count: z.number().int().min(0),
    revision: z.number().int().min(1),
    rejection: text.nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  rows: z
    .array(z.object({ tbl: z.string().regex(/^[a-z][A-Za-z]*$/), seq: z.number().int().min(0), data: text }))
    .max(20_000),
  revisions: z
    .array(
      z.object({
        revision: z.number().int().min(1),
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        changes: text,
      }),
    )
    .max(100_000),
  /** Its attached files; an archive from before files travelled has none. */
  attachments: z.array(attachmentRowSchema).max(1000).default([]),
});

/**
 * The bytes of one attached file, once per SHA-256 however many EdocIDs name it (base64). The import checks they hash
 * to their name before anything is written.
 */
export const fileRecordSchema = z.object({
  t: z.literal('file'),
  sha256,
  size: z.number().int().min(1),
  data: z.string().max(200_000_000),
});

export const receiptRecordSchema = z.object({
  t: z.literal('receipt'),
  receipt_id: id,
  declaration_id: z.string().nullable(),
  submission_id: z.string().nullable(),
  client_seq_no: z.string(),
  channel: z.string(),
  note: z.string(),
  notice_date: z.string(),
  seq_no: z.string().nullable(),
  entry_id: z.string().nullable(),
  source: z.string(),
  raw: text,
  received_at: z.string(),
});

/** What a submission and a 修撤单 keep of their sending alike (the outbox's signed-sending columns). */
const signedSending = {
  envelope: text,
  signature: z.string(),
  key_id: z.string(),
  digest: z.string(),
  attempts: z.number().int(),
  last_error: z.string().nullable(),
};

/** Submissions already settled (accepted, rejected, withdrawn): the signed text sent, kept as evidence. */
export const submissionRecordSchema = z.object({
  t: z.literal('submission'),
  submission_id: id,
  declaration_id: id,
  revision: z.number().int(),
  state: z.enum(['accepted', 'rejected', 'withdrawn']),
  ...signedSending,
  hub_seq: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

/**
 * Modification and cancellation requests (修撤单) the hub holds or answered: the signed text sent and its answer, kept
 * as evidence; one still waiting to go out belongs to this machine (its key signed it), as a waiting submission does.
 */
export const modRequestRecordSchema = z.object({
  t: z.literal('modRequest'),
  request_id: id,
  declaration_id: id,
  kind: z.enum(['modify', 'cancel']),
  state: z.enum(['sent', 'approved', 'refused']),
  revision: z.number().int(),
  reason_case: z.number().int().min(1).max(6),
  note: words,
  head: text,
  changes: text,
  ...signedSending,
  mod_seq_no: z.string().nullable(),
  answer: text.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const templateRecordSchema = z.object({
  t: z.literal('template'),
  id,
  name: z.string().min(1).max(60),
  ie_flag: z.enum(['I', 'E']),
  doc: text,
  line_count: z.number().int().min(0),
  /** The parts kept; older archives have none: every part. */
  parts: z.string().max(200).optional(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** A code table the user imported from the official parameter files (built-in and hub tables come by themselves). */
export const codeTableRecordSchema = z.object({
  t: z.literal('codeTable'),
  id: z.string().min(1).max(60),
  version: z.string(),
  complete: z.boolean(),
  source: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.string())).max(2_000_000),
});

export const profileRecordSchema = z.object({
  t: z.literal('profile'),
  id,
  company_name: z.string(),
  customs_code: z.string(),
  uscc: z.string(),
  operator_name: z.string(),
  ic_card: z.string(),
  /** 录入员/复核员 (shared/profiles/roles.ts); an archive from before roles gives both, as the migration did. */
  roles: z.string().default('preparer,reviewer'),
  created_at: z.string(),
  updated_at: z.string(),
});

/** An operator's default values for new declarations. */
export const profileDefaultsRecordSchema = z.object({
  t: z.literal('profileDefaults'),
  profile_id: id,
  head: text,
  line: text,
  // Import-only and export-only values (migration 0009); an archive from before has none.
  import_head: text.default('{}'),
  import_line: text.default('{}'),
  export_head: text.default('{}'),
  export_line: text.default('{}'),
  updated_at: z.string(),
});

/** The party library: the table's own row. */
export const partyRecordSchema = z.object({
  t: z.literal('party'),
  id,
  overseas: z.union([z.literal(0), z.literal(1)]),
  roles: code,
  customs_code: code,
  uscc: code,
  ciq_code: code,
  name_zh: words,
  name_en: words,
  address: words,
  note: words,
  initials: words,
  created_at: z.string(),
  updated_at: z.string(),
});

/** The product library: the table's own row, learned products with where they were learned from. */
export const productRecordSchema = z.object({
  t: z.literal('product'),
  id,
  key: z.string().max(2000),
  customer: words,
  code_ts: code,
  g_name: words,
  exg_no: words,
  initials: words,
  data: z.string().max(20_000),
  learned: z.union([z.literal(0), z.literal(1)]),
  learned_from: code,
  learned_at: z.string().nullable(),
  use_count: z.number().int().min(0),
  created_at: z.string(),
  updated_at: z.string(),
});

export const archiveRecordSchema = z.discriminatedUnion('t', [
  declarationRecordSchema,
  receiptRecordSchema,
  submissionRecordSchema,
  modRequestRecordSchema,
  templateRecordSchema,
  codeTableRecordSchema,
  profileRecordSchema,
  profileDefaultsRecordSchema,
  partyRecordSchema,
  productRecordSchema,
  fileRecordSchema,
]);
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;
export type DeclarationArchiveRecord = z.infer<typeof declarationRecordSchema>;

/**
 * Every record of a database, in an order an import can follow (a declaration before its
 * receipts and submissions). Declarations and the libraries are read in pages by id, so memory stays bounded.
 */
export function* readArchiveRecords(db: Db): Generator<ArchiveRecord> {
  const tables = createArchiveReader(db);
  type Fields<S extends z.ZodType> = Omit<z.infer<S>, 't'>;
  if (tables.has('operator_profiles'))
    for (const p of tables.profiles()) yield { t: 'profile', ...(p as Fields<typeof profileRecordSchema>) };
  if (tables.has('profile_defaults'))
    for (const d of tables.profileDefaults())
      yield { t: 'profileDefaults', ...(d as Fields<typeof profileDefaultsRecordSchema>) };

  for (const d of tables.declarations()) {
    yield {
      t: 'declaration',
      row: d.row as DeclarationArchiveRecord['row'],
      rows: d.rows as DeclarationArchiveRecord['rows'],
      revisions: d.revisions as DeclarationArchiveRecord['revisions'],
      attachments: d.attachments as DeclarationArchiveRecord['attachments'],
    };
    for (const s of d.submissions) yield { t: 'submission', ...(s as Fields<typeof submissionRecordSchema>) };
    for (const r of d.receipts) yield { t: 'receipt', ...(r as Fields<typeof receiptRecordSchema>) };
    for (const m of d.modRequests) yield { t: 'modRequest', ...(m as Fields<typeof modRequestRecordSchema>) };
  }
  for (const r of tables.unmatchedReceipts()) yield { t: 'receipt', ...(r as Fields<typeof receiptRecordSchema>) };

  if (tables.has('templates'))
    for (const tpl of tables.templates()) yield { t: 'template', ...(tpl as Fields<typeof templateRecordSchema>) };
  if (tables.has('parties'))
    for (const party of tables.parties()) yield { t: 'party', ...(party as Fields<typeof partyRecordSchema>) };
  if (tables.has('products'))
    for (const product of tables.products()) yield { t: 'product', ...(product as Fields<typeof productRecordSchema>) };
  if (tables.has('code_tables')) for (const table of tables.importedCodeTables()) yield { t: 'codeTable', ...table };
}
