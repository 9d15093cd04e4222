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
  updatedAt: z.string().nullable(),
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

export const codeImportResultSchema = z.object({
  table: z.string(),
  version: z.string(),
  rowCount: z.number().int(),
  changed: z.boolean(),
});

export const tariffInfoSchema = z.object({
  code: z.string(),
  name: z.string(),
  firstUnit: z.string(),
  secondUnit: z.string(),
  elements: z.array(z.string()),
  conditions: z.string(),
  inspection: z.string(),
});
