import { z } from 'zod';
import { reasonMessageSchema } from './errors';
import { declarationDocSchema } from '../catalog/document';
import {
  appInfoSchema,
  billNoUseSchema,
  declarationRecordSchema,
  declarationSummarySchema,
  hubUrlSchema,
  idSchema,
  requestIdSchema,
  ieFlagSchema,
  keyInfoSchema,
  keyStatusSchema,
  listQuerySchema,
  outboxEntrySchema,
  outboxStateSchema,
  passphraseSchema,
  signatureAlgorithmSchema,
  timelineEntrySchema,
  modReasonSchema,
  modRequestEntrySchema,
  patchOpSchema,
  receiptEntrySchema,
  syncStatusSchema,
  taxBillEntrySchema,
} from './schemas';
import {
  codeImportInputSchema,
  codeImportPreviewSchema,
  codeImportResultSchema,
  codeRowSchema,
  codeSearchHitSchema,
  codeSearchInputSchema,
  codeSnapshotSchema,
  codeTableIdSchema,
  codeTableSummarySchema,
  hsCodeSchema,
  tariffInfoSchema,
} from './code-schemas';
import { templateNameSchema, templateSummarySchema, uiStatePatchSchema, uiStateSchema } from './desk-schemas';
import { adminEvents, adminMethods } from './admin-contract';
import { attachmentMethods } from './attachment-contract';
import { extractEvents, extractMethods } from './extract-contract';
import { libraryEvents, libraryMethods } from './library-contract';
import { reviewMethods } from './review-contract';
import { templatePartSchema } from './library-schemas';
import {
  bridgeConfigureInputSchema,
  bridgeStatusSchema,
  exportDeclarationInputSchema,
  exportListInputSchema,
  fileInputSchema,
  fileOutputSchema,
  lineImportInputSchema,
  lineCodesInputSchema,
  lineCodesSchema,
  lineImportReportSchema,
  lineMappingSchema,
  linePreviewInputSchema,
  linePreviewSchema,
  lineProfileSchema,
  operTypeSchema,
  printPdfInputSchema,
  printPdfResultSchema,
  xmlExportResultSchema,
  xmlImportResultSchema,
} from './interchange-schemas';

/**
 * The one contract between the renderer and main. Every method the renderer
 * may call is listed here with the schema of its input and of its output;
 * main validates every input against it (main/core/api/dispatch.ts) and both
 * shells (Electron IPC, browser host HTTP) register exactly this list.
 */
function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const empty = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();

