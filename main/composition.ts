import path from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import type { DeskProblem } from '../shared/api';
import { goodsDeclaration } from '../shared/catalog';
import type { Db } from './db/connection';
import { latestVersion, schemaVersion } from './db/migrate';
import { migrations } from './db/migrations';
import { createAttachmentFilesRepo } from './db/repositories/attachment-files-repo';
import { createBridgeFilesRepo } from './db/repositories/bridge-files-repo';
import { createDeclarationsRepo } from './db/repositories/declarations-repo';
import { createKeysRepo } from './db/repositories/keys-repo';
import { createOutboxRepo } from './db/repositories/outbox-repo';
import { createKeyedPartyRepo } from './db/repositories/keyed-party-repo';
import { createPartiesRepo } from './db/repositories/parties-repo';
import { createProductsRepo } from './db/repositories/products-repo';
import { createProfileDefaultsRepo } from './db/repositories/profile-defaults-repo';
import { createProfilesRepo } from './db/repositories/profiles-repo';
import { createReceiptsRepo } from './db/repositories/receipts-repo';
import { createSettingsRepo } from './db/repositories/settings-repo';
import { createTemplatesRepo } from './db/repositories/templates-repo';
import type { Dispatch, Handlers } from './core/api/dispatch';
import { createAttachmentLimit } from './core/attachments/attachment-limit';
import { createAttachmentService } from './core/attachments/attachment-service';
import { attachmentBlobDir, createBlobStore } from './core/attachments/blob-store';
import { createAttachmentHandlers } from './core/attachments/handlers';
import { createBridgeEngine } from './core/bridge/bridge-engine';
import { createBridgeHandlers } from './core/bridge/handlers';
import { createTransportSwitch } from './core/bridge/transport-switch';
import { createDispatch } from './core/api/dispatch';
import type { Clock, CoreContext } from './core/context';
import { systemClock } from './core/context';
import { createCodeTableHandlers } from './core/code-tables/handlers';
import { createCodeFinder } from './core/code-tables/code-finder';
import { createCodeTableService } from './core/code-tables/service';
import { createCodeTableStore } from './core/code-tables/store';
import { createDeclarationService } from './core/declarations/declaration-service';
import { createDeclareAction } from './core/declarations/declare';
import { createModifyCancel } from './core/modify/modify-cancel';
import { createModSender } from './core/modify/mod-sender';
import { createExtractUndosRepo } from './db/repositories/extract-undos-repo';
import { createModDraftsRepo } from './db/repositories/mod-drafts-repo';
import { createModRequestsRepo } from './db/repositories/mod-requests-repo';
import { createEventHub, type EventListener } from './core/events';
import { createExtractApply } from './core/extract/extract-apply';
import { createExtractJobs } from './core/extract/extract-jobs';
import { createExtractHandlers } from './core/extract/handlers';
import { createExtractParts } from './core/extract/parts';
import type { ExtractParts } from './core/extract/pipeline';
import { createInterchangeHandlers } from './core/interchange/handlers';
import { createExportService } from './core/interchange/export-service';
import { createLinesInterchange } from './core/interchange/lines-service';
import { createXmlInterchange } from './core/interchange/xml-service';
import type { Logger } from './logging/logger';
import type { KeyProtector } from './core/signing/key-protector';
import { openKeys } from './core/signing/open-keys';
import { createKeyManager } from './core/signing/key-manager';
import { createReceiptApplier } from './core/sync/receipts';
import { createOutboxService } from './core/outbox/outbox-service';
import { applyProfileFields, profileFieldPaths } from './core/profiles/profile-fields';
import { createProfileService } from './core/profiles/profile-service';
import type { HostHandlers } from './core/admin/host-handlers';
import { standaloneHostHandlers } from './core/admin/host-handlers';
import { openAppDatabase } from './core/recovery/open-app-database';
import type { SyncOptions } from './core/sync/sync-engine';
import { createSyncEngine, defaultSyncOptions } from './core/sync/sync-engine';
import { readOnlyHandlers } from './core/admin/read-only';
import { createAdminHandlers, type LogSource } from './core/admin/handlers';
import { createArchiveService } from './core/archive/archive-service';
import { createBackupService } from './core/backup/backup-service';
import { createDeclarationHandlers } from './core/declarations/handlers';
import { createReviewHandlers } from './core/review/handlers';
import { createReviewComparison } from './core/review/review-comparison';
import { createReviewService } from './core/review/review-service';
import { createReviewsRepo } from './db/repositories/reviews-repo';
import { createDefaultsService } from './core/libraries/defaults-service';
import { createLibraryHandlers } from './core/libraries/handlers';
import { createLibraryInterchange } from './core/libraries/library-import';
import { createKeyedPartyLookup } from './core/libraries/keyed-party';
import { createPartyService } from './core/libraries/party-service';
import { createProductLearning } from './core/libraries/product-learning';
import { createProductService } from './core/libraries/product-service';
import { createOutboxHandlers } from './core/outbox/handlers';
import { createKeyHandlers } from './core/signing/handlers';
import { createSyncHandlers } from './core/sync/handlers';
import { createTemplateHandlers } from './core/templates/handlers';
import { createTemplateService } from './core/templates/template-service';
import { createUiStateHandlers } from './core/ui-state/handlers';
import { createUiStateService } from './core/ui-state/ui-state-service';

