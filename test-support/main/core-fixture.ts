import path from 'node:path';
import type { EventName, PatchOp } from '../../shared/api';
import type { DocumentCatalog, Row } from '../../shared/catalog';
import { goodsDeclaration } from '../../shared/catalog';
import type { Db } from '../../main/db/connection';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { createDeclarationsRepo } from '../../main/db/repositories/declarations-repo';
import { createKeysRepo } from '../../main/db/repositories/keys-repo';
import { createOutboxRepo } from '../../main/db/repositories/outbox-repo';
import { createReceiptsRepo } from '../../main/db/repositories/receipts-repo';
import { createSettingsRepo } from '../../main/db/repositories/settings-repo';
import { createTemplatesRepo } from '../../main/db/repositories/templates-repo';
import type { Clock, CoreContext } from '../../main/core/context';
import type { DeclarationService } from '../../main/core/declarations/declaration-service';
import { createDeclarationService } from '../../main/core/declarations/declaration-service';
import { createDeclareAction } from '../../main/core/declarations/declare';
import { createKeyManager } from '../../main/core/signing/key-manager';
import { createPassphraseProtector } from '../../main/core/signing/key-protector';
import type { TemplateService } from '../../main/core/templates/template-service';
import { createTemplateService } from '../../main/core/templates/template-service';
import { silentLogger } from '../../main/logging/logger';
import { tempDir } from './temp-dir';

/** A clock the test moves by hand. */
export function manualClock(
  start = Date.parse('2026-11-22T08:00:00Z'),
): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms), set: (ms) => (now = ms) };
}

/** Core services over a real SQLite file in a temporary folder. */
export function coreFixture(options: { passphrase?: string | null } = {}) {
  const temp = tempDir();
  const db: Db = openDatabase(path.join(temp.dir, 'swdesk.sqlite'));
  migrate(db, migrations);
  const clock = manualClock();
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const ctx: CoreContext = {
    db,
    clock,
    logger: silentLogger,
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    actor: () => 'tester',
  };
  const repo = createDeclarationsRepo(db);
  const receipts = createReceiptsRepo(db);
  const outbox = createOutboxRepo(db);
  const settings = createSettingsRepo(db);
  const protector = createPassphraseProtector(
    options.passphrase === null ? undefined : (options.passphrase ?? 'correct horse battery'),
  );
  const keysRepo = createKeysRepo(db);
  const keys = createKeyManager({ keys: keysRepo, protector, clock });
  const declarations = createDeclarationService(ctx, { repo, receipts, catalog: goodsDeclaration });
  return {
    dir: temp.dir,
    db,
    clock,
    ctx,
    events,
    repo,
    receipts,
    outbox,
    settings,
    protector,
    keysRepo,
    keys,
    declarations,
    close() {
      db.close();
      temp.cleanup();
    },
  };
}

export type CoreFixture = ReturnType<typeof coreFixture>;

/** The 申报 action over a fixture's repositories and keys, checking with `catalog`. */
export function declareActionOf(
  f: CoreFixture,
  catalog: DocumentCatalog = goodsDeclaration,
  onQueued: () => void = () => undefined,
) {
  return createDeclareAction(f.ctx, { repo: f.repo, outbox: f.outbox, keys: f.keys, catalog, onQueued });
}

/**
 * The template service over a fixture's database and declarations, or over a context and declaration service of the
 * test's own (whose actor is the current operator's profile, say).
 */
export function templateServiceOf(
  f: CoreFixture,
  own: { ctx?: CoreContext; declarations?: DeclarationService } = {},
): TemplateService {
  return createTemplateService(own.ctx ?? f.ctx, {
    templates: createTemplatesRepo(f.db),
    declarationsRepo: f.repo,
    declarations: own.declarations ?? f.declarations,
    catalog: goodsDeclaration,
  });
}

/**
 * The goods declaration with every requirement off: for tests of signing, queuing, review or the outbox, not of the
 * declaration's checks (those are tested in shared/validation).
 */
export const permissiveCatalog: DocumentCatalog = {
  ...goodsDeclaration,
  sections: goodsDeclaration.sections.map((s) => ({
    ...s,
    elements: s.elements.map((e) => ({ ...e, draft: false, declare: false, codeTable: undefined })),
  })),
};

/** A new draft keyed as the editor stores it, in one edit: `head`'s fields set, then each of `lines` added. Its id. */
export function keyedDraft(f: CoreFixture, doc: { ieFlag?: 'I' | 'E'; head?: Row; lines?: Row[] }): string {
  const { id } = f.declarations.create({ ieFlag: doc.ieFlag ?? 'I' });
  const ops: PatchOp[] = [
    ...Object.entries(doc.head ?? {}).map(([k, value]) => ({ op: 'set' as const, path: `head.${k}`, value })),
    ...(doc.lines ?? []).map((row) => ({ op: 'insertRow' as const, table: 'lines', row })),
  ];
  if (ops.length > 0) f.declarations.update({ id, baseRevision: 1, ops });
  return id;
}
