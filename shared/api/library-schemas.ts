import { z } from 'zod';
import { rowSchema } from '../catalog/document';
import { defaultsDirections } from '../libraries/defaults';
import { partyRoles } from '../libraries/party';
import { productFields } from '../libraries/product';
import { templateParts } from '../libraries/template-parts';
import { lineMappingSchema, linePreviewSchema, lineProblemSchema, lineSourceSchema } from './interchange-schemas';
import { idSchema } from './schemas';

// Schemas of repeat shipments in the contract: the party library (parties.*), the
// product library (products.*), their spreadsheets (libraries.*), templates as files and by
// part, copying a declaration, and the operator's default values for new declarations.

export const partyRoleSchema = z.enum(partyRoles);
export const templatePartSchema = z.enum(templateParts);
export const libraryKindSchema = z.enum(['parties', 'products']);

/** Loose on purpose: the party service checks the values and names each wrong field (shared/libraries/party.ts). */
export const partyInputSchema = z
  .object({
    roles: z.array(partyRoleSchema).max(8),
    customsCode: z.string().max(100).default(''),
    uscc: z.string().max(100).default(''),
    ciqCode: z.string().max(100).default(''),
    nameZh: z.string().max(500).default(''),
    nameEn: z.string().max(1000).default(''),
    address: z.string().max(500).default(''),
    note: z.string().max(500).default(''),
  })
  .strict();

