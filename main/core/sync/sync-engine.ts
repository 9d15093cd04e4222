import os from 'node:os';
import { z } from 'zod';
import type { MethodInput, ReasonMessage, SyncStatus } from '../../../shared/api';
import { AppError, appErrorOf, reasonMessage } from '../../../shared/api';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { OutboxRepo } from '../../db/repositories/outbox-repo';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import { failureFields } from '../../logging/failure-fields';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { KeyManager } from '../signing/key-manager';
import type { HubHealth, SignatureAlgorithm } from '../../../shared/protocol';
import { backoffDelay } from './backoff';
import type { HubClient, RequestSigner } from './hub-client';
import { createHubClient, HubCallError, UNREACHABLE_REASONS } from './hub-client';
import { failureOf, unanswered } from './sync-failures';
import type { PushOptions } from './push';
import { createPusher, fillHubSeqs } from './push';
import type { AttachmentBytes, UploadProgress } from './upload-attachments';
import { createAttachmentUploader } from './upload-attachments';
import type { ReceiptApplier } from './receipts';
import { announceReceipts, CURSOR_KEY } from './receipts';
import { createPassScheduler } from './pass-scheduler';

const connectionSchema = z.object({
  hubUrl: z.string(),
  clientId: z.string(),
  keyId: z.string(),
  enrolledAt: z.string(),
});
const pendingSchema = z.object({ hubUrl: z.string(), code: z.string() });
type Connection = z.infer<typeof connectionSchema>;
/** The settings key holding the hub connection (read by the start-up key check too). */
export const CONNECTION_KEY = 'hub.connection';
const CODE_TABLES_KEY = 'hub.codeTables';
const codeTableVersionsSchema = z.record(z.string(), z.number());
/** How often the hub's code tables are checked for new versions (also on connecting, on 同步, on reconnecting). */
const CODE_TABLE_CHECK_MS = 6 * 3600_000;
const PENDING_KEY = 'hub.pendingEnrollment';
type IfUnreachable = NonNullable<MethodInput<'sync.connect'>['ifUnreachable']>;

export interface SyncOptions {
  push: PushOptions;
  /** Debounce of enqueue triggers. */
  debounceMs: number;
  /** Base interval of the jittered safety timer. */
  timerMs: number;
  /** Long-poll wait for receipts, in seconds. */
  longPollSeconds: number;
  /** Retry interval bounds while the hub is unreachable. */
  reconnect: { baseMs: number; maxMs: number };
  createClient?: (hubUrl: string) => HubClient;
}

export const defaultSyncOptions: SyncOptions = {
  push: { batchSize: 100, concurrency: 3, backoff: { baseMs: 1_000, maxMs: 5 * 60_000 } },
  debounceMs: 300,
  timerMs: 30_000,
  longPollSeconds: 25,
  reconnect: { baseMs: 1_000, maxMs: 10_000 },
};

/**
 * The sync engine: one push pass at a time (started on enqueue, on
 * reconnection and by a jittered timer), and a receipts long-poll loop that
 * also tells us whether the hub is reachable.
 */
export interface CodeTableInstaller {
  installFromHub(table: { id: string; version: number; rows: readonly Record<string, string>[] }): unknown;
}

