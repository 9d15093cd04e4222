import fs from 'node:fs';
import type { ReasonMessage, SyncStatus } from '../../../shared/api';
import { fieldError, messageOf, reasonMessage } from '../../../shared/api';
import type { DocumentCatalog } from '../../../shared/catalog';
import type { BridgeFilesRepo } from '../../db/repositories/bridge-files-repo';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { ModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import type { OutboxRepo } from '../../db/repositories/outbox-repo';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import { failureFields } from '../../logging/failure-fields';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { ModifyCancel } from '../modify/modify-cancel';
import type { ReceiptApplier } from '../sync/receipts';
import { announceReceipts } from '../sync/receipts';
import { createPassScheduler } from '../sync/pass-scheduler';
import type { BridgeConfig } from './config';
import { BRIDGE_CONFIG_KEY, bridgeFolders, readBridgeConfig } from './config';
import { isWritableDir } from './files';
import { createBridgeReceiver } from './receive';
import { createModAnswerReader } from './receive-mods';
import { createBridgeSender } from './send';
import { createBridgeModSender } from './send-mods';

export interface BridgeDeps {
  outbox: OutboxRepo;
  declarations: DeclarationsRepo;
  settings: SettingsRepo;
  receipts: ReceiptApplier;
  files: BridgeFilesRepo;
  catalog: DocumentCatalog;
  /** `<dataDir>/attachments`: a declaration's PDFs are in `<attachmentsDir>/<declaration id>/<EdocID>`. */
  attachmentsDir: string;
  /** A 随附单据 file attached in the editor, by EdocID; null when the EdocID is not one of those. */
  attachmentBytes?: (edocId: string) => Buffer | null;
  /** Modification and cancellation requests (修撤单): written into OutBox and answered from InBox like declarations. */
  mods?: { requests: ModRequestsRepo; modifyCancel: Pick<ModifyCancel, 'settle'> };
  /** Age under which an unreadable file is left for the next scan (it may still be being written). */
  settleMs?: number;
}

export interface BridgeDetail {
  config: BridgeConfig | null;
  folders: { outBox: boolean; inBox: boolean; failBox: boolean; sentBox: boolean } | null;
  lastScanAt: string | null;
  lastError: ReasonMessage | null;
  /** The last receipt file that could not be read and was moved aside, since the app started; null when none. */
  lastSetAside: ReasonMessage | null;
  files: { applied: number; unmatched: number; unreadable: number };
}

/**
 * The e-port client folder bridge: the second sync transport, with the sync engine's outward
 * shape (status, start, stop, enqueued, syncNow). One pass at a time reads InBox/FailBox, then
 * settles and writes the outbox (see receive.ts and send.ts); passes run on a timer, on
 * file-system notices from the folders, and after sign-and-queue.
 */
export function createBridgeEngine(ctx: CoreContext, deps: BridgeDeps) {
  const send = createBridgeSender(ctx, deps);
  const sendMods = deps.mods ? createBridgeModSender(ctx, deps.mods) : null;
  const receive = createBridgeReceiver(ctx, {
    ...deps,
    ...(deps.mods ? { modAnswers: createModAnswerReader(ctx, deps.mods) } : {}),
  });
  let watchers: fs.FSWatcher[] = [];
  let lastError: ReasonMessage | null = null;
  // Kept past the pass that moved the file: the next pass has nothing wrong, and a broker opening the settings later
  // still learns which file the count of unreadable ones is about.
  let lastSetAside: ReasonMessage | null = null;
  let lastScanAt: string | null = null;
  let lastStatus = '';

  const config = () => readBridgeConfig(deps.settings);

  function foldersOk(c: BridgeConfig): boolean {
    const f = bridgeFolders(c);
    return isWritableDir(f.outBox) && isWritableDir(f.inBox) && isWritableDir(f.failBox);
  }

  function status(): SyncStatus {
    const c = config();
    return {
      state: !c
        ? 'not-configured'
        : scheduler.isPassing()
          ? 'syncing'
          : lastError === null && foldersOk(c)
            ? 'online'
            : 'offline',
      hubUrl: null,
      clientId: null,
      outbox: deps.outbox.counts(),
      lastError,
      lastSyncAt: lastScanAt,
      nextAttemptAt: null,
    };
  }

  function publish(): void {
    const current = status();
    const text = JSON.stringify(current);
    if (text === lastStatus) return;
    lastStatus = text;
    ctx.events.emit('sync.status', current);
  }

  function runPass(): void {
    const c = config();
    if (!c) return;
    const folders = bridgeFolders(c);
    if (!foldersOk(c)) {
      lastError = reasonMessage('bridge.folders-unreachable', { path: c.impPath });
      return;
    }
    const received = receive(folders);
    announceReceipts(ctx.events, received.applied);
    const sent = send(c, folders);
    const mods = sendMods?.(c, folders) ?? { written: 0, taken: 0, failure: null };
    if (sent.written + sent.accepted + mods.written + mods.taken > 0)
      ctx.events.emit('declarations.changed', { ids: [] });
    lastError = received.failure ?? sent.failure ?? mods.failure;
    if (received.setAside) lastSetAside = received.setAside;
    lastScanAt = isoAt(ctx.clock);
  }

  const scheduler = createPassScheduler({
    run: runPass,
    onError(error) {
      lastError = messageOf(error);
      ctx.logger.error('bridge pass failed', failureFields(error));
    },
    onChange: () => publish(),
    nextDelayMs: () => config()?.pollMs ?? 5_000,
    debounceMs: 200,
  });
  const trigger = scheduler.trigger;

  function unwatch(): void {
    for (const w of watchers) w.close();
    watchers = [];
  }

  /** File-system notices only hurry the next scan; the timer alone is enough (network drives send none). */
  function watch(): void {
    unwatch();
    const c = config();
    if (!c) return;
    const f = bridgeFolders(c);
    for (const dir of [f.inBox, f.failBox, f.sentBox]) {
      try {
        const watcher = fs.watch(dir, () => trigger());
        watcher.on('error', () => watcher.close());
        watchers.push(watcher);
      } catch {
        // Missing folder or no notices on this file system: polling covers it.
      }
    }
  }

  return {
    status,
    /** The bridge's own detail for its settings screen. */
    detail(): BridgeDetail {
      const c = config();
      const f = c ? bridgeFolders(c) : null;
      return {
        config: c,
        folders: f
          ? {
              outBox: isWritableDir(f.outBox),
              inBox: isWritableDir(f.inBox),
              failBox: isWritableDir(f.failBox),
              sentBox: fs.existsSync(f.sentBox),
            }
          : null,
        lastScanAt,
        lastError,
        lastSetAside,
        files: deps.files.counts(),
      };
    },
    /**
     * Stores the folder settings after checking them: the path must be absolute and hold the
     * e-port client's OutBox, InBox and FailBox (created when `createFolders`, for a client that
     * makes them on its first run — ImpPath itself too, else the broker had to make it by hand first).
     * Nothing is stored when the check fails.
     */
    configure(input: {
      impPath: string;
      backupPath: string | null;
      operType: 'C' | 'G';
      pollMs: number;
      createFolders: boolean;
    }): void {
      const { impPath } = input;
      if (!impPath.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(impPath) && !impPath.startsWith('\\\\'))
        throw fieldError('impPath', 'interchange.imp-path-not-full', { path: impPath });
      if (input.createFolders && !fs.existsSync(impPath)) {
        try {
          fs.mkdirSync(impPath, { recursive: true });
        } catch {
          // A folder that cannot be made (no right to, a file on its path) is refused by the check below, naming it.
        }
      }
      if (!fs.existsSync(impPath) || !fs.statSync(impPath).isDirectory())
        throw fieldError('impPath', 'interchange.imp-path-not-folder', { path: impPath });
      const next: BridgeConfig = {
        impPath,
        backupPath: input.backupPath,
        operType: input.operType,
        pollMs: input.pollMs,
      };
      const f = bridgeFolders(next);
      if (input.createFolders)
        for (const dir of [f.outBox, f.inBox, f.failBox, f.sentBox]) fs.mkdirSync(dir, { recursive: true });
      for (const [name, dir] of [
        ['OutBox', f.outBox],
        ['InBox', f.inBox],
        ['FailBox', f.failBox],
      ] as const) {
        if (!isWritableDir(dir))
          throw fieldError('impPath', 'bridge.no-writable-folder', { path: impPath, folder: name });
      }
      try {
        fs.mkdirSync(f.backup, { recursive: true });
      } catch {
        throw fieldError('backupPath', 'bridge.backup-folder', { path: f.backup });
      }
      deps.settings.write(BRIDGE_CONFIG_KEY, next);
      lastError = null;
      if (scheduler.isRunning()) {
        watch();
        trigger(0);
      }
      publish();
    },
    start(): void {
      if (scheduler.isRunning()) return;
      scheduler.start();
      watch();
      trigger(0);
    },
    async stop(): Promise<void> {
      unwatch();
      await scheduler.stop();
    },
    /** Called after sign-and-queue. */
    enqueued(): void {
      publish();
      trigger();
    },
    async syncNow(): Promise<SyncStatus> {
      await scheduler.pass();
      return status();
    },
  };
}

export type BridgeEngine = ReturnType<typeof createBridgeEngine>;
