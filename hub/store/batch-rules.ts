import type { FieldError, SubmitResult } from '../../shared/protocol';
import type { AcceptedDecision, BatchItem, ReceiptDraft, StoredSubmission } from './types';

// What every store answers the same way, whatever its SQL: the 18-character numbers, the answer
// for an id already stored, and how a batch of receipt drafts advances the queue.

export const NUMBER_LENGTH = 18;

/** An 18-character number: the prefix, then the serial zero-padded to fill. */
export function formatNumber(prefix: string, serial: number): string {
  const digits = NUMBER_LENGTH - prefix.length;
  const text = String(serial).padStart(digits, '0');
  if (text.length > digits) throw new Error(`The serial range of ${prefix} is exhausted`);
  return prefix + text;
}

export function conflictError(submissionId: string): FieldError {
  return {
    path: 'envelope.payloadDigest',
    code: 'conflict',
    message: `提交编号 ${submissionId} 已用于内容不同的另一份申报（摘要不同），本次未受理；修改后的申报请使用新的提交编号`,
  };
}

/** The answer for an item whose id the client already used: duplicate, rejected again, or conflict. */
export function answerForStored(stored: StoredSubmission, item: BatchItem): SubmitResult {
  const submissionId = item.submissionId;
  if (stored.payloadDigest !== item.payloadDigest)
    return { submissionId, outcome: 'conflict', hubSeq: null, errors: [conflictError(submissionId)] };
  if (stored.state === 'accepted') return { submissionId, outcome: 'duplicate', hubSeq: stored.hubSeq, errors: [] };
  return { submissionId, outcome: 'rejected', hubSeq: null, errors: stored.errors };
}

/** The counter names an accepted decision draws from: 统一编号 always, 海关编号 when the plan reaches L. */
export function counterNames(decision: Pick<AcceptedDecision, 'seqNoPrefix' | 'entryIdPrefix' | 'keptSeqNo'>): {
  seqNo: string | null;
  entryId: string | null;
} {
  return {
    seqNo: decision.keptSeqNo ? null : `seq-no:${decision.seqNoPrefix}`,
    entryId: decision.entryIdPrefix === null ? null : `entry-id:${decision.entryIdPrefix}`,
  };
}

/**
 * How one batch of drafts moves each queue row: from the step of its first draft to after its
 * last (drafts of one submission come in step order), or out of the queue after the last step.
 * A row that is no longer at that first step (another worker advanced it) is left alone.
 */
export function queueMoves(
  drafts: readonly ReceiptDraft[],
): { submissionPk: number; fromStep: number; toStep: number; dueAt: number | null }[] {
  const moves = new Map<number, { submissionPk: number; fromStep: number; toStep: number; dueAt: number | null }>();
  for (const d of drafts) {
    const move = moves.get(d.submissionPk);
    if (move) {
      move.toStep = d.step + 1;
      move.dueAt = d.nextDueAt;
    } else
      moves.set(d.submissionPk, {
        submissionPk: d.submissionPk,
        fromStep: d.step,
        toStep: d.step + 1,
        dueAt: d.nextDueAt,
      });
  }
  return [...moves.values()];
}
