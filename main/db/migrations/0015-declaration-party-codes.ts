import type { Migration } from '../migrate';

// A customs code or USCC keyed in a party box is looked up in the declarations kept here (the most
// recent one holding it fills the box's name and codes): one index per party field of the head
// document that holds an identity, on the value as json_extract reads it, newest first, live rows only.
// The lookup's statements spell the same expressions, so SQLite reads them off these indexes instead
// of parsing every head.
// As the migration made them (main/db/repositories/keyed-party-repo.ts spells the same expressions).
const partyCodeFields = ['TradeCode', 'TradeCoScc', 'OwnerCode', 'OwnerCodeScc', 'AgentCode', 'AgentCodeScc'] as const;

export const migration0015: Migration = {
  version: 15,
  name: 'declaration-party-codes',
  up(db) {
    for (const field of partyCodeFields)
      db.exec(
        `CREATE INDEX declarations_party_${field.toLowerCase()} ON declarations (json_extract(head, '$.${field}'), updated_at) WHERE deleted_at IS NULL`,
      );
  },
};
