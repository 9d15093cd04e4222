import { z } from 'zod';

// Schemas of the code-table methods (codes.*, tariff.*) in the contract.

export const codeTableIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a code-table id such as trade-modes')
  .max(40);
export const hsCodeSchema = z.string().regex(/^\d{10}$/, 'a 10-digit 商品编号');

/** A code-table row: `code`, `name_zh`, usually `name_en`, other columns of the source, and `initials` in snapshots. */
export const codeRowSchema = z.record(z.string(), z.string());

export const codeTableSummarySchema = z.object({
  id: z.string(),
  zh: z.string(),
  en: z.string(),
  builtin: z.enum(['complete', 'partial', 'none']),
  version: z.string().nullable(),
  origin: z.enum(['builtin', 'import', 'hub']).nullable(),
  complete: z.boolean(),
  rowCount: z.number().int(),
  source: z.string().nullable(),
  /** The date of the data (yyyy-MM-dd) where its source states one (a built-in's source, an import's day), else ''. */
  asOf: z.string(),
  /** When an imported or received table was installed; null for a built-in one. */
  updatedAt: z.string().nullable(),
  /** The version the product ships, when it ships the table (also while an imported one is in use). */
  builtinVersion: z.string().nullable(),
});
export type CodeTableSummaryDto = z.infer<typeof codeTableSummarySchema>;

export const codeSearchInputSchema = z
  .object({
    table: codeTableIdSchema,
    query: z.string().max(100),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();

export const codeSearchHitSchema = z.object({
  code: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  rank: z.number().int(),
  /** The code is not in force today: not yet valid, expired, withdrawn, or found only in an older table. */
  validity: z.enum(['not-yet', 'expired', 'retired', 'legacy']).optional(),
});

export const codeSnapshotSchema = z.object({
  tables: z.array(
    z.object({ id: z.string(), version: z.string().nullable(), complete: z.boolean(), rows: z.array(codeRowSchema) }),
  ),
});

const importOptions = {
  table: codeTableIdSchema,
  /** Whether the file is the whole official table (default true). */
  complete: z.boolean().optional(),
};

/** A parameter file by path (Electron's file dialog, same machine) or by content (an upload; base64 for .xlsx). */
export const codeImportInputSchema = z.union([
  z
    .object({
      ...importOptions,
      path: z
        .string()
        .min(1)
        .max(4096)
        .regex(/\.(csv|xlsx)$/i, 'a .csv or .xlsx file'),
    })
    .strict(),
  z
    .object({
      ...importOptions,
      fileName: z.string().min(1).max(255),
      content: z.string().max(70_000_000),
      encoding: z.enum(['text', 'base64']),
      format: z.enum(['csv', 'xlsx']).optional(),
    })
    .strict(),
]);

const tableDiffSchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});

export const codeImportResultSchema = z.object({
  table: z.string(),
  version: z.string(),
  rowCount: z.number().int(),
  changed: z.boolean(),
  /** Against the table that was in use before. */
  diff: tableDiffSchema,
});

/** One reason a parameter file cannot be imported: its line (0 for the file) and column, a code and its values. */
export const codeImportProblemSchema = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

/** What importing a parameter file would do: its rows, the first few, every problem, the change to the table in use. */
export const codeImportPreviewSchema = z.object({
  table: z.string(),
  fileName: z.string(),
  rowCount: z.number().int(),
  columns: z.array(z.string()),
  sample: z.array(codeRowSchema),
  problems: z.array(codeImportProblemSchema),
  problemCount: z.number().int(),
  diff: tableDiffSchema,
  current: z.object({ version: z.string().nullable(), origin: z.string().nullable(), rowCount: z.number().int() }),
});

export const tariffInfoSchema = z.object({
  code: z.string(),
  name: z.string(),
  firstUnit: z.string(),
  secondUnit: z.string(),
  elements: z.array(z.string()),
  conditions: z.string(),
  inspection: z.string(),
  /** Only on the entry for a code the tariff retired: the codes that replaced it. */
  successors: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
});
