import { z } from 'zod';
import { reasonMessage } from '../../../shared/api';
import type { Receipt } from '../../../shared/protocol';
import { channelInfo } from '../../../shared/status';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { OutboxRepo } from '../../db/repositories/outbox-repo';
import type { ReceiptsRepo } from '../../db/repositories/receipts-repo';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';

export const CURSOR_KEY = 'sync.receiptsCursor';

export interface AppliedReceipt {
  declarationId: string | null;
  submissionId: string;
  clientSeqNo: string;
  channel: string;
  entryId: string | null;
  fresh: boolean;
}

/**
 * Applies a page of receipts in one transaction with the cursor that follows
 * them: a receipt is applied exactly once (its id is the key of the
 * append-only history) and a crash can only replay a page, never skip one.
 */
export function createReceiptApplier(
  ctx: CoreContext,
  deps: {
    declarations: DeclarationsRepo;
    outbox: OutboxRepo;
    receipts: ReceiptsRepo;
    settings: SettingsRepo;
    /**
     * Told what was applied, inside the same transaction, after the declarations' states are
     * written (e.g. the product library learns from a release). It must not throw: a failure here
     * would undo the page and hold the receipts back.
     */
    onApplied?: (applied: readonly AppliedReceipt[]) => void;
  },
) {
  const { declarations, outbox, receipts, settings } = deps;
  const lifecycle = createLifecycle(declarations);

  const applyOne = (receipt: Receipt, at: string, source: string): AppliedReceipt => {
    const item = outbox.stateOf(receipt.submissionId);
    const row = item
      ? declarations.getState(item.declarationId)
      : declarations.getStateByClientSeqNo(receipt.clientSeqNo);
    const fresh = receipts.add({
      receiptId: receipt.receiptId,
      declarationId: row?.id ?? null,
      submissionId: receipt.submissionId,
      clientSeqNo: receipt.clientSeqNo,
      channel: receipt.channel,
      note: receipt.note,
      noticeDate: receipt.noticeDate,
      seqNo: receipt.seqNo,
      entryId: receipt.entryId,
      source,
      raw: JSON.stringify(receipt),
      receivedAt: at,
      taxBill: receipt.taxBill ? JSON.stringify(receipt.taxBill) : null,
    });
    const applied = {
      declarationId: row?.id ?? null,
      submissionId: receipt.submissionId,
      clientSeqNo: receipt.clientSeqNo,
      channel: receipt.channel,
      entryId: receipt.entryId,
      fresh,
    };
    if (!fresh || !row) return applied;
    // A receipt proves the hub holds the submission, even if its submit answer was lost.
    if (item && (item.state === 'queued' || item.state === 'sending'))
      outbox.setState(item.submissionId, 'accepted', at);
    lifecycle.apply(row, 'receipt', {
      at,
      actor: 'customs',
      changes: { channel: receipt.channel, note: receipt.note, entryId: receipt.entryId },
      channel: receipt.channel,
      entryId: receipt.entryId ?? row.entryId,
      seqNo: receipt.seqNo ?? row.seqNo,
      rejection: receipt.errors.length > 0 ? JSON.stringify(receipt.errors) : row.rejection,
    });
    return applied;
  };

  const applyPage = ctx.db.transaction((page: Receipt[], cursor: string): AppliedReceipt[] => {
    const at = isoAt(ctx.clock);
    const out = page.map((r) => applyOne(r, at, 'hub'));
    deps.onApplied?.(out);
    settings.write(CURSOR_KEY, cursor);
    return out;
  });

  // A transport without a cursor (the e-port client folder bridge) applies what it read in one
  // transaction of its own; the receipt id still makes a second delivery change nothing.
  const applyBatch = ctx.db.transaction((receipts: Receipt[], source: string): AppliedReceipt[] => {
    const at = isoAt(ctx.clock);
    const out = receipts.map((r) => applyOne(r, at, source));
    deps.onApplied?.(out);
    return out;
  });

  return {
    cursor(): string {
      return settings.read(CURSOR_KEY, z.string(), '');
    },
    apply(page: Receipt[], cursor: string): AppliedReceipt[] {
      return applyPage(page, cursor);
    },
    /**
     * Applies receipts that came another way than the hub's long poll, recorded with their `source` (e.g. `bridge`).
     */
    applyReceived(receipts: Receipt[], source: string): AppliedReceipt[] {
      return applyBatch(receipts, source);
    },
  };
}

export type ReceiptApplier = ReturnType<typeof createReceiptApplier>;

/**
 * Tells the renderer what fresh receipts changed, and raises a notice for releases and rejections, and for the receipts
 * that ask the broker to act while customs hold the goods (需交税费, 查验, 挂起, 重传文件): those changed the list's status alone,
 * so a broker at another declaration learned of duties to pay or an inspection only by looking.
 */
export function announceReceipts(events: CoreContext['events'], applied: readonly AppliedReceipt[]): void {
  const fresh = applied.filter((a) => a.fresh);
  if (fresh.length === 0) return;
  events.emit('declarations.changed', { ids: fresh.flatMap((a) => (a.declarationId ? [a.declarationId] : [])) });
  for (const a of fresh) {
    const where = a.declarationId ? { declarationId: a.declarationId } : {};
    const said = reasonMessage('notices.receipt', {
      seqNo: a.clientSeqNo,
      channel: a.channel,
      entryId: a.channel === 'P' ? (a.entryId ?? '') : '',
    });
    const kind = noticeKind(a.channel);
    if (kind) events.emit('notice', { kind, ...said, ...where });
  }
}

/**
 * The notice a receipt raises, read from the channel table (shared/status/channels.ts) so that a channel it shows as
 * refused or needing action raises its notice too: a release (P), a refusal (customs refused or returned it, the
 * e-port failed it: E, Z, 1, 4, 8, 9, Y), or the broker asked to act before release (T 需交税费, C 查验通知, S 施检,
 * H 挂起, N 重传文件, A 放行前异常处理); none for the others.
 */
function noticeKind(channel: string): 'released' | 'rejected' | 'info' | null {
  if (channel === 'P') return 'released';
  const status = channelInfo(channel)?.status;
  if (status === 'refused' || status === 'returned') return 'rejected';
  if (status === 'tax-due' || status === 'inspection' || status === 'needs-action') return 'info';
  return null;
}
