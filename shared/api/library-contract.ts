import { z } from 'zod';
import { fileInputSchema, fileOutputSchema } from './interchange-schemas';
import { templateNameSchema, templateSummarySchema } from './desk-schemas';
import {
  declarationDefaultsSchema,
  defaultsUpdateInputSchema,
  libraryImportInputSchema,
  libraryImportReportSchema,
  libraryKindSchema,
  libraryPreviewInputSchema,
  libraryPreviewSchema,
  libraryProgressSchema,
  keyedPartyInputSchema,
  keyedPartySchema,
  partyInputSchema,
  partyListInputSchema,
  partyPageSchema,
  partySchema,
  partySearchInputSchema,
  productInputSchema,
  productListInputSchema,
  productPageSchema,
  productSchema,
  productSearchInputSchema,
  templateFileResultSchema,
} from './library-schemas';
import { declarationRecordSchema, idSchema } from './schemas';

// Repeat shipments, spread into the one contract in ./contract.ts: copy a declaration,
// templates as files, the party and product libraries with their spreadsheets, and the
// operator's default values for new declarations.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();
const byIds = z.object({ ids: z.array(idSchema).min(1).max(500) }).strict();
const deleted = z.object({ deleted: z.number().int() });

export const libraryMethods = {
  /**
   * A new draft from any declaration, whatever its status: what the user keyed in, without our
   * and customs' identifiers (a new 客户端编号; no 统一编号, 海关编号, 预录入编号, signature); the
   * goods lines (and what hangs on them) kept or dropped. The current operator's fields apply.
   */
  'declarations.copy': method(
    z.object({ id: idSchema, keepLines: z.boolean().default(true) }).strict(),
    declarationRecordSchema,
  ),

  'templates.rename': method(z.object({ id: idSchema, name: templateNameSchema }).strict(), templateSummarySchema),
  /** Templates as one JSON file (every template when `ids` is absent), to import on another desk. */
  'templates.export': method(z.object({ ids: z.array(idSchema).max(1000).optional() }).strict(), fileOutputSchema),
  /** Every template of the file is checked first; a name used here is a conflict unless `replace`. All or nothing. */
  'templates.import': method(
    fileInputSchema.extend({ replace: z.boolean().default(false) }).strict(),
    templateFileResultSchema,
  ),

  'parties.search': method(partySearchInputSchema, z.array(partySchema)),
  /** One page of the library, newest first (a search: best matches first); `next` starts the page after. */
  'parties.list': method(partyListInputSchema, partyPageSchema),
  /** Adds a party, or changes the one with `id`; a refusal names each wrong field. */
  'parties.save': method(partyInputSchema.extend({ id: idSchema.optional() }).strict(), partySchema),
  'parties.delete': method(byIds, deleted),
  /**
   * The party a customs code or USCC keyed in a party box names: the party library first, then the newest declaration
   * here holding it in a party box; null when neither does.
   */
  'parties.keyed': method(keyedPartyInputSchema, keyedPartySchema.nullable()),

  'products.search': method(productSearchInputSchema, z.array(productSchema)),
  'products.list': method(productListInputSchema, productPageSchema),
  'products.save': method(productInputSchema.extend({ id: idSchema.optional() }).strict(), productSchema),
  'products.delete': method(byIds, deleted),
  /** Counts a pick (the most used products rank first among equals). */
  'products.used': method(z.object({ id: idSchema }).strict(), z.object({ useCount: z.number().int() })),

  /** Parties or products from XLSX/CSV: the mapping step, then the import (all or nothing, with a report). */
  'libraries.preview': method(libraryPreviewInputSchema, libraryPreviewSchema),
  'libraries.import': method(libraryImportInputSchema, libraryImportReportSchema),
  /** Stops an import still reading or checking its rows; nothing is written. */
  'libraries.cancelImport': method(z.object({ importId: idSchema }).strict(), z.object({ cancelled: z.boolean() })),
  'libraries.export': method(
    z.object({ kind: libraryKindSchema, format: z.enum(['xlsx', 'csv']) }).strict(),
    fileOutputSchema,
  ),

  'defaults.get': method(empty, declarationDefaultsSchema),
  /**
   * Replaces the current operator's defaults of one direction (both, imports or exports); a value that cannot be right
   * is refused, naming its field.
   */
  'defaults.update': method(defaultsUpdateInputSchema, declarationDefaultsSchema),
} as const;

export const libraryEvents = {
  /** How far a library import is (the dialog shows it); `done` at the end, whatever the outcome. */
  'libraries.progress': libraryProgressSchema,
  /** The party or product library or the templates changed (an import, learning from a release). */
  'libraries.changed': z.object({ kind: z.enum(['parties', 'products', 'templates']) }),
} as const;
