import { randomUUID } from 'node:crypto';
import type { ProcessorConfig } from '../config';
import type { DueWork, HubStore, ReceiptDraft } from '../store/types';
import { StoreUnavailableError } from '../store/types';

export interface ProcessorLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface CustomsProcessor {
  /** Look for due work now (after an acceptance, or at start to resume what a restart interrupted). */
  kick(): void;
  /** Stops after the transaction in progress; nothing half-issued is left (each batch is one transaction). */
  stop(): Promise<void>;
  /** Resolves when no pass is running (for tests and orderly shutdown). */
  idle(): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const BUSY_ELSEWHERE_MS = 200;

function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The receipt a due submission gets now, and when its next step falls due. */
export function draftFor(work: DueWork, now: number): ReceiptDraft | null {
  const step = work.plan[work.nextStep];
  if (!step) return null;
  const reachedL = work.plan.slice(0, work.nextStep + 1).some((s) => s.channel === 'L');
  const next = work.plan[work.nextStep + 1];
  return {
    submissionPk: work.submissionPk,
    clientId: work.clientId,
    submissionId: work.submissionId,
    clientSeqNo: work.clientSeqNo,
    step: work.nextStep,
    receiptId: randomUUID(),
    channel: step.channel,
    note: step.note,
    noticeDate: new Date(now).toISOString(),
    seqNo: work.seqNo,
    entryId: reachedL ? (step.entryId ?? work.entryId) : null,
    errors: step.errors,
    ...(step.taxBill ? { taxBill: step.taxBill } : {}),
    nextDueAt: next ? now + next.delayMs : null,
  };
}

/**
 * The receipts a submission is owed now: its next step, and the steps after it
 * that are due at once (a zero delay), so they commit in one transaction.
 */
export function draftsDue(work: DueWork, now: number): ReceiptDraft[] {
  const out: ReceiptDraft[] = [];
  for (let step = work.nextStep; ; step++) {
    const draft = draftFor({ ...work, nextStep: step }, now);
    if (!draft) break;
    out.push(draft);
    if (draft.nextDueAt === null || draft.nextDueAt > now) break;
  }
  return out;
}

/**
 * Turns accepted submissions into CHANNEL receipts over time. The queue lives
 * in the store (the `processing` rows), so work survives restarts; each batch
 * of receipts and the advance of their queue rows commit together, and a
 * (submission, step) receipt can be stored only once.
 */
export function createCustomsProcessor(deps: {
  store: HubStore;
  config: ProcessorConfig;
  now: () => number;
  log: ProcessorLogger;
  /** Told after each transaction that issued receipts (the store's events tell every process too). */
  onReceipts?: (clientIds: Set<string>) => void;
}): CustomsProcessor {
  const { store, config, log } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function drain(): Promise<void> {
    while (!stopped) {
      const now = deps.now();
      const { claimed, receipts, clients } = await store.issueDue(now, config.batchSize, (w) => draftsDue(w, now));
      if (claimed === 0) break;
      log.debug({ claimed, receipts, clients: clients.size }, 'receipts issued');
      if (clients.size > 0) deps.onReceipts?.(clients);
      // better-sqlite3 is synchronous: let requests in between batches.
      await yieldToIo();
    }
  }

  async function schedule(): Promise<void> {
    if (stopped) return;
    const due = await store.nextDueAt();
    if (due === null) return;
    // Work that is due but was not claimed is held by another worker: look again shortly (its
    // transaction ends, or it dies and its rows are free) rather than at once, in a loop.
    const delay = Math.min(MAX_TIMER_MS, Math.max(BUSY_ELSEWHERE_MS * Number(due <= deps.now()), due - deps.now()));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, delay);
    timer.unref();
  }

  async function run(): Promise<void> {
    do {
      again = false;
      try {
        await drain();
        await schedule();
      } catch (error) {
        // The database away (a restart, a failover) is what the retry is for, not a fault to page anyone about.
        if (error instanceof StoreUnavailableError)
          log.warn({ err: error }, 'the database is not answering; the customs processor tries again in 1 s');
        else log.error({ err: error }, 'customs processor failed; retrying in 1 s');
        if (!stopped) {
          if (timer) clearTimeout(timer);
          timer = setTimeout(kick, 1000);
          timer.unref();
        }
      }
    } while (again && !stopped);
  }

  function kick(): void {
    if (stopped || !config.enabled) return;
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = null;
      // A kick that arrived after the last look must not be lost.
      if (again) kick();
    });
  }

  return {
    kick,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
