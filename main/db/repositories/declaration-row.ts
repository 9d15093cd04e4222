import type { DisplayStatusKey, Workflow } from '../../../shared/status';

/** A row of the declarations table as SQLite returns it (the list query and the repository both read it). */
export interface DeclarationRow {
  id: string;
  client_seq_no: string;
  ie_flag: 'I' | 'E';
  workflow: Workflow;
  status: DisplayStatusKey;
  channel: string | null;
  entry_id: string | null;
  seq_no: string | null;
  trade_name: string;
  bill_no: string;
  contr_no: string;
  head: string;
  line_count: number;
  revision: number;
  rejection: string | null;
  created_at: string;
  updated_at: string;
}