export const methods = {
  'app.info': method(empty, appInfoSchema),

  'declarations.list': method(
    listQuerySchema.strict(),
    // `total` is exact when `totalExact`; a broad search counts only far enough to say "more than total".
    z.object({ items: z.array(declarationSummarySchema), total: z.number().int(), totalExact: z.boolean() }),
  ),
  'declarations.get': method(byId, declarationRecordSchema),
  /** `requestId`: the same call sent again (its answer was lost) answers as the first did and makes no second draft. */
  'declarations.create': method(
    z.object({ ieFlag: ieFlagSchema, requestId: requestIdSchema.optional() }).strict(),
    declarationRecordSchema,
  ),
  /** `requestId`: the same call sent again answers as the first did and does not apply the edit twice. */
  'declarations.update': method(
    z
      .object({
        id: idSchema,
        baseRevision: z.number().int().min(0),
        ops: z.array(patchOpSchema).min(1).max(200),
        requestId: requestIdSchema.optional(),
      })
      .strict(),
    z.object({ id: idSchema, revision: z.number().int(), updatedAt: z.string() }),
  ),
  'declarations.delete': method(
    z.object({ ids: z.array(idSchema).min(1).max(500) }).strict(),
    z.object({ deleted: z.number().int() }),
  ),
  'declarations.declare': method(
    byId,
    z.object({ id: idSchema, submissionId: z.string(), workflow: z.literal('queued') }),
  ),
  /**
   * 修改申请: the broker's edited copy of a declaration customs holds; its differences are signed and queued as a
   * DecModHead and DecModList (refused, naming why, when nothing or something a request cannot carry changed).
   */
  'declarations.requestModification': method(
    z.object({ id: idSchema, doc: declarationDocSchema, ...modReasonSchema }).strict(),
    z.object({ id: idSchema, requestId: z.string(), changes: z.number().int() }),
  ),
  /** 撤单申请: the case and the note, signed and queued. */
  'declarations.requestCancellation': method(
    z.object({ id: idSchema, ...modReasonSchema }).strict(),
    z.object({ id: idSchema, requestId: z.string(), changes: z.number().int() }),
  ),
  /**
   * 修改申请's copy kept as a draft until the request is queued or the copy discarded: the copy as the broker left it
   * (null when none is being prepared), the copy saved as edited, and 放弃修改.
   */
  'declarations.modDraft': method(
    byId,
    z.object({ doc: declarationDocSchema, baseRevision: z.number().int(), updatedAt: z.string() }).nullable(),
  ),
  'declarations.saveModDraft': method(
    z.object({ id: idSchema, doc: declarationDocSchema }).strict(),
    z.object({ updatedAt: z.string() }),
  ),
  'declarations.discardModDraft': method(byId, z.object({ discarded: z.boolean() })),
  /** The declaration's modification and cancellation requests, oldest first, with their state and answers. */
  'declarations.modRequests': method(byId, z.array(modRequestEntrySchema)),
  // 两步申报: a released 概要申报 opened as the draft of its 完整申报 (same 海关编号), to fill the rest and declare.
  'declarations.complete': method(
    byId,
    z.object({ id: idSchema, revision: z.number().int(), workflow: z.literal('draft') }),
  ),
  'declarations.receipts': method(byId, z.array(receiptEntrySchema)),
  // The latest 税费单 customs sent (on the release receipt of an import); null until one came.
  'declarations.taxBill': method(byId, taxBillEntrySchema.nullable()),
  'declarations.timeline': method(byId, z.array(timelineEntrySchema)),
  // The other declarations with a 提运单号, not deleted, newest first: the editor warns of a shipment declared twice.
  'declarations.withBillNo': method(
    z
      .object({
        billNo: z.string().trim().min(1).max(32),
        exceptId: idSchema.optional(),
        limit: z.number().int().min(1).max(20).default(5),
      })
      .strict(),
    z.array(billNoUseSchema),
  ),

  'outbox.list': method(
    z
      .object({
        states: z.array(outboxStateSchema).max(5).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    z.array(outboxEntrySchema),
  ),
  'outbox.withdraw': method(
    z.object({ declarationId: idSchema }).strict(),
    z.object({ id: idSchema, submissionId: z.string() }),
  ),

  'declarations.createFromTemplate': method(z.object({ templateId: idSchema }).strict(), declarationRecordSchema),

  // Templates: a declaration, or chosen parts of it, saved under a name to start new ones from (a name in use is
  // refused, templates.name-taken, unless `replace`); `query` finds them by name or its pinyin initials.
  'templates.list': method(z.object({ query: z.string().max(60).optional() }).strict(), z.array(templateSummarySchema)),
  'templates.save': method(
    z
      .object({
        name: templateNameSchema,
        declarationId: idSchema,
        parts: z.array(templatePartSchema).min(1).max(5).optional(),
        replace: z.boolean().optional(),
      })
      .strict(),
    templateSummarySchema,
  ),
  'templates.delete': method(byId, z.object({ deleted: z.number().int() })),

  // Where the user was (declaration, field, view, language, list columns), kept in main so
  // reopening the window after a crash returns there.
  'ui.getState': method(empty, uiStateSchema),
  'ui.setState': method(uiStatePatchSchema, uiStateSchema),

  'sync.status': method(empty, syncStatusSchema),
  'sync.now': method(empty, syncStatusSchema),
  /**
   * Enrols with a hub by its one-time code. A hub that cannot be reached: by default (the first run, which opens the
   * desk anyway) the code is kept and enrolment completes once the hub answers; `ifUnreachable: 'refuse'` (Settings'
   * enrol again, where the broker waits for the answer) refuses with the hub's reason and keeps nothing.
   */
  'sync.connect': method(
    z
      .object({
        hubUrl: hubUrlSchema,
        enrollmentCode: z.string().trim().min(4).max(64),
        ifUnreachable: z.enum(['retry-later', 'refuse']).optional(),
      })
      .strict(),
    syncStatusSchema,
  ),

  // Code tables: pickers search them, the renderer loads small ones whole (and tariff lines by
  // code) into a synchronous CodeLookup, and the user imports the official parameter files.
  'codes.tables': method(empty, z.array(codeTableSummarySchema)),
  'codes.search': method(codeSearchInputSchema, z.array(codeSearchHitSchema)),
  'codes.get': method(
    z.object({ table: codeTableIdSchema, code: z.string().min(1).max(40) }).strict(),
    codeRowSchema.nullable(),
  ),
  'codes.snapshot': method(
    z.object({ tables: z.array(codeTableIdSchema).min(1).max(40) }).strict(),
    codeSnapshotSchema,
  ),
  // An official parameter file: previewed (rows, problems by line and column, what would change),
  // then imported whole or not at all; an imported table can be removed (the built-in one answers again).
  'codes.previewImport': method(codeImportInputSchema, codeImportPreviewSchema),
  'codes.import': method(codeImportInputSchema, codeImportResultSchema),
  'codes.remove': method(z.object({ table: codeTableIdSchema }).strict(), z.object({ removed: z.boolean() })),
  'tariff.get': method(z.object({ code: hsCodeSchema }).strict(), tariffInfoSchema.nullable()),
  'tariff.getMany': method(z.object({ codes: z.array(hsCodeSchema).max(200) }).strict(), z.array(tariffInfoSchema)),

  // Interchange: DecMessage files in and out (an import creates a draft; an export is unsigned,
  // for the e-port client or another tool to sign), spreadsheets and the clipboard, the printed form.
  'interchange.importXml': method(fileInputSchema, xmlImportResultSchema),
  'interchange.exportXml': method(
    z.object({ id: idSchema, operType: operTypeSchema.default('G') }).strict(),
    xmlExportResultSchema,
  ),
  // Goods lines from a spreadsheet or the clipboard: read with a column mapping (from the customer's
  // saved profile or guessed from the headers), then imported all or nothing with a report per row.
  'interchange.previewLines': method(linePreviewInputSchema, linePreviewSchema),
  'interchange.importLines': method(lineImportInputSchema, lineImportReportSchema),
  'interchange.mapLineCodes': method(lineCodesInputSchema, lineCodesSchema),
  'interchange.lineProfiles': method(empty, z.array(lineProfileSchema)),
  'interchange.saveLineProfile': method(
    z
      .object({
        customer: z.string().trim().min(1).max(100),
        name: z.string().trim().min(1).max(60),
        mapping: lineMappingSchema,
      })
      .strict(),
    lineProfileSchema,
  ),
  'interchange.deleteLineProfile': method(byId, z.object({ deleted: z.number().int() })),
  'interchange.exportList': method(exportListInputSchema, fileOutputSchema),
  'interchange.exportDeclaration': method(exportDeclarationInputSchema, fileOutputSchema),
  'print.pdf': method(printPdfInputSchema, printPdfResultSchema),

  // The e-port client folder bridge: the second sync transport (OutBox/InBox/FailBox); sync.status
  // and sync.now speak for whichever transport is selected.
  'bridge.status': method(empty, bridgeStatusSchema),
  'bridge.configure': method(bridgeConfigureInputSchema, bridgeStatusSchema),

  'keys.status': method(empty, keyStatusSchema),
  /**
   * Opens the stored key with its passphrase; with no key stored yet, makes the first key and seals it with this
   * passphrase, which the broker is then choosing (the set-up screen, the passphrase dialog before the first key).
   */
  'keys.unlock': method(z.object({ passphrase: passphraseSchema }).strict(), keyStatusSchema),
  /**
   * Seals the signing keys anew with the OS keychain (so the desktop app stops asking for the passphrase of data
   * the browser host made) or with a passphrase (given here when none is known yet; the browser host can then use
   * the data).
   */
  'keys.reseal': method(
    z
      .object({
        protection: z.enum(['safe-storage', 'passphrase']),
        passphrase: passphraseSchema.optional(),
      })
      .strict(),
    keyStatusSchema,
  ),
  'keys.list': method(empty, z.array(keyInfoSchema)),
  'keys.exportPublic': method(
    empty,
    z.object({ keyId: z.string(), algorithm: signatureAlgorithmSchema, publicKey: z.string(), text: z.string() }),
  ),
  /**
   * Replaces the signing key with a new one (generated, or imported from `privateKey`); registered at the hub first
   * when enrolled.
   */
  'keys.rotate': method(
    z.object({ algorithm: signatureAlgorithmSchema, privateKey: z.string().min(1).max(8192).optional() }).strict(),
    keyStatusSchema,
  ),

  // Profiles, settings, backups, the archive, diagnostics and recovery: see ./admin-contract.ts.
  ...adminMethods,
  // Repeat shipments: copy, templates as files, party and product libraries, defaults: see
  // ./library-contract.ts.
  ...libraryMethods,
  ...attachmentMethods,
  // Second-person review (复核): see ./review-contract.ts.
  ...reviewMethods,
  // Goods lines from the customer's invoice and packing list: see ./extract-contract.ts.
  ...extractMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(methods, value);
}

/** Events main may push to the renderer. */
export const events = {
  /**
   * Declarations changed. `revision` is set when the change is one plain edit (declarations.update
   * of the one id, its state unchanged): the window that saved it already holds that revision and
   * need not fetch it back.
   */
  'declarations.changed': z.object({ ids: z.array(z.string()), revision: z.number().int().optional() }),
  'sync.status': syncStatusSchema,
  /**
   * Code tables changed (an import, a table received from the hub, one removed): the ids whose
   * content is now different. Windows reload what they hold of them, and the open declarations
   * are checked again against the new tables.
   */
  'codes.changed': z.object({ tables: z.array(z.string()) }),
  /** A notice for the broker: `message` is English, the reason (when given) is worded in the UI language. */
  notice: reasonMessageSchema.extend({
    kind: z.enum(['released', 'rejected', 'info', 'error']),
    declarationId: z.string().optional(),
  }),
  ...adminEvents,
  ...libraryEvents,
  ...extractEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** The surface the preload exposes as `window.swdesk`, and the browser host's bridge imitates. */
export interface SwdeskBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  readonly version: string;
}
