import fs from 'node:fs';
import path from 'node:path';
import { goodsDeclaration } from '../../shared/catalog';
import type { BridgeDeps } from '../../main/core/bridge/bridge-engine';
import { createBridgeEngine } from '../../main/core/bridge/bridge-engine';
import { createReceiptApplier } from '../../main/core/sync/receipts';
import { createBridgeFilesRepo } from '../../main/db/repositories/bridge-files-repo';
import type { Cleanups } from './cleanups';
import type { CoreFixture } from './core-fixture';
import { coreFixture } from './core-fixture';
import type { EportClientOptions } from './eport-client';
import { createEportClient } from './eport-client';
import { tempDir } from './temp-dir';

export interface BridgeSetupOptions {
  client?: EportClientOptions;
  /** The desk's fixture to reuse (a restart on the same database); a new one otherwise. */
  fx?: CoreFixture;
  /** The e-port client's folder to reuse; a new temporary one otherwise. */
  impPath?: string;
}

/**
 * What every bridge test starts from: a desk's core fixture, the e-port client's folder and its stand-in, each
 * made afresh unless given (a restart reuses both), and what is made registered in `cleanups`.
 */
export function bridgeBase(cleanups: Cleanups, options: BridgeSetupOptions = {}) {
  const fx = options.fx ?? coreFixture();
  if (!options.fx) cleanups.push(() => fx.close());
  let impPath = options.impPath;
  if (!impPath) {
    const temp = tempDir('swdesk-imppath-');
    cleanups.push(temp.cleanup);
    impPath = temp.dir;
  }
  return { fx, impPath, client: createEportClient(impPath, options.client) };
}

/**
 * The desk's bridge on the client's folder `impPath`, as the app configures it (operType C, no backup folder, folders
 * not created), applying receipts to the desk's declarations and stopped when the test ends. `extra` is what a test
 * adds (attachments, 修撤单). `ls` lists one of the client's folders (none when it is not there).
 */
export function bridgeEngineOn(
  fx: CoreFixture,
  impPath: string,
  cleanups: Cleanups,
  extra: Pick<BridgeDeps, 'attachmentBytes' | 'mods'> = {},
) {
  const files = createBridgeFilesRepo(fx.db);
  const attachmentsDir = path.join(fx.dir, 'attachments');
  const receipts = createReceiptApplier(fx.ctx, {
    declarations: fx.repo,
    outbox: fx.outbox,
    receipts: fx.receipts,
    settings: fx.settings,
  });
  const bridge = createBridgeEngine(fx.ctx, {
    outbox: fx.outbox,
    declarations: fx.repo,
    settings: fx.settings,
    receipts,
    files,
    catalog: goodsDeclaration,
    attachmentsDir,
    settleMs: 0,
    ...extra,
  });
  cleanups.push(() => bridge.stop());
  bridge.configure({ impPath, backupPath: null, operType: 'C', pollMs: 1_000, createFolders: false });
  const ls = (name: string) =>
    fs.existsSync(path.join(impPath, name)) ? fs.readdirSync(path.join(impPath, name)).sort() : [];
  return { bridge, files, attachmentsDir, ls };
}
