import type { ReasonMessage } from '../../../shared/api';
import { causeParams, isAppError, messageOf, nestedParams, reasonedDetail, reasonMessage } from '../../../shared/api';
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedReceipt } from '../../../shared/interchange';
import { parseReceipt, parseXml } from '../../../shared/interchange';
import type { Receipt } from '../../../shared/protocol';
import type { BridgeFilesRepo, BridgeFileOutcome } from '../../db/repositories/bridge-files-repo';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { OutboxRepo } from '../../db/repositories/outbox-repo';
import { failureFields } from '../../logging/failure-fields';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { decodeXmlBytes } from '../interchange/decode';
import type { AppliedReceipt, ReceiptApplier } from '../sync/receipts';
import type { BridgeFolders } from './config';
import { listFiles, moveFile, sha256 } from './files';
import type { ModAnswerReader, ModAnswerRead } from './receive-mods';

/**
 * A file this young that does not parse may still be being written by the e-port client: it is left for the next scan.
 */
export const SETTLE_MS = 5_000;

export interface ReceiveOutcome {
  files: number;
  applied: AppliedReceipt[];
  failure: ReasonMessage | null;
  /** The last file of the pass that could not be read, moved aside: which, why and where to (said until another). */
  setAside: ReasonMessage | null;
}

interface Read {
  receipts: ParsedReceipt[];
  note: string;
}

/**
 * What a file in InBox or FailBox says. A receipt file is read as one; a DecMessage in FailBox
 * is one of ours the e-port client gave back (导入失败), which becomes a receipt with CHANNEL 1
 * so the declaration shows it was refused and can be corrected.
 */
function readFile(text: string, folder: 'InBox' | 'FailBox', name: string): Read {
  try {
    return { receipts: parseReceipt(text), note: '' };
  } catch (error) {
    if (folder !== 'FailBox') throw error;
    const root = parseXml(text);
    if (root.name !== 'DecMessage') throw error;
    const sign = root.children.find((c) => c.name === 'DecSign');
    const clientSeqNo = sign?.children.find((c) => c.name === 'ClientSeqNo')?.text.trim() || null;
    const head = root.children.find((c) => c.name === 'DecHead');
    const seqNo = head?.children.find((c) => c.name === 'SeqNo')?.text.trim() || null;
    const note = `电子口岸客户端退回报文 / returned by the e-port client to FailBox: ${name}`;
    return {
      receipts: [
        {
          kind: 'import-response',
          clientSeqNo,
          seqNo,
          entryId: null,
          channel: '1',
          note,
          noticeDate: '',
          noticeDateRaw: '',
          fields: {},
        },
      ],
      note,
    };
  }
}

/**
 * The bridge's receive side: every file in InBox and FailBox is read once. Its receipts and
 * its ledger row (by the SHA-256 of its bytes) are written in one transaction, then it is moved
 * to the backup folder; a restart between the two finds the ledger row and only finishes the
 * move. Each receipt's id is derived from the file's digest, so even a file delivered twice
 * under two names adds its receipts once. Receipts are matched to a declaration by ClientSeqNo,
 * else by 统一编号; one that matches nothing is still kept (and the file marked `unmatched`).
 */
