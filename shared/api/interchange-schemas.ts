import { z } from 'zod';
import { rowSchema } from '../catalog/document';
import { apiIssueSchema, reasonMessageSchema } from './errors';
import { locales } from '../i18n/locale';
import { idSchema, ieFlagSchema, listQuerySchema } from './schemas';

// Schemas of the interchange methods (interchange.*, bridge.*, print.*): DecMessage files,
// spreadsheets and the clipboard, the e-port client folder bridge, and the printed form.

/** Files cross the contract as base64: the browser host has no paths, and Electron's renderer has none either. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
const base64Schema = z
  .string()
  .max(Math.ceil(MAX_FILE_BYTES / 3) * 4, 'the file is larger than 32 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text');
const fileNameSchema = z.string().trim().min(1).max(255);

export const fileInputSchema = z.object({ fileName: fileNameSchema, contentBase64: base64Schema }).strict();

/** A file the renderer offers to save (download in the browser, save dialog in Electron). */
export const fileOutputSchema = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
export type FileOutput = z.infer<typeof fileOutputSchema>;

export const operTypeSchema = z.enum(['A', 'B', 'C', 'D', 'E', 'G']);

export const xmlImportResultSchema = z.object({
  id: idSchema,
  clientSeqNo: z.string(),
  ieFlag: ieFlagSchema,
  lineCount: z.number().int(),
  encoding: z.string(),
  warnings: z.array(apiIssueSchema),
});

export const xmlExportResultSchema = z.object({
  id: idSchema,
  clientSeqNo: z.string(),
  fileName: z.string(),
  text: z.string(),
});

/** The e-port client folder bridge's settings; `enabled` makes it the sync transport instead of the hub. */
export const bridgeConfigureInputSchema = z
  .object({
    enabled: z.boolean(),
    /** The folder holding OutBox, InBox, FailBox and SentBox (e.g. D:\ImpPath\Deccus001); required to enable. */
    impPath: z.string().trim().min(1).max(1024).optional(),
    backupPath: z.string().trim().min(1).max(1024).nullable().default(null),
    operType: z.enum(['C', 'G']).default('C'),
    pollMs: z.number().int().min(500).max(600_000).default(2_000),
    /** Create OutBox/InBox/FailBox/SentBox when they are missing (a client that makes them on its first run). */
    createFolders: z.boolean().default(false),
  })
  .strict()
  .refine((v) => !v.enabled || v.impPath !== undefined, {
    message: 'impPath is required to enable the bridge',
    params: { reason: 'input.imp-path-required' },
    path: ['impPath'],
  });

export const bridgeStatusSchema = z.object({
  transport: z.enum(['hub', 'bridge']),
  config: z
    .object({
      impPath: z.string(),
      backupPath: z.string().nullable(),
      operType: z.enum(['C', 'G']),
      pollMs: z.number().int(),
    })
    .nullable(),
  folders: z.object({ outBox: z.boolean(), inBox: z.boolean(), failBox: z.boolean(), sentBox: z.boolean() }).nullable(),
  lastScanAt: z.string().nullable(),
  /** What went wrong last, to be worded in the UI language (the English text beside it for logs). */
  lastError: reasonMessageSchema.nullable(),
  /** The last receipt file that could not be read and was moved aside (which, why, where to); null when none. */
  lastSetAside: reasonMessageSchema.nullable(),
  /** Receipt files taken in so far, by outcome. */
  files: z.object({ applied: z.number().int(), unmatched: z.number().int(), unreadable: z.number().int() }),
});
export type BridgeStatus = z.infer<typeof bridgeStatusSchema>;

// Goods lines from spreadsheets and the clipboard: read (the mapping step), then import.

/** Where lines come from: a file (.xlsx, .csv, .txt/.tsv) or text (a block copied from Excel is tab separated). */
export const lineSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileName: fileNameSchema, contentBase64: base64Schema }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().max(MAX_FILE_BYTES) }).strict(),
]);
export type LineSource = z.infer<typeof lineSourceSchema>;

export const lineColumnSchema = z.object({
  index: z.number().int().min(0).max(1000),
  header: z.string().max(200).default(''),
  /** A DecList element (CodeTS, GName …) or @origin / @destination (countries by meaning). */
  target: z.string().regex(/^(@origin|@destination|[A-Za-z][A-Za-z0-9]*)$/, 'a goods-line field'),
});

export const lineMappingSchema = z.object({
  sheet: z.string().max(100).nullable().default(null),
  headerRow: z.number().int().min(0).max(1000).default(1),
  columns: z.array(lineColumnSchema).max(200),
});

export const linePlacementSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('append') }).strict(),
  z.object({ mode: z.literal('replace') }).strict(),
  z.object({ mode: z.literal('at'), line: z.number().int().min(0).max(999) }).strict(),
  /**
   * New declarations of at most 50 lines each, with the head of the declaration named (for sheets of more than 50
   * lines).
   */
  z.object({ mode: z.literal('split') }).strict(),
]);

