import fs from 'node:fs';
import type { SyncStatus } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { DocumentCatalog } from '../../../shared/catalog';
import type { BridgeFilesRepo } from '../../db/repositories/bridge-files-repo';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { OutboxRepo } from '../../db/repositories/outbox-repo';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { AppliedReceipt, ReceiptApplier } from '../sync/receipts';
import type { BridgeConfig } from './config';
import { BRIDGE_CONFIG_KEY, bridgeFolders, readBridgeConfig } from './config';
import { isWritableDir } from './files';
import { createBridgeReceiver } from './receive';
import { createBridgeSender } from './send';

export interface BridgeDeps {
  outbox: OutboxRepo;
  declarations: DeclarationsRepo;
  settings: SettingsRepo;
  receipts: ReceiptApplier;
  files: BridgeFilesRepo;
  catalog: DocumentCatalog;
  /** `<dataDir>/attachments`: a declaration's PDFs are in `<attachmentsDir>/<declaration id>/<EdocID>`. */
  attachmentsDir: string;
  /** Age under which an unreadable file is left for the next scan (it may still be being written). */
  settleMs?: number;
}

export interface BridgeDetail {
  config: BridgeConfig | null;
  folders: { outBox: boolean; inBox: boolean; failBox: boolean; sentBox: boolean } | null;
  lastScanAt: string | null;
  lastError: string | null;
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
  const receive = createBridgeReceiver(ctx, deps);
  let running = false;
  let passing: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let watchers: fs.FSWatcher[] = [];
  let lastError: string | null = null;
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
      state: !c ? 'not-configured' : passing ? 'syncing' : lastError === null && foldersOk(c) ? 'online' : 'offline',
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

  function notify(applied: readonly AppliedReceipt[]): void {
    const fresh = applied.filter((a) => a.fresh);
    if (fresh.length === 0) return;
    ctx.events.emit('declarations.changed', { ids: fresh.flatMap((a) => (a.declarationId ? [a.declarationId] : [])) });
    for (const a of fresh) {
      const where = a.declarationId ? { declarationId: a.declarationId } : {};
      if (a.channel === 'P') ctx.events.emit('notice', { kind: 'released', message: `报关单 ${a.clientSeqNo} 已放行，海关编号 ${a.entryId ?? ''}`, ...where });
      if (a.channel === 'E' || a.channel === 'Z' || a.channel === '1') {
        const what = a.channel === 'E' ? '海关退单' : a.channel === 'Z' ? '退回修改' : '导入失败（电子口岸）';
        ctx.events.emit('notice', { kind: 'rejected', message: `报关单 ${a.clientSeqNo} ${what}`, ...where });
      }
    }
  }

  function runPass(): void {
    const c = config();
    if (!c) return;
    const folders = bridgeFolders(c);
    if (!foldersOk(c)) {
      lastError = `The e-port client folders are not reachable in ${c.impPath} (OutBox, InBox and FailBox must exist and be writable)`;
      return;
    }
    const received = receive(folders);
    notify(received.applied);
    const sent = send(c, folders);
    if (sent.written > 0 || sent.accepted > 0) ctx.events.emit('declarations.changed', { ids: [] });
    lastError = received.failure ?? sent.failure;
    lastScanAt = isoAt(ctx.clock);
  }

  /** Runs a pass now, or marks that another is needed when one is running. */
  function pass(): Promise<void> {
    if (passing) {
      again = true;
      return passing;
    }
    passing = (async () => {
      publish();
      // A macrotask first, so a pass never runs inside the caller's transaction or event.
      await new Promise((resolve) => setImmediate(resolve));
      do {
        again = false;
        try {
          runPass();
        } catch (error) {
          lastError = error instanceof Error ? error.message : String(error);
          ctx.logger.error('bridge pass failed', { error: lastError });
        }
      } while (again && running);
    })().finally(() => {
      passing = null;
      publish();
      schedule();
    });
    return passing;
  }

  function trigger(delayMs = 200): void {
    if (!running) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      void pass();
    }, delayMs);
  }

  function schedule(): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void pass(), config()?.pollMs ?? 5_000);
  }

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
        folders: f ? { outBox: isWritableDir(f.outBox), inBox: isWritableDir(f.inBox), failBox: isWritableDir(f.failBox), sentBox: fs.existsSync(f.sentBox) } : null,
        lastScanAt,
        lastError,
        files: deps.files.counts(),
      };
    },
    /**
     * Stores the folder settings after checking them: the path must be absolute and hold the
     * e-port client's OutBox, InBox and FailBox (created when `createFolders`, for a client that
     * makes them on its first run). Nothing is stored when the check fails.
     */
    configure(input: { impPath: string; backupPath: string | null; operType: 'C' | 'G'; pollMs: number; createFolders: boolean }): void {
      const { impPath } = input;
      const issue = (path: string, message: string) => new AppError('BAD_INPUT', message, [{ path, code: 'bridge-folder', message }]);
      if (!impPath.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(impPath) && !impPath.startsWith('\\\\')) throw issue('impPath', `ImpPath must be a full path (e.g. D:\\ImpPath\\Deccus001), not "${impPath}"`);
      if (!fs.existsSync(impPath) || !fs.statSync(impPath).isDirectory()) throw issue('impPath', `ImpPath ${impPath} is not a folder`);
      const next: BridgeConfig = { impPath, backupPath: input.backupPath, operType: input.operType, pollMs: input.pollMs };
      const f = bridgeFolders(next);
      if (input.createFolders) for (const dir of [f.outBox, f.inBox, f.failBox, f.sentBox]) fs.mkdirSync(dir, { recursive: true });
      for (const [name, dir] of [['OutBox', f.outBox], ['InBox', f.inBox], ['FailBox', f.failBox]] as const) {
        if (!isWritableDir(dir)) throw issue('impPath', `ImpPath ${impPath} has no writable ${name} folder: choose the folder that holds OutBox, InBox and FailBox`);
      }
      try {
        fs.mkdirSync(f.backup, { recursive: true });
      } catch {
        throw issue('backupPath', `The backup folder ${f.backup} cannot be created`);
      }
      deps.settings.write(BRIDGE_CONFIG_KEY, next);
      lastError = null;
      if (running) {
        watch();
        trigger(0);
      }
      publish();
    },
    start(): void {
      if (running) return;
      running = true;
      watch();
      trigger(0);
    },
    async stop(): Promise<void> {
      running = false;
      if (debounce) clearTimeout(debounce);
      if (timer) clearTimeout(timer);
      unwatch();
      await Promise.allSettled([passing]);
    },
    /** Called after sign-and-queue. */
    enqueued(): void {
      publish();
      trigger();
    },
    async syncNow(): Promise<SyncStatus> {
      await pass();
      return status();
    },
  };
}

export type BridgeEngine = ReturnType<typeof createBridgeEngine>;