export function createSyncEngine(
  ctx: CoreContext,
  deps: {
    outbox: OutboxRepo;
    declarations: DeclarationsRepo;
    settings: SettingsRepo;
    keys: KeyManager;
    receipts: ReceiptApplier;
    codeTables?: CodeTableInstaller;
    /** The desk's 随附单据 bytes, uploaded to the hub before the submissions naming them. */
    attachmentFiles?: AttachmentBytes;
    /** The hub's health answer, read each time the hub is reached again (what it advertises: its file limit). */
    onHubHealth?: (hubUrl: string, health: HubHealth) => void;
    /** Modification and cancellation requests (修撤单): sent in each pass after the submissions. */
    mods?: {
      send(client: HubClient, signer: RequestSigner): Promise<{ sent: number; failure: HubCallError | null }>;
      /** What waited for the hub goes at once (the hub is back, or 同步). */
      expedite(now: number): number;
    };
    options?: Partial<SyncOptions>;
  },
) {
  const options: SyncOptions = { ...defaultSyncOptions, ...deps.options };
  const createClient =
    options.createClient ?? ((hubUrl: string) => createHubClient({ baseUrl: hubUrl, clock: ctx.clock }));
  // One client per hub URL, so what it learns (the hub's clock offset) is kept between calls.
  const clients = new Map<string, HubClient>();
  const makeClient = (hubUrl: string): HubClient => {
    let client = clients.get(hubUrl);
    if (!client) {
      client = createClient(hubUrl);
      clients.set(hubUrl, client);
    }
    return client;
  };
  let upload: UploadProgress = null;
  const uploadFiles = deps.attachmentFiles
    ? createAttachmentUploader({ files: deps.attachmentFiles, onProgress: (p) => ((upload = p), publish()) })
    : undefined;
  const pusher = createPusher(ctx, {
    outbox: deps.outbox,
    declarations: deps.declarations,
    options: options.push,
    ...(uploadFiles ? { uploadFiles } : {}),
  });

  let online = false;
  let lastError: ReasonMessage | null = null;
  let lastSyncAt: string | null = null;
  let pollAbort: AbortController | null = null;
  let pollLoop: Promise<void> | null = null;
  let lastStatus = '';
  let wake: (() => void) | null = null;
  let codeTablesCheckedAt = 0;

  const connection = (): Connection | null => deps.settings.read(CONNECTION_KEY, connectionSchema.nullable(), null);
  const pending = () => deps.settings.read(PENDING_KEY, pendingSchema.nullable(), null);

  function status(): SyncStatus {
    const conn = connection();
    const next = deps.outbox.nextDueAt();
    return {
      state: !conn ? 'not-configured' : scheduler.isPassing() ? 'syncing' : online ? 'online' : 'offline',
      hubUrl: conn?.hubUrl ?? pending()?.hubUrl ?? null,
      clientId: conn?.clientId ?? null,
      outbox: deps.outbox.counts(),
      keyLocked: conn !== null && deps.keys.locked(),
      lastError,
      lastSyncAt,
      upload,
      nextAttemptAt: next !== null && next > ctx.clock.now() ? new Date(next).toISOString() : null,
    };
  }

  function publish(): void {
    const current = status();
    const text = JSON.stringify(current);
    if (text === lastStatus) return;
    lastStatus = text;
    ctx.events.emit('sync.status', current);
  }

  async function signerFor(conn: Connection): Promise<RequestSigner> {
    const signer = await deps.keys.signer();
    return { clientId: conn.clientId, keyId: signer.keyId, sign: signer.sign };
  }

  /** What waits only because the hub did not answer goes out now (the hub is back, or the broker asked). */
  function sendWaiting(): number {
    return deps.outbox.expedite(ctx.clock.now(), UNREACHABLE_REASONS) + (deps.mods?.expedite(ctx.clock.now()) ?? 0);
  }

  function setOnline(value: boolean, error: ReasonMessage | null): void {
    const regained = value && !online;
    online = value;
    lastError = error;
    publish();
    if (regained) {
      hubRegained();
      trigger(0);
    }
  }

  /**
   * The hub answers again, whichever path heard it first (the receipts poll or a sync pass): what waited only for it
   * goes now, and its newer tables and advertised limits come. Answers how many items were let go.
   */
  function hubRegained(): number {
    const waiting = sendWaiting();
    void refreshCodeTables(true);
    void hearHealth();
    return waiting;
  }

  async function hearHealth(): Promise<void> {
    const conn = connection();
    if (!deps.onHubHealth || !conn) return;
    try {
      deps.onHubHealth(conn.hubUrl, await makeClient(conn.hubUrl).health());
    } catch (error) {
      ctx.logger.warn('hub health not read', failureFields(error));
    }
  }

  /**
   * Installs the code tables the hub serves when it has newer versions than
   * those installed from it before. A failure is logged and tried again later;
   * it never stops sync.
   */
  async function refreshCodeTables(force: boolean): Promise<void> {
    const conn = connection();
    if (!deps.codeTables || !conn || (!force && ctx.clock.now() - codeTablesCheckedAt < CODE_TABLE_CHECK_MS)) return;
    codeTablesCheckedAt = ctx.clock.now();
    try {
      const client = makeClient(conn.hubUrl);
      const signer = await signerFor(conn);
      const installed = deps.settings.read(CODE_TABLES_KEY, codeTableVersionsSchema, {});
      for (const info of (await client.codeTables(signer)).tables) {
        if (installed[info.id] === info.version) continue;
        const table = await client.codeTable(signer, info.id, info.version);
        deps.codeTables.installFromHub({ id: table.id, version: table.version, rows: table.rows });
        installed[info.id] = info.version;
        deps.settings.write(CODE_TABLES_KEY, installed);
        ctx.logger.info('installed a code table from the hub', {
          table: info.id,
          version: info.version,
          rows: info.rowCount,
        });
      }
    } catch (error) {
      // A refused table's rows' problems are its detail, which its message (worded for the broker) leaves out.
      ctx.logger.warn('code tables from the hub not installed', {
        error: error instanceof Error ? error.message : String(error),
        ...(error instanceof AppError && error.params.detail !== undefined ? { detail: error.params.detail } : {}),
      });
    }
  }

  /** What a sending (submissions or 修撤单) says of the connection: only one that talked to the hub says anything. */
  function heard({ failure, sent }: { failure: HubCallError | null; sent: number }): void {
    if (failure) {
      lastError = failure.said;
      if (failure.kind === 'network' || failure.kind === 'indeterminate') online = false;
    } else if (sent > 0) {
      lastSyncAt = isoAt(ctx.clock);
      lastError = null;
      online = true;
    }
  }

  async function runPass(): Promise<void> {
    const conn = connection();
    if (!conn) return;
    let signer: RequestSigner;
    try {
      signer = await signerFor(conn);
    } catch (error) {
      lastError = failureOf(error);
      return;
    }
    const wasOnline = online;
    const client = makeClient(conn.hubUrl);
    const outcome = await pusher(client, signer);
    heard(outcome);
    // This pass found the hub back before the receipts poll did.
    if (!wasOnline && online && hubRegained() > 0) trigger(0);
    if (!outcome.failure && deps.mods) heard(await deps.mods.send(client, signer));
    if (!outcome.failure) await fillHubSeqs(deps.outbox, client, signer).catch(() => undefined);
    // The hub refused on its checks, made with its code tables, which may be newer than ours: take them before the
    // refusal is announced, so the editor's checks run again on the tables the hub judged with.
    if (outcome.rejected.length > 0) await refreshCodeTables(true);
    if (outcome.sent > 0) ctx.events.emit('declarations.changed', { ids: [] });
    for (const r of outcome.rejected) {
      ctx.events.emit('notice', {
        kind: 'rejected',
        ...reasonMessage('notices.rejected-by-hub', { seqNo: r.clientSeqNo }),
        declarationId: r.declarationId,
      });
    }
  }

  const scheduler = createPassScheduler({
    run: runPass,
    onError(error) {
      lastError = failureOf(error);
      ctx.logger.error('sync pass failed', failureFields(error));
    },
    onChange: () => publish(),
    // The safety timer: the next due retry or a jittered interval, whichever is sooner.
    nextDelayMs() {
      const jittered = options.timerMs * (0.5 + Math.random());
      const next = deps.outbox.nextDueAt();
      const untilDue = next === null ? jittered : Math.max(0, next - ctx.clock.now());
      return Math.min(jittered, untilDue) + 5;
    },
    debounceMs: options.debounceMs,
  });
  const trigger = scheduler.trigger;
  const pass = scheduler.pass;

  async function tryPendingEnrollment(): Promise<void> {
    const p = pending();
    if (!p || connection()) return;
    // The broker may replace or drop the kept code while this try is under way (connect): its answer then says nothing
    // of this desk, neither a failure for the status nor a success to enrol with.
    const stillKept = () => pending()?.code === p.code && pending()?.hubUrl === p.hubUrl;
    try {
      await enroll(p.hubUrl, p.code, stillKept);
    } catch (error) {
      if (stillKept()) throw error;
    }
  }

  /** `stillMeant`: asked when the hub has answered, before the desk takes the enrolment as its own. */
  async function enroll(hubUrl: string, code: string, stillMeant = () => true): Promise<void> {
    const signer = await deps.keys.signer();
    const response = await makeClient(hubUrl).enroll({
      code,
      publicKey: signer.publicKey,
      algorithm: signer.algorithm,
      clientName: `SW Desk on ${os.hostname()}`.slice(0, 100),
    });
    const taken = ctx.db.transaction(() => {
      if (!stillMeant()) return false;
      deps.settings.write(CONNECTION_KEY, {
        hubUrl,
        clientId: response.clientId,
        keyId: response.keyId,
        enrolledAt: isoAt(ctx.clock),
      });
      deps.settings.write(CURSOR_KEY, '');
      deps.settings.remove(PENDING_KEY);
      return true;
    })();
    // The hub has used the code and knows a client this desk will never sign as: only its operator can revoke it.
    if (!taken)
      ctx.logger.warn('enrolled with a code no longer kept; not taken', { hubUrl, clientId: response.clientId });
    else ctx.logger.info('enrolled with hub', { hubUrl, clientId: response.clientId });
  }

  async function sleep(ms: number, signal: AbortSignal): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        wake = null;
        resolve();
      };
      const t = setTimeout(done, ms);
      wake = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }

  async function receiptsLoop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        await tryPendingEnrollment();
        const conn = connection();
        if (!conn) {
          await sleep(options.reconnect.maxMs, signal);
          continue;
        }
        // Offline (at start, after an outage, while the key was locked): ask without waiting, so 在线 and the
        // sending it starts come as soon as the hub answers, not when a 25-second long poll ends.
        const page = await makeClient(conn.hubUrl).receipts(
          await signerFor(conn),
          deps.receipts.cursor(),
          online ? options.longPollSeconds : 0,
          signal,
        );
        failures = 0;
        setOnline(true, lastError);
        void refreshCodeTables(false);
        if (page.receipts.length > 0 || page.cursor !== deps.receipts.cursor()) {
          const applied = deps.receipts.apply(page.receipts, page.cursor);
          // A receipt that came before its submit answer accepted the item without the hub's sequence.
          if (deps.outbox.missingHubSeq(1).length > 0) trigger();
          // Customs refused (E, Z): as for the hub's refusal, its tables first, then the news.
          if (applied.some((a) => a.fresh && (a.channel === 'E' || a.channel === 'Z'))) await refreshCodeTables(true);
          announceReceipts(ctx.events, applied);
        }
      } catch (error) {
        if (signal.aborted) return;
        failures++;
        const keyLocked = error instanceof AppError && error.code === 'PASSPHRASE_REQUIRED';
        const said = failureOf(error);
        if (!(error instanceof HubCallError) && !keyLocked)
          ctx.logger.warn('receipts loop error', failureFields(error));
        setOnline(false, said);
        await sleep(backoffDelay(failures, options.reconnect) + options.reconnect.baseMs, signal);
      }
    }
  }

  return {
    status,
    start(): void {
      if (scheduler.isRunning()) return;
      scheduler.start();
      pollAbort = new AbortController();
      pollLoop = receiptsLoop(pollAbort.signal);
      trigger(0);
    },
    async stop(): Promise<void> {
      pollAbort?.abort();
      await Promise.allSettled([pollLoop, scheduler.stop()]);
    },
    /** Called after sign-and-queue. */
    enqueued(): void {
      publish();
      trigger();
    },
    /** The key was unlocked: what waited for it (sending, the receipts poll) goes on now. */
    keyUnlocked(): void {
      if (lastError?.reason === 'sync.key-locked') lastError = null;
      publish();
      wake?.();
      trigger(0);
    },
    /** 同步: everything queued goes now, save what an answering hub asked to wait for (5xx, 429). */
    async syncNow(): Promise<SyncStatus> {
      if (!connection()) await tryPendingEnrollment().catch(() => undefined);
      sendWaiting();
      // 同步 also brings the hub's newer code tables, so a broker never declares against older ones.
      await Promise.all([pass(), refreshCodeTables(true), hearHealth()]);
      return status();
    },
    /**
     * Replaces the signing key. When enrolled, the new public key is first
     * registered at the hub with a request signed by the current key, so the
     * hub accepts both: old submissions stay verifiable.
     */
    async rotateKey(source: { algorithm: SignatureAlgorithm; importText?: string }) {
      const material = deps.keys.prepare(source);
      const conn = connection();
      if (conn) {
        try {
          await makeClient(conn.hubUrl).registerKey(await signerFor(conn), {
            publicKey: material.publicKey,
            algorithm: material.algorithm,
          });
        } catch (error) {
          if (unanswered(error)) throw new AppError('sync.key-needs-hub');
          // The hub's own reason (an unknown key, a revoked desk), not wrapped in a second sentence.
          if (error instanceof HubCallError) throw appErrorOf(error.said);
          throw error;
        }
      }
      const status = await deps.keys.activate(material);
      publish();
      return status;
    },
    /**
     * Enrols with a hub using a one-time code. When the hub is unreachable the code is kept and tried again, unless
     * `ifUnreachable` is 'refuse': then the hub's reason is the answer and nothing is kept (a desk enrolled already
     * never tries a kept code, so Settings' enrol again would have looked done and done nothing). A code kept from an
     * earlier call is dropped as this one starts, whatever the hub answers: the broker has just typed the code they
     * mean, which stays in their box if it is refused, and the desk must not enrol, unasked, with the one it replaced,
     * not even by a try of it already under way (tryPendingEnrollment).
     */
    async connect(hubUrl: string, code: string, ifUnreachable: IfUnreachable = 'retry-later'): Promise<SyncStatus> {
      deps.settings.remove(PENDING_KEY);
      try {
        await enroll(hubUrl, code);
      } catch (error) {
        if (ifUnreachable === 'retry-later' && unanswered(error)) {
          deps.settings.write(PENDING_KEY, { hubUrl, code });
          wake?.();
          lastError = reasonMessage('sync.enrolment-pending');
          publish();
          return status();
        }
        // A desk with no hub tried nothing but the kept code: what its status said of those tries is no longer so.
        if (!connection()) lastError = null;
        publish();
        // The hub's own reason: "The hub refused the enrolment: The hub refused this client: …" said it twice.
        if (error instanceof HubCallError) throw appErrorOf(error.said);
        throw error;
      }
      online = true;
      lastError = null;
      publish();
      wake?.();
      trigger(0);
      // The hub's tables (and what it advertises: its file limit) arrive as soon as the desk is connected.
      await Promise.all([refreshCodeTables(true), hearHealth()]);
      return status();
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
