import type { ReasonMessage } from '../../../shared/api';
import { causeParams, messageOf, reasonMessage } from '../../../shared/api';
import { backoffDelay } from '../sync/backoff';
import type { BridgeFolders } from './config';
import { handedOver } from './files';

export interface HandOverOutcome {
  /** Files written into OutBox this pass. */
  written: number;
  /** Items whose file the e-port client has taken (moved to SentBox). */
  taken: number;
  failure: ReasonMessage | null;
}

/** What one kind of item the bridge hands to the e-port client (a submission, a 修撤单) gives the hand-over rules. */
export interface HandOverQueue<T> {
  due(): readonly T[];
  fileName(item: T): string;
  isSending(item: T): boolean;
  /** Its file is in SentBox: the e-port client took it. */
  taken(item: T, file: string): void;
  /** Its file is in OutBox (written just now, or not taken yet): look again in a while. */
  waiting(item: T): void;
  /** Marks it `sending` durably; false when it is no longer to go (withdrawn a moment ago). */
  claim(item: T): boolean;
  write(item: T, file: string): void;
  /** It could not be written: queued again, to be retried at `retryAt` (a missing PDF or OutBox may come back). */
  failed(item: T, message: ReasonMessage, retryAt: number): void;
  attempts(item: T): number;
  now(): number;
}

/** The ClientSeqNo a stored signed envelope names ('' when it names none), for the file names. */
export function envelopeClientSeqNo(envelope: string): string {
  return (JSON.parse(envelope) as { clientSeqNo?: string }).clientSeqNo ?? '';
}

/**
 * One pass of the bridge's send rules over what is due, the same for every kind of item: an item is marked `sending`
 * durably before its file is written into OutBox (through a staging file and a rename, by `write`); a `sending` item
 * is taken once its file is in SentBox, waits while it is in OutBox, and is written again when it is in neither (a
 * crash before the rename) — so its file is in OutBox at most once at a time and its answer is applied once.
 */
export function handOverDue<T>(folders: BridgeFolders, queue: HandOverQueue<T>): HandOverOutcome {
  const outcome: HandOverOutcome = { written: 0, taken: 0, failure: null };
  for (;;) {
    const due = queue.due();
    if (due.length === 0) return outcome;
    for (const item of due) {
      const file = queue.fileName(item);
      if (queue.isSending(item)) {
        const where = handedOver(folders, file);
        if (where === 'taken') {
          queue.taken(item, file);
          outcome.taken++;
          continue;
        }
        if (where === 'waiting') {
          queue.waiting(item);
          continue;
        }
      }
      if (!queue.claim(item)) continue;
      try {
        queue.write(item, file);
        outcome.written++;
        queue.waiting(item);
      } catch (error) {
        const said = messageOf(error);
        const message = said.reason ? said : reasonMessage('bridge.write-failed', causeParams(error));
        outcome.failure = message;
        queue.failed(
          item,
          message,
          queue.now() + backoffDelay(queue.attempts(item) + 1, { baseMs: 1_000, maxMs: 5 * 60_000 }),
        );
      }
    }
  }
}
