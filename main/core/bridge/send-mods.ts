import type { ReasonMessage } from '../../../shared/api';
import { messageOf, reasonMessage } from '../../../shared/api';
import { writeDecModMessage } from '../../../shared/modify/dec-mod-xml';
import type { ModRequest, ModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { backoffDelay } from '../sync/backoff';
import type { BridgeConfig, BridgeFolders } from './config';
import { handedOver, writeAtomic } from './files';

/**
 * The name a 修撤单 is written under in OutBox (and found under in SentBox): ours, like a declaration's — the
 * declaration's ClientSeqNo, then the request id, so that the two never share a name and a person can tell them apart.
 */
export function modFileName(request: Pick<ModRequest, 'requestId' | 'envelope'>): string {
  const clientSeqNo = (JSON.parse(request.envelope) as { clientSeqNo?: string }).clientSeqNo ?? '';
  return `DecMod_${clientSeqNo}_${request.requestId}.xml`;
}

export interface ModWriteOutcome {
  written: number;
  taken: number;
  failure: ReasonMessage | null;
}

/**
 * The bridge's send side for modification and cancellation requests, with the rules it keeps for declarations: a
 * request is marked `sending` durably, then written into OutBox through a staging file and a rename, unsigned (the
 * e-port client signs with the operator's card; the desk's own signature stays with the stored envelope). A `sending`
 * request becomes `sent` once the client has moved its file to SentBox, waits while the file is in OutBox, and is
 * written again when it is in neither (a crash before the rename) — so it is in OutBox at most once at a time and
 * its answer, read from InBox (receive-mods.ts), is applied once.
 */
export function createBridgeModSender(ctx: CoreContext, deps: { requests: ModRequestsRepo }) {
  const { requests } = deps;
  const waitForClient = (item: ModRequest, config: BridgeConfig) =>
    requests.scheduleRetry(
      item.requestId,
      ctx.clock.now() + config.pollMs * 2,
      reasonMessage('bridge.waiting-in-outbox'),
      isoAt(ctx.clock),
    );

  return function sendMods(config: BridgeConfig, folders: BridgeFolders): ModWriteOutcome {
    const outcome: ModWriteOutcome = { written: 0, taken: 0, failure: null };
    for (;;) {
      const due = requests.due(ctx.clock.now(), 20);
      if (due.length === 0) return outcome;
      for (const item of due) {
        const name = modFileName(item);
        if (item.state === 'sending') {
          const where = handedOver(folders, name);
          if (where === 'taken') {
            requests.markSent(item.requestId, isoAt(ctx.clock), null);
            outcome.taken++;
            continue;
          }
          if (where === 'waiting') {
            waitForClient(item, config);
            continue;
          }
        }
        if (!requests.markSending(item.requestId, isoAt(ctx.clock))) continue;
        try {
          writeAtomic(
            folders.staging,
            folders.outBox,
            name,
            writeDecModMessage({ head: item.head, changes: item.changes, operType: config.operType }),
          );
          outcome.written++;
          waitForClient(item, config);
        } catch (error) {
          const said = messageOf(error);
          const message = said.reason ? said : reasonMessage('bridge.write-failed', { detail: said.message });
          outcome.failure = message;
          const next = ctx.clock.now() + backoffDelay(item.attempts + 1, { baseMs: 1_000, maxMs: 5 * 60_000 });
          requests.scheduleRetry(item.requestId, next, message, isoAt(ctx.clock));
        }
      }
    }
  };
}

export type BridgeModSender = ReturnType<typeof createBridgeModSender>;
