import type { Row } from '../../../shared/catalog';
import type { Db } from '../connection';

/** A party box of the head and the fields holding its identities (migration 0015 indexes each). */
const boxes = [
  { slot: 'trade', code: 'TradeCode', uscc: 'TradeCoScc' },
  { slot: 'owner', code: 'OwnerCode', uscc: 'OwnerCodeScc' },
  { slot: 'agent', code: 'AgentCode', uscc: 'AgentCodeScc' },
] as const;

/** The newest live declaration (but one) holding a value in a party box's field, and that box's fields. */
export interface KeyedPartyHit {
  declarationId: string;
  clientSeqNo: string;
  updatedAt: string;
  /** The party box the value was found in, and the declaration's head. */
  slot: 'trade' | 'owner' | 'agent';
  head: Row;
}

interface HitRow {
  id: string;
  client_seq_no: string;
  updated_at: string;
  head: string;
}

/**
 * Declarations by a customs code or USCC keyed in a party box: each statement reads one of migration 0015's
 * indexes (the expression is spelled as the index has it), so a lookup costs a few index entries however many
 * declarations there are.
 */
export function createKeyedPartyRepo(db: Db) {
  const statement = (field: string) =>
    db.prepare<{ value: string; except: string }, HitRow>(
      `SELECT id, client_seq_no, updated_at, head FROM declarations
       WHERE json_extract(head, '$.${field}') = @value AND deleted_at IS NULL AND id <> @except
       ORDER BY updated_at DESC LIMIT 1`,
    );
  const stmts = boxes.map((box) => ({ box, code: statement(box.code), uscc: statement(box.uscc) }));

  return {
    /** The most recently changed declaration (other than `exceptId`) holding `value` as a party's code or USCC. */
    newest(kind: 'code' | 'uscc', value: string, exceptId: string): KeyedPartyHit | undefined {
      let best: KeyedPartyHit | undefined;
      for (const s of stmts) {
        const row = s[kind].get({ value, except: exceptId });
        if (row && (!best || row.updated_at > best.updatedAt))
          best = {
            declarationId: row.id,
            clientSeqNo: row.client_seq_no,
            updatedAt: row.updated_at,
            slot: s.box.slot,
            head: JSON.parse(row.head) as Row,
          };
      }
      return best;
    },
  };
}

export type KeyedPartyRepo = ReturnType<typeof createKeyedPartyRepo>;
