import { reasonMessage } from '../../../shared/api';
import { writeDecModMessage } from '../../../shared/modify/dec-mod-xml';
import type { ModRequest, ModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { BridgeConfig, BridgeFolders } from './config';
import { writeAtomic } from './files';
import type { HandOverOutcome } from './hand-over';
import { envelopeClientSeqNo, handOverDue } from './hand-over';

/**
 * The name a 修撤单 is written under in OutBox (and found under in SentBox): ours, like a declaration's — the
 * declaration's ClientSeqNo, then the request id, so that the two never share a name and a person can tell them apart.
 */
export function modFileName(request: Pick<ModRequest, 'requestId' | 'envelope'>): string {
  return `DecMod_${envelopeClientSeqNo(request.envelope)}_${request.requestId}.xml`;
}

/**
 * The bridge's send side for modification and cancellation requests, under the rules it keeps for declarations
 * (handOverDue): written into OutBox unsigned (the e-port client signs with the operator's card; the desk's own
 * signature stays with the stored envelope); its answer, read from InBox (receive-mods.ts), is applied once.
 */
export function createBridgeModSender(ctx: CoreContext, deps: { requests: ModRequestsRepo }) {
  const { requests } = deps;
  return function sendMods(config: BridgeConfig, folders: BridgeFolders): HandOverOutcome {
    return handOverDue<ModRequest>(folders, {
      due: () => requests.due(ctx.clock.now(), 20),
      fileName: modFileName,
      isSending: (item) => item.state === 'sending',
      taken: (item) => requests.markSent(item.requestId, isoAt(ctx.clock), null),
      waiting: (item) =>
        requests.scheduleRetry(
          item.requestId,
          ctx.clock.now() + config.pollMs * 2,
          reasonMessage('bridge.waiting-in-outbox'),
          isoAt(ctx.clock),
        ),
      claim: (item) => requests.markSending(item.requestId, isoAt(ctx.clock)),
      write: (item, file) =>
        writeAtomic(
          folders.staging,
          folders.outBox,
          file,
          writeDecModMessage({ head: item.head, changes: item.changes, operType: config.operType }),
        ),
      failed: (item, message, retryAt) => requests.scheduleRetry(item.requestId, retryAt, message, isoAt(ctx.clock)),
      attempts: (item) => item.attempts,
      now: () => ctx.clock.now(),
    });
  };
}

export type BridgeModSender = ReturnType<typeof createBridgeModSender>;
