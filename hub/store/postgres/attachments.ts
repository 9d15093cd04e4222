import type pg from 'pg';
import type { HubStoreAttachments } from '../types';
import type { HeldAttachment } from '../attachment-rules';
import { planChunk, stateOf } from '../attachment-rules';
import { insertNonce } from './clients';
import type { PgClient } from './connection';
import { Rollback, query, transaction } from './connection';

interface Row {
  size: number;
  complete: boolean;
  data: Buffer;
}

const selectSql = 'SELECT size, complete, data FROM attachments WHERE client_id = $1 AND sha256 = $2';

function toHeld(row: Row | undefined): HeldAttachment | undefined {
  return row ? { size: row.size, complete: row.complete, data: row.data } : undefined;
}

export function postgresAttachments(pool: pg.Pool): HubStoreAttachments {
  return {
    async putAttachmentChunk(input) {
      return transaction(pool, async (c: PgClient) => {
        // The row is locked for the chunk (two hub processes given chunks of one file take turns); two first chunks
        // at once both find no row, and the later upsert writes the same first bytes again.
        const found = await c.query<Row>(`${selectSql} FOR UPDATE`, [input.clientId, input.sha256]);
        const plan = planChunk(toHeld(found.rows[0]), input);
        if (plan.write === 'nothing') throw new Rollback(plan.result);
        await insertNonce(c, input.nonce);
        if (plan.write === 'drop')
          await c.query('DELETE FROM attachments WHERE client_id = $1 AND sha256 = $2', [input.clientId, input.sha256]);
        if (plan.write === 'data')
          await c.query(
            `INSERT INTO attachments (client_id, sha256, size, data, complete, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (client_id, sha256) DO UPDATE SET data = excluded.data, complete = excluded.complete,
               updated_at = excluded.updated_at`,
            [input.clientId, input.sha256, input.size, plan.data, plan.complete, input.at],
          );
        return plan.result;
      });
    },
    async attachmentState(clientId, sha256) {
      const found = await query<Row>(pool, selectSql, [clientId, sha256]);
      return stateOf(sha256, toHeld(found.rows[0]));
    },
    async completeAttachments(clientId, sha256s) {
      const found = await query<{ sha256: string; size: number }>(
        pool,
        'SELECT sha256, size FROM attachments WHERE client_id = $1 AND sha256 = ANY($2) AND complete',
        [clientId, [...new Set(sha256s)]],
      );
      return new Map(found.rows.map((r) => [r.sha256, r.size]));
    },
    async readAttachment(clientId, sha256) {
      const found = await query<Row>(pool, selectSql, [clientId, sha256]);
      const row = found.rows[0];
      return row?.complete ? row.data : undefined;
    },
  };
}
