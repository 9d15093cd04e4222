import { z } from 'zod';

/**
 * Code tables as the hub serves them (`GET /v1/code-tables`, `GET /v1/code-tables/:id`).
 * A table is identified by its id (e.g. `trade-modes`) and versioned: every
 * import that changes the content makes a new version; `sha256` fingerprints
 * the rows so a client can tell whether it already has them.
 */
export const codeTableInfoSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  rowCount: z.number().int(),
  columns: z.array(z.string()),
  importedAt: z.string(),
  source: z.string(),
});
export type CodeTableInfo = z.infer<typeof codeTableInfoSchema>;

export const codeTableListSchema = z.object({ tables: z.array(codeTableInfoSchema) });
export type CodeTableList = z.infer<typeof codeTableListSchema>;

/** Every row has `code` and `name_zh`; further columns are kept as the file had them. */
export const codeTableSchema = codeTableInfoSchema.extend({
  rows: z.array(z.record(z.string(), z.string())),
});
export type CodeTable = z.infer<typeof codeTableSchema>;