export function createBridgeReceiver(
  ctx: CoreContext,
  deps: {
    files: BridgeFilesRepo;
    declarations: DeclarationsRepo;
    outbox: OutboxRepo;
    receipts: ReceiptApplier;
    /** Reads the answers to modification and cancellation requests (修撤单); without it every file is a receipt. */
    modAnswers?: ModAnswerReader;
    settleMs?: number;
  },
) {
  const { files, declarations, outbox } = deps;

  function toReceipt(
    parsed: ParsedReceipt,
    digest: string,
    index: number,
    at: string,
  ): { receipt: Receipt; matched: boolean } {
    const row =
      (parsed.clientSeqNo ? declarations.getByClientSeqNo(parsed.clientSeqNo) : undefined) ??
      (parsed.seqNo ? declarations.get(files.declarationIdBySeqNo(parsed.seqNo) ?? '') : undefined);
    const items = row ? outbox.forDeclaration(row.id).filter((i) => i.state !== 'withdrawn') : [];
    const submissionId = items[items.length - 1]?.submissionId ?? '';
    const failed = parsed.kind === 'import-response' && parsed.channel !== '0';
    return {
      matched: row !== undefined,
      receipt: {
        cursor: '',
        receiptId: `bridge:${digest}:${index}`,
        submissionId,
        clientSeqNo: row?.clientSeqNo ?? parsed.clientSeqNo ?? '',
        channel: parsed.channel.slice(0, 8),
        note: parsed.note,
        noticeDate: parsed.noticeDate || at,
        seqNo: parsed.seqNo,
        entryId: parsed.entryId,
        errors: failed
          ? [
              {
                path: 'head',
                code: 'import-failed',
                message: parsed.note || '导入失败 / the single window did not take the message',
              },
            ]
          : [],
      },
    };
  }

  const record = ctx.db.transaction(
    (input: {
      digest: string;
      folder: string;
      name: string;
      size: number;
      outcome: BridgeFileOutcome;
      note: string;
      receipts: Receipt[];
      mod?: ModAnswerRead | null;
    }) => {
      const applied = input.receipts.length > 0 ? deps.receipts.applyReceived(input.receipts, 'bridge') : [];
      // A 修撤单 answer is applied in the same transaction as its ledger row, so it too is applied once.
      const outcome = input.mod ? input.mod.apply() : input.outcome;
      files.insert({
        digest: input.digest,
        folder: input.folder,
        name: input.name,
        size: input.size,
        outcome,
        receipts: input.receipts.length,
        note: input.note,
        backupPath: null,
        processedAt: isoAt(ctx.clock),
      });
      return { applied, outcome };
    },
  );

  function backupDir(folders: BridgeFolders, folder: string, outcome: BridgeFileOutcome): string {
    const day = new Date(ctx.clock.now()).toISOString().slice(0, 10);
    return path.join(folders.backup, outcome === 'unreadable' ? 'Unreadable' : folder, day);
  }

  function finishMove(
    folders: BridgeFolders,
    file: string,
    folder: string,
    digest: string,
    outcome: BridgeFileOutcome,
  ): string {
    const target = moveFile(file, backupDir(folders, folder, outcome));
    files.markMoved(digest, target, isoAt(ctx.clock));
    return target;
  }

  return function receive(folders: BridgeFolders): ReceiveOutcome {
    const outcome: ReceiveOutcome = { files: 0, applied: [], failure: null, setAside: null };
    for (const folder of ['InBox', 'FailBox'] as const) {
      for (const entry of listFiles(folder === 'InBox' ? folders.inBox : folders.failBox)) {
        try {
          const bytes = fs.readFileSync(entry.file);
          const digest = sha256(bytes);
          const known = files.get(digest);
          if (known) {
            // Taken in before (a restart after the ledger row, or the same file delivered again): only move it.
            finishMove(folders, entry.file, folder, digest, known.outcome);
            continue;
          }
          let read: Read;
          let mod: ModAnswerRead | null = null;
          try {
            const text = decodeXmlBytes(bytes).text;
            mod = deps.modAnswers?.(text, folder, entry.name) ?? null;
            read = mod ? { receipts: [], note: mod.note } : readFile(text, folder, entry.name);
          } catch (error) {
            // File times are the file system's, so the real clock measures their age.
            if (Date.now() - entry.mtimeMs < (deps.settleMs ?? SETTLE_MS)) continue;
            const note = messageOf(error).message;
            record({ digest, folder, name: entry.name, size: entry.size, outcome: 'unreadable', note, receipts: [] });
            ctx.logger.warn('bridge: unreadable file moved aside', {
              folder,
              name: entry.name,
              ...failureFields(error),
            });
            const movedTo = finishMove(folders, entry.file, folder, digest, 'unreadable');
            outcome.setAside = reasonMessage('bridge.file-set-aside', {
              file: `${folder}/${entry.name}`,
              movedTo,
              ...whyFailed(error),
            });
            outcome.files++;
            continue;
          }
          const at = isoAt(ctx.clock);
          const converted = read.receipts.map((r, i) => toReceipt(r, digest, i, at));
          const recorded = record({
            digest,
            folder,
            name: entry.name,
            size: entry.size,
            outcome: converted.every((c) => c.matched) ? 'applied' : 'unmatched',
            note: read.note,
            receipts: converted.map((c) => c.receipt),
            mod,
          });
          outcome.applied.push(...recorded.applied);
          outcome.files++;
          finishMove(folders, entry.file, folder, digest, recorded.outcome);
        } catch (error) {
          outcome.failure = reasonMessage('bridge.file-failed', {
            file: `${folder}/${entry.name}`,
            ...whyFailed(error),
          });
          ctx.logger.warn('bridge: file not processed', { folder, name: entry.name, ...failureFields(error) });
        }
      }
    }
    return outcome;
  };
}

/** Why a file could not be processed: the reason that refused it, worded in turn, or the system failure's kind. */
function whyFailed(error: unknown): { problem: string; problemParams: string; cause: string; detail: string } {
  if (isAppError(error))
    return {
      problem: error.reason,
      problemParams: nestedParams(error.params),
      cause: 'other',
      detail: reasonedDetail(error),
    };
  return { problem: '', problemParams: '', ...causeParams(error) };
}
