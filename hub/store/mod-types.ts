import type { ReasonMessage } from '../../shared/api';
import type { DeclarationDoc } from '../../shared/catalog';

// What the store hands a modification or cancellation request's judgement and what it keeps of it (修撤单).

/** What a modification or cancellation request is judged on: the declaration as the hub holds it now. */
export interface ModTarget {
  doc: DeclarationDoc;
  /** The CHANNEL of its latest receipt (C or S: under inspection), null before any. */
  lastChannel: string | null;
  cancelled: boolean;
}

export interface ModDecision {
  outcome: 'approved' | 'refused';
  note: string;
  reasons: ReasonMessage[];
  /** An approved modification: the declaration's values after it; null otherwise. */
  doc: DeclarationDoc | null;
  /** An approved cancellation. */
  cancel: boolean;
}

/** A request's receipt as stored: its answer, kept forever like a submission's. */
export interface ModReceiptRecord {
  requestId: string;
  digest: string;
  outcome: 'approved' | 'refused';
  modSeqNo: string;
  at: string;
  note: string;
  reasons: ReasonMessage[];
}

export interface HeldDeclaration {
  entryId: string;
  doc: DeclarationDoc;
  cancelledAt: string | null;
  /** Approved modifications applied to it. */
  modifications: number;
}
