import { reasonMessage } from '../../../shared/api';
import type { DecModAnswer } from '../../../shared/modify/dec-mod-xml';
import { DEC_MOD_ROOT, parseDecModAnswer } from '../../../shared/modify/dec-mod-xml';
import type { BridgeFileOutcome } from '../../db/repositories/bridge-files-repo';
import type { ModRequest, ModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { ModifyCancel } from '../modify/modify-cancel';

/** A 修撤单 answer file read: what the ledger notes, and its effect, run in the ledger row's transaction. */
export interface ModAnswerRead {
  note: string;
  apply(): BridgeFileOutcome;
}

/**
 * The request an answer is about, among those handed on and not answered: by its 修撤单统一编号 when a request
 * already has it; else by the 海关编号 (EntryId) or the declaration's 统一编号 (DecSeqNo) — one request per
 * declaration can be waiting at a time, so either names one — when that request has no other 修撤单统一编号.
 * Nothing else is guessed: an answer naming none of these is kept unmatched.
 */
export function requestFor(answer: DecModAnswer, inFlight: readonly ModRequest[]): ModRequest | undefined {
  if (answer.modSeqNo !== null) {
    const exact = inFlight.find((r) => r.modSeqNo === answer.modSeqNo);
    if (exact) return exact;
  }
  const free = inFlight.filter((r) => r.modSeqNo === null || r.modSeqNo === answer.modSeqNo);
  return (
    (answer.entryId !== null ? free.find((r) => r.head.EntryId === answer.entryId) : undefined) ??
    (answer.decSeqNo !== null ? free.find((r) => r.head.DecSeqNo === answer.decSeqNo) : undefined)
  );
}

/**
 * Reads InBox/FailBox files that are about a 修撤单 (docs/modify-cancel.md lists the forms) and applies each to its
 * request as the hub's receipt is applied: taken in (its 修撤单统一编号 recorded), approved (a modification's new
 * values put in the declaration in their own revision; a cancellation makes it 已撤单) or refused with the single
 * window's words; a step on the way only records the number. A file about a request that is not waiting changes
 * nothing and is kept unmatched.
 */
export function createModAnswerReader(
  ctx: CoreContext,
  deps: { requests: ModRequestsRepo; modifyCancel: Pick<ModifyCancel, 'settle'> },
) {
  const { requests } = deps;
  const decode = (text: string) => Buffer.from(text, 'base64').toString('utf8');

  function apply(answer: DecModAnswer, file: string): BridgeFileOutcome {
    const item = requestFor(answer, requests.inFlight(500));
    if (!item) return 'unmatched';
    const at = answer.at || isoAt(ctx.clock);
    const settle = (outcome: 'approved' | 'refused', reasons: ReturnType<typeof reasonMessage>[]) =>
      deps.modifyCancel.settle(
        item.requestId,
        outcome,
        { at, note: answer.note, reasons },
        answer.modSeqNo,
        'e-port client',
      );
    switch (answer.kind) {
      case 'taken-in':
      case 'waiting':
        requests.markSent(item.requestId, at, answer.modSeqNo);
        break;
      case 'approved':
        settle('approved', []);
        break;
      case 'refused':
        settle('refused', [reasonMessage('modify.eport-refused', { note: answer.note })]);
        break;
      case 'returned':
        settle('refused', [reasonMessage('modify.eport-returned', { file })]);
        break;
    }
    return 'applied';
  }

  /** Null when the file is no 修撤单 document (it is read as a declaration's receipt); throws when it is a bad one. */
  return function read(text: string, folder: 'InBox' | 'FailBox', name: string): ModAnswerRead | null {
    const answer = parseDecModAnswer(text, decode);
    if (answer === null || (answer.element === DEC_MOD_ROOT && folder !== 'FailBox')) return null;
    const note =
      answer.kind === 'returned'
        ? `电子口岸客户端退回修撤单 / request returned by the e-port client to FailBox: ${name}`
        : `${answer.element} ${answer.kind}${answer.modSeqNo ? ` ${answer.modSeqNo}` : ''}: ${answer.note}`;
    return { note, apply: () => apply(answer, name) };
  };
}

export type ModAnswerReader = ReturnType<typeof createModAnswerReader>;