export const lineProblemSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  messageEn: z.string(),
});

/** A sheet's text for a goods-line field: the DecList element and the text as the sheet has it. */
const sheetValueFields = { field: z.string(), from: z.string() };

/** A sheet's value the import turned into a code through the code tables (by name, case or dropped zeros). */
export const lineMappedSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  ...sheetValueFields,
  to: z.string(),
  name: z.string(),
  how: z.enum(['name', 'case', 'zeros']),
});

/**
 * Cells pasted into the goods grid, as read into lines, whose names main turns into codes through the code tables
 * (interchange.mapLineCodes): the same mapping a spreadsheet's import goes through.
 */
export const lineCodesInputSchema = z
  .object({
    ieFlag: z.enum(['I', 'E']),
    mapping: lineMappingSchema,
    lines: z
      .array(
        z.object({
          source: z.number().int().min(1),
          row: rowSchema,
          /** Codes whose leading zeros the reading put back (035 for 35), to report as mapped. */
          padded: z.array(z.object(sheetValueFields)).optional(),
        }),
      )
      .max(1000),
  })
  .strict();

export const lineCodesSchema = z.object({
  /** The lines with each mapped name or code in the table's spelling; unmapped values left as they were. */
  lines: z.array(z.object({ source: z.number().int(), row: rowSchema })),
  mapped: z.array(lineMappedSchema),
  /** What could not be mapped (a name no code has, one that several codes carry), naming row, column and value. */
  problems: z.array(lineProblemSchema),
});

export const lineProfileSchema = z.object({
  id: idSchema,
  /** Whose sheets these are (the customer, e.g. the 境内收发货人 name or code). */
  customer: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(60),
  mapping: lineMappingSchema,
  updatedAt: z.string(),
});
export type LineProfile = z.infer<typeof lineProfileSchema>;

export const linePreviewInputSchema = z
  .object({
    source: lineSourceSchema,
    /** The declaration the lines are for: its customer's saved profile is used when there is one. */
    declarationId: idSchema.optional(),
    profileId: idSchema.optional(),
    sheet: z.string().max(100).optional(),
    headerRow: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const linePreviewSchema = z.object({
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  columns: z.array(
    z.object({ index: z.number().int(), letter: z.string(), header: z.string(), samples: z.array(z.string()) }),
  ),
  /** Data rows (after the header row, empty rows not counted). */
  rowCount: z.number().int(),
  mapping: lineMappingSchema,
  /** The saved profile the mapping came from, when one was used. */
  profileId: idSchema.nullable(),
  targets: z.array(z.object({ target: z.string(), zh: z.string(), en: z.string() })),
});

export const lineImportInputSchema = z
  .object({
    declarationId: idSchema,
    baseRevision: z.number().int().min(0),
    source: lineSourceSchema,
    mapping: lineMappingSchema,
    placement: linePlacementSchema.default({ mode: 'append' }),
    /** Save the mapping as this customer's import profile (after a successful import). */
    saveProfile: z
      .object({ customer: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(60) })
      .strict()
      .optional(),
  })
  .strict();

export const lineImportReportSchema = z.object({
  /** False when any row failed: then nothing was written. */
  written: z.boolean(),
  rowCount: z.number().int(),
  imported: z.number().int(),
  revision: z.number().int().nullable(),
  /** Declarations made by a split import. */
  created: z.array(z.object({ id: idSchema, clientSeqNo: z.string(), lineCount: z.number().int() })),
  errors: z.array(lineProblemSchema),
  errorCount: z.number().int(),
  warnings: z.array(lineProblemSchema),
  warningCount: z.number().int(),
  /** Every value turned into a code, reported (nothing is changed silently). */
  mapped: z.array(lineMappedSchema),
  mappedCount: z.number().int(),
  profileId: idSchema.nullable(),
});
export type LineImportReport = z.infer<typeof lineImportReportSchema>;

// Spreadsheets out: the declaration list (every match of the filter) and one declaration.
export const exportListInputSchema = z
  .object({
    query: listQuerySchema
      .omit({ limit: true, offset: true })
      .strict()
      .default({ sort: 'updatedAt', direction: 'desc' }),
    format: z.enum(['xlsx', 'csv']),
    /** The list's columns to write (its visible ones); every column when absent. */
    columns: z
      .array(z.string().regex(/^[A-Za-z]{1,40}$/))
      .max(30)
      .optional(),
    locale: z.enum(locales).default('zh-CN'),
  })
  .strict();

export const exportDeclarationInputSchema = z
  .object({ id: idSchema, format: z.literal('xlsx').default('xlsx'), locale: z.enum(locales).default('zh-CN') })
  .strict();

/**
 * The printed form as a PDF: the Electron shell prints its window; elsewhere `supported` is false and the renderer
 * prints through the browser.
 */
export const printPdfInputSchema = z.object({ fileName: fileNameSchema }).strict();
export const printPdfResultSchema = z.object({ supported: z.boolean(), file: fileOutputSchema.nullable() });