export const appVersion: string = packageJson.version;

export interface AppOptions {
  dataDir: string;
  host: 'electron' | 'browser';
  protector: KeyProtector;
  logger: Logger;
  clock?: Clock;
  sync?: Partial<SyncOptions>;
  /** Opens the data read-only after `problem` stopped it from opening normally (the recovery screen's choice). */
  readOnly?: { problem: DeskProblem };
  /** Reopening the data (restore, another folder, recovery) and native dialogs: main/desk supplies them. */
  hostHandlers?: HostHandlers;
  logs?: LogSource;
  /**
   * The Electron shell's printToPDF of its window (print.pdf); absent in the browser host, which prints through the
   * browser.
   */
  printToPdf?: () => Promise<Uint8Array>;
  /** Reading, parsing or proposing in place of the built ones (a test's documents made by hand). */
  extractParts?: Partial<ExtractParts>;
}

export interface App {
  dispatch: Dispatch;
  /**
   * Settles once the keys are ready (the first one made, a keychain key opened); rejects with a
   * SigningKeyMissingError when the keychain refuses the active key (the desk then shows recovery).
   */
  ready(): Promise<void>;
  subscribe(listener: EventListener): () => void;
  db: Db;
  start(): void;
  close(): Promise<void>;
  connectHub(hubUrl: string, code: string): Promise<void>;
}

