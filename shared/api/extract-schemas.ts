import { z } from 'zod';
import { proposedLineFields } from '../extract/document';
import { reasonMessageSchema } from './errors';
import { fileInputSchema } from './interchange-schemas';
import { idSchema } from './schemas';

// Schemas of goods lines read from the customer's invoice and packing list (extract.*): the shapes of
// shared/extract/document.ts as they cross the contract, checked both ways like every other method.

const boxSchema = z.object({
  page: z.number().int().min(0),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
});

const foundSchema = z.object({
  value: z.string(),
  box: boxSchema.optional(),
  raw: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
});

const headSchema = z.object({
  invoiceNo: foundSchema.optional(),
  invoiceDate: foundSchema.optional(),
  incoterm: foundSchema.optional(),
  currency: foundSchema.optional(),
  seller: foundSchema.optional(),
  buyer: foundSchema.optional(),
  origin: foundSchema.optional(),
});

const lineFoundFields = [
  'itemNo',
  'nameZh',
  'nameEn',
  'model',
  'quantity',
  'unit',
  'unitPrice',
  'amount',
  'currency',
  'origin',
  'packages',
  'netWeight',
  'grossWeight',
] as const;

const documentLineSchema = z
  .object({ index: z.number().int() })
  .extend(
    Object.fromEntries(lineFoundFields.map((f) => [f, foundSchema.optional()])) as Record<
      (typeof lineFoundFields)[number],
      z.ZodOptional<typeof foundSchema>
    >,
  );

const totalsSchema = z.object({
  quantity: foundSchema.optional(),
  amount: foundSchema.optional(),
  packages: foundSchema.optional(),
  netWeight: foundSchema.optional(),
  grossWeight: foundSchema.optional(),
});

export const parsedDocumentSchema = z.object({
  fileName: z.string(),
  role: z.enum(['invoice', 'packing-list', 'invoice-and-packing-list', 'unknown']),
  head: headSchema,
  lines: z.array(documentLineSchema),
  totals: totalsSchema,
  rowsAfterTotals: z.object({ rows: z.number().int().min(1), box: boxSchema }).optional(),
});

export const proposedValueSchema = z.object({
  value: z.string(),
  source: foundSchema.extend({ fileName: z.string() }).optional(),
  fromLibrary: z.object({ productId: z.string() }).optional(),
});

export const proposedLineFieldSchema = z.enum(proposedLineFields);

export const proposedLineSchema = z.object({
  invoiceLine: z.number().int().nullable(),
  packingLine: z.number().int().nullable(),
  values: z.partialRecord(proposedLineFieldSchema, proposedValueSchema),
  elements: z.string().optional(),
});

/** The head values accepting may write, as the declaration's head names them (the currency is each line's). */
export const proposedHeadFields = ['ContrNo', 'TransMode', 'PackNo', 'GrossWet', 'NetWt'] as const;
export const proposedHeadFieldSchema = z.enum(proposedHeadFields);
export type ProposedHeadField = (typeof proposedHeadFields)[number];

export const extractionSchema = z.object({
  documents: z.array(parsedDocumentSchema),
  lines: z.array(proposedLineSchema),
  // The head fields apply may write, the documents' currency and the Incoterm as printed (shown beside 成交方式).
  head: z
    .object(
      Object.fromEntries(
        [...proposedHeadFields, 'TradeCurr', 'incoterm'].map((f) => [f, proposedValueSchema.optional()]),
      ),
    )
    .partial() as z.ZodType<
    Partial<Record<ProposedHeadField | 'TradeCurr' | 'incoterm', z.infer<typeof proposedValueSchema>>>
  >,
  mismatches: z.array(
    z.object({
      kind: z.enum(['total', 'line-arithmetic', 'invoice-vs-packing', 'unmatched-line', 'rows-after-totals']),
      field: z.string(),
      expected: z.string(),
      actual: z.string(),
      line: z.number().int().optional(),
      // Which document's page the box is on (the review shows that file's page), and which the notice names.
      fileName: z.string().optional(),
      box: boxSchema.optional(),
    }),
  ),
});

/** The files an extraction reads: an invoice and its packing list, or one document that is both. */
export const MAX_EXTRACT_FILES = 4;
export const extractStartInputSchema = z
  .object({ id: idSchema, files: z.array(fileInputSchema).min(1).max(MAX_EXTRACT_FILES) })
  .strict();

export const extractJobIdSchema = z.string().regex(/^[\w-]{1,64}$/);

/** Which job, reading for which declaration: what its progress and its result both name. */
const extractJobFields = { jobId: z.string(), declarationId: z.string() };

/** How far a job is: the file and page being read, and the OCR of that page when it is a picture. */
export const extractProgressSchema = z.object({
  ...extractJobFields,
  state: z.enum(['reading', 'done', 'failed', 'cancelled']),
  file: z.number().int(),
  files: z.number().int(),
  fileName: z.string(),
  /** 1-based page being read, of `pages` in this file (0 of 0 before the file's page count is known). */
  page: z.number().int(),
  pages: z.number().int(),
  /** The OCR of the page, 0–1; null on a page read from its text layer. */
  ocr: z.number().min(0).max(1).nullable(),
  /** Why it failed, worded by the renderer. */
  error: reasonMessageSchema.nullable(),
});
export type ExtractProgress = z.infer<typeof extractProgressSchema>;

export const extractResultSchema = z.object({
  ...extractJobFields,
  /** The declaration's revision the extraction was started at; apply refuses a declaration changed since. */
  baseRevision: z.number().int(),
  extraction: extractionSchema,
  /** The pages of each file read, by file, with their size in points (for the picture's aspect ratio). */
  files: z.array(
    z.object({
      fileName: z.string(),
      pages: z.array(z.object({ width: z.number(), height: z.number(), kind: z.string() })),
    }),
  ),
});
export type ExtractResult = z.infer<typeof extractResultSchema>;

export const extractPageInputSchema = z
  .object({
    jobId: extractJobIdSchema,
    file: z.number().int().min(0).max(MAX_EXTRACT_FILES),
    page: z.number().int().min(0).max(999),
    maxWidth: z.number().int().min(100).max(3000).default(1200),
  })
  .strict();
export const extractPageSchema = z.object({
  pngBase64: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

/** One accepted line, as the broker left it: values under the DecList names. */
export const extractApplyLineSchema = z
  .object({ values: z.partialRecord(proposedLineFieldSchema, z.string().max(500)) })
  .strict();

export const extractApplyInputSchema = z
  .object({
    jobId: extractJobIdSchema,
    id: idSchema,
    baseRevision: z.number().int().min(0),
    lines: z.array(extractApplyLineSchema).max(50),
    head: z.partialRecord(proposedHeadFieldSchema, z.string().max(100)).default({}),
  })
  .strict();

export const extractUndoInputSchema = z.object({ id: idSchema, revision: z.number().int().min(1) }).strict();

export const extractLastWriteSchema = z.object({
  /** The revision the write made. */
  revision: z.number().int(),
  /** How many goods lines it appended (0 when only head values were written). */
  lines: z.number().int(),
  fileNames: z.string(),
  writtenAt: z.string(),
  /** Whether the declaration is still at that revision (undo possible). */
  current: z.boolean(),
});
export type ExtractLastWrite = z.infer<typeof extractLastWriteSchema>;