export const partySchema = z.object({
  id: idSchema,
  roles: z.array(partyRoleSchema),
  overseas: z.boolean(),
  customsCode: z.string(),
  uscc: z.string(),
  ciqCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  address: z.string(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Party = z.infer<typeof partySchema>;

/**
 * A customs code (10 characters) or USCC (18) keyed in a party box, to look up the party it names (parties.keyed);
 * the declaration being keyed is left out of the search.
 */
export const keyedPartyInputSchema = z
  .object({
    kind: z.enum(['code', 'uscc']),
    value: z.string().regex(/^[0-9A-Za-z]+$/),
    exceptId: idSchema.optional(),
  })
  .strict()
  .refine((i) => i.value.length === (i.kind === 'code' ? 10 : 18), {
    path: ['value'],
    message: 'a customs code has 10 characters, a USCC 18',
    params: { reason: 'input.party-code-length' },
  });

/** The party a keyed code names: from the party library, or else from the newest declaration here holding it. */
export const keyedPartySchema = z.object({
  source: z.enum(['library', 'declaration']),
  /** The declaration it came from (source declaration). */
  clientSeqNo: z.string().optional(),
  party: z.object({
    nameZh: z.string(),
    nameEn: z.string(),
    customsCode: z.string(),
    uscc: z.string(),
    ciqCode: z.string(),
  }),
});
export type KeyedParty = z.infer<typeof keyedPartySchema>;

const productFieldsShape = Object.fromEntries(productFields.map((f) => [f, z.string().max(1000).optional()])) as Record<
  (typeof productFields)[number],
  z.ZodOptional<z.ZodString>
>;
export const productFieldsSchema = z.object(productFieldsShape).strict();

export const productInputSchema = z
  .object({ customer: z.string().max(200).default(''), fields: productFieldsSchema })
  .strict();

export const productSchema = z.object({
  id: idSchema,
  customer: z.string(),
  /** The product's values under the DecList element names; OriginCountry is the country of origin by meaning. */
  fields: rowSchema,
  /** Added or updated from a declaration customs released (CHANNEL P). */
  learned: z.boolean(),
  /** The released declaration it was last learned from (海关编号, else our 客户端编号). */
  learnedFrom: z.string(),
  learnedAt: z.string().nullable(),
  useCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productSchema>;

const searchText = z.string().max(100).default('');
export const partySearchInputSchema = z
  .object({ query: searchText, role: partyRoleSchema.optional(), limit: z.number().int().min(1).max(100).default(20) })
  .strict();
/**
 * The declaration's 境内收发货人 when the picker is opened in one (head.TradeCode, TradeCoScc,
 * TradeName): the products of that customer (a product's `customer` is any of them) come first.
 */
export const productCustomerSchema = z
  .object({
    code: z.string().max(100).optional(),
    uscc: z.string().max(100).optional(),
    name: z.string().max(200).optional(),
  })
  .strict();
export type ProductCustomer = z.infer<typeof productCustomerSchema>;
export const productSearchInputSchema = z
  .object({
    query: searchText,
    customer: productCustomerSchema.optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();

/**
 * Where a page of a library without a search starts: just after this row, newest first (a
 * keyset, so page 1,000 of a million rows is as quick as page 1). Pass back the `next` of the
 * page before; `row` is the row's place in its table, only meaningful passed back.
 */
export const libraryAfterSchema = z
  .object({ updatedAt: z.string().min(1).max(40), row: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })
  .strict();
export type LibraryAfter = z.infer<typeof libraryAfterSchema>;

/** A page's start: its first row's position (from 0), and for a library without a search the row it follows. */
const pageStart = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  /** Only without a search (a search's matches are ranked, and page by `offset`). */
  after: libraryAfterSchema.optional(),
};
const pageSize = z.number().int().min(1).max(200).default(50);

export const partyListInputSchema = z
  .object({ query: searchText, role: partyRoleSchema.optional(), ...pageStart, limit: pageSize })
  .strict();
export const productListInputSchema = z
  .object({ query: searchText, learned: z.boolean().optional(), ...pageStart, limit: pageSize })
  .strict();

/**
 * A page of a library: its rows, the position of the first, how many there are in all (counted
 * only so far: `total` is exact when `totalExact`, else "more than total"), and the start of the
 * next page to pass back as is (null on the last page).
 */
function libraryPageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    offset: z.number().int(),
    total: z.number().int(),
    totalExact: z.boolean(),
    next: z.object({ offset: z.number().int(), after: libraryAfterSchema.optional() }).nullable(),
  });
}
export const partyPageSchema = libraryPageSchema(partySchema);
export const productPageSchema = libraryPageSchema(productSchema);
export interface LibraryPage<T> {
  items: T[];
  offset: number;
  total: number;
  totalExact: boolean;
  next: { offset: number; after?: LibraryAfter } | null;
}

export const libraryPreviewInputSchema = z
  .object({
    kind: libraryKindSchema,
    source: lineSourceSchema,
    sheet: z.string().max(100).optional(),
    headerRow: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
/** The mapping step's answer: the goods-line preview's shape (no saved profiles here). */
export const libraryPreviewSchema = linePreviewSchema;

export const libraryImportInputSchema = z
  .object({
    kind: libraryKindSchema,
    /** Chosen by the renderer, so it can follow this import's progress events and cancel it. */
    importId: idSchema,
    source: lineSourceSchema,
    mapping: lineMappingSchema,
  })
  .strict();

export const libraryImportReportSchema = z.object({
  kind: libraryKindSchema,
  /** False when any row failed or the import was cancelled: then nothing was written. */
  written: z.boolean(),
  cancelled: z.boolean(),
  rowCount: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  errors: z.array(lineProblemSchema),
  errorCount: z.number().int(),
  warnings: z.array(lineProblemSchema),
  warningCount: z.number().int(),
});
export type LibraryImportReport = z.infer<typeof libraryImportReportSchema>;

export const libraryProgressSchema = z.object({
  importId: z.string(),
  phase: z.enum(['read', 'check', 'write', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type LibraryProgress = z.infer<typeof libraryProgressSchema>;

export const templateFileResultSchema = z.object({
  imported: z.number().int(),
  replaced: z.number().int(),
  names: z.array(z.string()),
});

/** Where default values apply: every new declaration (`both`), or only imports (`I`) or exports (`E`). */
export const defaultsDirectionSchema = z.enum(defaultsDirections);
const defaultValuesSchema = z.object({ head: rowSchema, line: rowSchema });

/**
 * The current operator's default values for new declarations (head fields such as 申报地海关,
 * 监管方式, 成交方式; goods-line fields such as 征免 for each new line). `head`/`line` apply to
 * both directions; `import`/`export` hold values for one direction only, which win over them
 * (进境关别 for imports, 出境关别 for exports …). `profileId` is null before the first-run setup
 * (then there are none).
 */
export const declarationDefaultsSchema = z.object({
  profileId: idSchema.nullable(),
  operator: z.string().nullable(),
  head: rowSchema,
  line: rowSchema,
  import: defaultValuesSchema,
  export: defaultValuesSchema,
});
/** defaults.update: one direction's values at a time (`both` when not given), the others kept. */
export const defaultsUpdateInputSchema = z
  .object({ direction: defaultsDirectionSchema.default('both'), head: rowSchema, line: rowSchema })
  .strict();
export type DeclarationDefaults = z.infer<typeof declarationDefaultsSchema>;
