import type { Migration } from '../migrate';

// The 税费单 the hub sends on an import's release receipt, kept in a column of its own so the editor reads the
// bill of a declaration without parsing every receipt's raw text. A receipt stored before this migration keeps
// its bill too: it is taken from the raw receipt, where it already was.
export const migration0019: Migration = {
  version: 19,
  name: 'receipt-tax-bills',
  up(db) {
    db.exec('ALTER TABLE receipts ADD COLUMN tax_bill TEXT');
    db.exec(`UPDATE receipts SET tax_bill = json_extract(raw, '$.taxBill')
      WHERE json_valid(raw) AND json_type(raw, '$.taxBill') = 'object'`);
  },
};
