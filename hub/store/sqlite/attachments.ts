import type { HubStoreAttachments } from '../types';
import type { HeldAttachment } from '../attachment-rules';
import { planChunk, stateOf } from '../attachment-rules';
import { nonceInserter } from './clients';
import type { HubDb } from './connection';

interface Row {
  size: number;
  complete: number;
  data: Buffer;
}

export function sqliteAttachments(db: HubDb): HubStoreAttachments {
  const select = db.prepare<[string, string], Row>(
    'SELECT size, complete, data FROM attachments WHERE client_id = ? AND sha256 = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO attachments (client_id, sha256, size, data, complete, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (client_id, sha256) DO UPDATE SET data = excluded.data, complete = excluded.complete,
       updated_at = excluded.updated_at`,
  );
  const selectWhole = db.prepare<[string, string], { size: number }>(
    'SELECT size FROM attachments WHERE client_id = ? AND sha256 = ? AND complete = 1',
  );
  const remove = db.prepare('DELETE FROM attachments WHERE client_id = ? AND sha256 = ?');
  const insertNonce = nonceInserter(db);
  const held = (clientId: string, sha256: string): HeldAttachment | undefined => {
    const row = select.get(clientId, sha256);
    return row ? { size: row.size, complete: row.complete === 1, data: row.data } : undefined;
  };

  const putTx = db.transaction((input: Parameters<HubStoreAttachments['putAttachmentChunk']>[0]) => {
    const plan = planChunk(held(input.clientId, input.sha256), input);
    if (plan.write === 'nothing') return plan.result;
    insertNonce(input.nonce);
    if (plan.write === 'drop') remove.run(input.clientId, input.sha256);
    if (plan.write === 'data')
      upsert.run(input.clientId, input.sha256, input.size, plan.data, plan.complete ? 1 : 0, input.at);
    return plan.result;
  });

  return {
    async putAttachmentChunk(input) {
      return putTx(input);
    },
    async attachmentState(clientId, sha256) {
      return stateOf(sha256, held(clientId, sha256));
    },
    async completeAttachments(clientId, sha256s) {
      const sizes = new Map<string, number>();
      for (const sha256 of new Set(sha256s)) {
        const row = selectWhole.get(clientId, sha256);
        if (row) sizes.set(sha256, row.size);
      }
      return sizes;
    },
    async readAttachment(clientId, sha256) {
      const row = select.get(clientId, sha256);
      return row && row.complete === 1 ? row.data : undefined;
    },
  };
}