/** The one place where concrete instances are wired together; both shells call it. */
export function createApp(options: AppOptions): App {
  const readOnly = options.readOnly !== undefined;
  // Every check that decides between working and a recovery screen happens here (see open-app-database.ts).
  const db = openAppDatabase({
    dataDir: options.dataDir,
    logger: options.logger,
    migrations,
    readOnly,
  });
  const events = createEventHub();
  const clock = options.clock ?? systemClock;
  const settings = createSettingsRepo(db);
  const profiles = createProfileService({ profiles: createProfilesRepo(db), settings, clock });
  const ctx: CoreContext = { db, clock, logger: options.logger, events, actor: () => profiles.actor() };

  const declarationsRepo = createDeclarationsRepo(db);
  const receiptsRepo = createReceiptsRepo(db);
  const outbox = createOutboxRepo(db);
  const keys = createKeyManager({ keys: createKeysRepo(db), protector: options.protector, clock: ctx.clock });
  // The first key, or the keychain's answer about the active one, comes asynchronously; calls wait for it.
  const readying = readOnly
    ? Promise.resolve()
    : openKeys({ db, keys, protector: options.protector, logger: options.logger });
  const settled = readying.catch(() => undefined);

  const codeTableStore = createCodeTableStore(db, { logger: options.logger });
  const codeTables = createCodeTableService({ store: codeTableStore, events });

  const catalog = goodsDeclaration;
  const fillNew = (doc: Parameters<typeof applyProfileFields>[0]) => {
    const fields = profiles.declarationFields();
    return fields ? applyProfileFields(doc, fields) : [];
  };
  // Repeat shipments: party and product libraries, learning from releases, operator defaults.
  const codes = () => codeTables.lookup();
  const partiesRepo = createPartiesRepo(db);
  const productsRepo = createProductsRepo(db);
  const parties = createPartyService(ctx, { repo: partiesRepo });
  const keyedParty = createKeyedPartyLookup({ parties: partiesRepo, declarations: createKeyedPartyRepo(db) });
  const products = createProductService(ctx, { repo: productsRepo, catalog, codes });
  const libraryInterchange = createLibraryInterchange(ctx, {
    parties: partiesRepo,
    products: productsRepo,
    catalog,
    codes,
    finder: createCodeFinder(codeTables),
  });
  const defaults = createDefaultsService({
    profiles,
    repo: createProfileDefaultsRepo(db),
    catalog,
    codes,
    clock,
  });
  const learning = createProductLearning(ctx, { declarations: declarationsRepo, products: productsRepo });
  const declarations = createDeclarationService(ctx, {
    repo: declarationsRepo,
    receipts: receiptsRepo,
    catalog,
    fillNew,
    defaultsNew: defaults.fillNew,
  });
  const blobs = createBlobStore(attachmentBlobDir(options.dataDir));
  const attachmentLimit = createAttachmentLimit({
    settings,
    hubUrl: () => sync.status().hubUrl,
  });
  const attachments = createAttachmentService(ctx, {
    files: createAttachmentFilesRepo(db),
    blobs,
    repo: declarationsRepo,
    declarations,
    limitBytes: attachmentLimit.inForceBytes,
  });
  const templatesRepo = createTemplatesRepo(db);
  const templates = createTemplateService(ctx, {
    templates: templatesRepo,
    declarationsRepo,
    declarations,
    catalog,
    protectedPaths: () => profileFieldPaths(profiles.declarationFields()),
  });
  const uiState = createUiStateService({ settings, events });
  const receipts = createReceiptApplier(ctx, {
    declarations: declarationsRepo,
    outbox,
    receipts: receiptsRepo,
    settings,
    onApplied: learning.onApplied,
  });
  const lookup = codeTables.lookup();
  const modRequests = createModRequestsRepo(db);
  const modifyCancel = createModifyCancel(ctx, {
    repo: declarationsRepo,
    requests: modRequests,
    drafts: createModDraftsRepo(db),
    keys,
    catalog,
    names: (table, code) => lookup.row?.(table, code)?.name_zh,
    onQueued: () => transport.enqueued(),
  });
  const sync = createSyncEngine(ctx, {
    outbox,
    declarations: declarationsRepo,
    settings,
    keys,
    receipts,
    codeTables,
    attachmentFiles: blobs,
    onHubHealth: (hubUrl, health) => attachmentLimit.heardFromHub(hubUrl, health.limits?.attachmentBytes),
    mods: {
      send: createModSender(ctx, {
        requests: modRequests,
        modifyCancel,
        backoff: (options.sync?.push ?? defaultSyncOptions.push).backoff,
      }),
      expedite: (now) => modRequests.expedite(now),
    },
    ...(options.sync ? { options: options.sync } : {}),
  });
  // The second transport: the e-port client's folders. `sync.transport` in settings picks one; only it runs.
  const bridge = createBridgeEngine(ctx, {
    outbox,
    declarations: declarationsRepo,
    settings,
    receipts,
    files: createBridgeFilesRepo(db),
    catalog,
    attachmentsDir: path.join(options.dataDir, 'attachments'),
    attachmentBytes: (edocId) => attachments.bytesForEdocId(edocId),
    mods: { requests: modRequests, modifyCancel },
  });
  const transport = createTransportSwitch({ transports: { hub: sync, bridge }, settings });
  const outboxService = createOutboxService(ctx, { outbox, declarations: declarationsRepo });
  const xmlInterchange = createXmlInterchange(ctx, { repo: declarationsRepo, catalog });
  const linesInterchange = createLinesInterchange(ctx, {
    repo: declarationsRepo,
    declarations,
    settings,
    catalog,
    codes,
    finder: createCodeFinder(codeTables),
  });
  // Goods lines read from the customer's invoice and packing list, written through the lines import's path.
  // The library's products of a goods name (or of the item number, a 货号 a product may keep) propose its 商品编号.
  const findProduct = (query: { name: string; itemNo?: string }) => [
    ...products.search({ query: query.name, limit: 5 }),
    ...(query.itemNo ? products.search({ query: query.itemNo, limit: 5 }) : []),
  ];
  const extractJobs = createExtractJobs(ctx, {
    repo: declarationsRepo,
    parts: { ...createExtractParts({ codes: createCodeFinder(codeTables), findProduct }), ...options.extractParts },
  });
  const extractApply = createExtractApply(ctx, {
    repo: declarationsRepo,
    undos: createExtractUndosRepo(db),
    declarations,
    lines: linesInterchange,
    jobs: extractJobs,
  });
  const reviewsRepo = createReviewsRepo(db);
  const review = createReviewService(ctx, {
    repo: declarationsRepo,
    reviews: reviewsRepo,
    profiles,
    attachmentRefs: (doc) => attachments.refsFor(doc),
  });
  const declare = createDeclareAction(ctx, {
    people: (row, digest) => review.peopleFor(row, digest),
    repo: declarationsRepo,
    outbox,
    keys,
    catalog,
    codes: codeTables.lookup(),
    attachmentRefs: (doc) => attachments.refsFor(doc),
    onQueued: () => transport.enqueued(),
  });

  const backups = createBackupService(ctx, {
    db,
    dataDir: options.dataDir,
    settings,
    supportedVersion: latestVersion(migrations),
  });
  const archive = createArchiveService(ctx, {
    db,
    dataDir: options.dataDir,
    appVersion,
    schemaVersion: () => schemaVersion(db),
    installCodeTable: (content) => void codeTableStore.install({ ...content, origin: 'import' }),
  });

  const handlers: Handlers = {
    ...createDeclarationHandlers({ declarations, declare, modifyCancel }),
    ...createAttachmentHandlers(attachments),
    ...createReviewHandlers(
      review,
      createReviewComparison({ repo: declarationsRepo, reviews: reviewsRepo, templates: templatesRepo, catalog }),
    ),
    ...createOutboxHandlers({ outbox: outboxService, transport }),
    ...createSyncHandlers({ transport, sync }),
    ...createCodeTableHandlers(codeTables),
    ...createTemplateHandlers(templates),
    ...createLibraryHandlers({ parties, keyedParty, products, interchange: libraryInterchange, defaults }),
    ...createUiStateHandlers(uiState),
    ...createInterchangeHandlers({
      xml: xmlInterchange,
      lines: linesInterchange,
      exports: createExportService({ repo: declarationsRepo, catalog, now: () => ctx.clock.now() }),
    }),
    ...createExtractHandlers({ jobs: extractJobs, apply: extractApply }),
    ...createBridgeHandlers({ bridge, transport, settings }),
    ...createKeyHandlers({ keys, protector: options.protector, sync, transport }),
    ...createAdminHandlers({
      ctx,
      db,
      dataDir: options.dataDir,
      host: options.host,
      appVersion,
      mode: readOnly ? 'read-only' : 'normal',
      problem: options.readOnly?.problem ?? null,
      profiles,
      backups,
      archive,
      keys,
      sync,
      attachmentLimit,
      hostHandlers: options.hostHandlers ?? standaloneHostHandlers(options.dataDir),
      ...(options.logs ? { logs: options.logs } : {}),
      ...(options.printToPdf ? { printToPdf: options.printToPdf } : {}),
    }),
  };

  const dispatch = createDispatch(readOnly ? readOnlyHandlers(handlers) : handlers, options.logger);
  return {
    dispatch: async (method, input) => {
      await settled;
      return dispatch(method, input);
    },
    ready: () => readying,
    subscribe: events.subscribe,
    db,
    start() {
      // Read-only data is only looked at: nothing is sent, received or backed up.
      if (readOnly) return;
      transport.start();
      backups.start();
    },
    async close() {
      await settled;
      await Promise.all([transport.stop(), backups.stop(), extractJobs.close()]);
      db.close();
    },
    async connectHub(hubUrl, code) {
      await sync.connect(hubUrl, code);
    },
  };
}
