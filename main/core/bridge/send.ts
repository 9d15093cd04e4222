import type { ReasonMessage } from '../../../shared/api';
import { AppError, reasonMessage } from '../../../shared/api';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentCatalog } from '../../../shared/catalog';
import { messageDocFor, writeDecMessage } from '../../../shared/interchange';
import { envelopeSchema } from '../../../shared/protocol';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { OutboxItem, OutboxRepo } from '../../db/repositories/outbox-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import type { BridgeConfig, BridgeFolders } from './config';
import { writeAtomic } from './files';
import { envelopeClientSeqNo, handOverDue } from './hand-over';

/**
 * The name a submission is written under in OutBox (and found under in SentBox): ClientSeqNo, then the submission id.
 */
export function outboxFileName(clientSeqNo: string, submissionId: string): string {
  return `${clientSeqNo}_${submissionId}.xml`;
}

export interface SendOutcome {
  written: number;
  accepted: number;
  failure: ReasonMessage | null;
}

/**
 * The bridge's send side, over the same outbox as the hub engine. A queued item is marked
 * `sending` durably, then its attachments and its XML are written into OutBox (each through a
 * staging file and a rename, the XML last, so the e-port client never sees half a file or a
 * message without its PDFs). The message is built from the signed envelope's payload — exactly
 * what was declared — and written unsigned: the e-port client signs with the operator's card.
 * A `sending` item is `accepted` once the client has moved it to SentBox, waits while it is in
 * OutBox, and is written again if it is in neither (a crash before the rename).
 */
export function createBridgeSender(
  ctx: CoreContext,
  deps: {
    outbox: OutboxRepo;
    declarations: DeclarationsRepo;
    catalog: DocumentCatalog;
    attachmentsDir: string;
    /** A 随附单据 file attached in the editor, by EdocID (checked against its digest); null when not one. */
    attachmentBytes?: (edocId: string) => Buffer | null;
  },
) {
  const { outbox, declarations } = deps;
  const lifecycle = createLifecycle(declarations);

  const accept = ctx.db.transaction((item: OutboxItem, file: string) => {
    const at = isoAt(ctx.clock);
    outbox.setState(item.submissionId, 'accepted', at);
    const row = declarations.getState(item.declarationId);
    if (row && lifecycle.allows(row, 'accepted'))
      lifecycle.apply(row, 'accepted', {
        at,
        actor: 'e-port client',
        changes: { submissionId: item.submissionId, file },
        rejection: null,
      });
  });

  function write(item: OutboxItem, config: BridgeConfig, folders: BridgeFolders, file: string): void {
    const envelope = envelopeSchema.parse(JSON.parse(item.envelope));
    const row = declarations.get(item.declarationId);
    const doc = messageDocFor(envelope.payload.doc, {
      ieFlag: envelope.payload.ieFlag,
      clientSeqNo: envelope.clientSeqNo,
      seqNo: row?.seqNo ?? null,
      entryId: row?.entryId ?? null,
      operType: config.operType,
    });
    // Attachments first: the PDFs an EdocRealation names — a file attached in the editor (kept by its digest),
    // else one put in the declaration's attachment folder by hand.
    const attachmentDir = path.join(deps.attachmentsDir, item.declarationId);
    for (const edoc of doc.tables.edocs ?? []) {
      const name = edoc.EdocID ?? '';
      if (name === '' || path.basename(name) !== name) continue;
      if (fs.existsSync(path.join(folders.outBox, name))) continue;
      const attached = deps.attachmentBytes?.(name) ?? null;
      if (attached) {
        writeAtomic(folders.staging, folders.outBox, name, attached);
        continue;
      }
      const source = path.join(attachmentDir, name);
      if (!fs.existsSync(source))
        throw new AppError('bridge.attachment-missing', { file: name, folder: attachmentDir });
      writeAtomic(folders.staging, folders.outBox, name, fs.readFileSync(source));
    }
    writeAtomic(folders.staging, folders.outBox, file, writeDecMessage(deps.catalog, doc));
  }

  return function send(config: BridgeConfig, folders: BridgeFolders): SendOutcome {
    const waitForClient = (item: OutboxItem) =>
      outbox.scheduleRetry(
        item.submissionId,
        ctx.clock.now() + config.pollMs * 2,
        reasonMessage('bridge.waiting-in-outbox'),
        isoAt(ctx.clock),
      );
    const { written, taken, failure } = handOverDue<OutboxItem>(folders, {
      due: () => outbox.due(ctx.clock.now(), 100),
      fileName: (item) => outboxFileName(envelopeClientSeqNo(item.envelope), item.submissionId),
      isSending: (item) => item.state === 'sending',
      taken: accept,
      waiting: waitForClient,
      // Only what is still pending goes out: an item withdrawn a moment ago is not written.
      claim: (item) => outbox.markSending(item.submissionId, isoAt(ctx.clock)),
      write: (item, file) => write(item, config, folders, file),
      failed(item, message, retryAt) {
        const at = isoAt(ctx.clock);
        outbox.setState(item.submissionId, 'queued', at, { lastError: message });
        outbox.scheduleRetry(item.submissionId, retryAt, message, at);
      },
      attempts: (item) => item.attempts,
      now: () => ctx.clock.now(),
    });
    return { written, accepted: taken, failure };
  };
}
