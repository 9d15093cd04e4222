import type {
  AttachmentState,
  CodeTable,
  CodeTableInfo,
  FieldError,
  Receipt,
  SignatureAlgorithm,
  SubmissionState,
  SubmitResult,
} from '../../shared/protocol';
import type { TaxEstimate } from '../../shared/taxes/types';
import type { HeldDeclaration, ModDecision, ModReceiptRecord, ModTarget } from './mod-types';

export type { HeldDeclaration, ModDecision, ModReceiptRecord, ModTarget } from './mod-types';

/**
 * Everything the hub keeps, behind one interface. Each method is one unit of
 * work (one transaction) with the semantics spelled out here, and every method
 * is async, so a store on a database server (docs/hub-scaling.md: PostgreSQL)
 * is a new implementation of this file's interface and nothing else changes.
 */
export interface HubStore {
  // Enrollment and clients
  createEnrollmentCode(input: { codeHash: string; label: string; createdAt: string; expiresAt: number }): Promise<void>;
  /**
   * Consumes the code (unused and unexpired at `now`) and creates the client with its first key, atomically. Null when
   * the code is not usable.
   */
  enroll(input: {
    codeHash: string;
    now: number;
    client: { id: string; name: string; enrolledAt: string };
    key: KeyRecord;
  }): Promise<{ clientId: string } | null>;
  getClient(clientId: string): Promise<ClientRecord | undefined>;
  listClients(): Promise<ClientSummary[]>;
  /** Marks the client revoked; false when there is no such client. Revoking twice keeps the first time. */
  revokeClient(clientId: string, at: string): Promise<boolean>;
  getKey(clientId: string, keyId: string): Promise<KeyRecord | undefined>;
  /** Adds a key and consumes the request's nonce in one transaction; `exists` when the client already has that key. */
  addKey(input: { clientId: string; key: KeyRecord; nonce: NonceUse }): Promise<'added' | 'exists'>;

  // Replay protection
  hasNonce(clientId: string, nonce: string): Promise<boolean>;
  /** Remembers the nonce; throws NonceReplayedError when it was seen before. */
  consumeNonce(nonce: NonceUse): Promise<void>;
  pruneNonces(now: number): Promise<number>;

  // Submissions
  /** The stored head of each id this client already submitted (ids not found are absent). */
  findSubmissions(clientId: string, submissionIds: readonly string[]): Promise<Map<string, StoredSubmission>>;
  /**
   * Writes a batch's outcomes and consumes the request's nonce in one
   * transaction, in item order. For each item: an id the client already used
   * answers `duplicate` (same digest, accepted: the original hubSeq),
   * `rejected` again (same digest, rejected: the stored errors) or `conflict`
   * (another digest: nothing written); a new id stores `decision`.
   */
  recordBatch(input: {
    clientId: string;
    nonce: NonceUse;
    receivedAt: string;
    items: readonly BatchItem[];
  }): Promise<SubmitResult[]>;
  getSubmission(clientId: string, submissionId: string): Promise<SubmissionState | undefined>;
  /**
   * The client's accepted submission that holds a 海关编号 (a 完整申报 names its 概要's): its envelope as stored and
   * whether its release (P) was issued; undefined when this client has none under that number.
   */
  findByEntryId(clientId: string, entryId: string): Promise<EntrySubmission | undefined>;

  // 随附单据 files (hub/store/attachment-rules.ts decides what a chunk does; every store writes it the same way)
  /**
   * One chunk of a file named by its SHA-256, with the request's nonce, in one transaction: a chunk at the hub's
   * `received` is appended; one wholly before it (a retry after a lost answer) changes nothing but the nonce; the
   * chunk that makes the file whole keeps it only if its bytes hash to its name, else drops the partial file
   * (`digest-mismatch`). A gap (a chunk past `received`), another size for the same name, or a chunk past the
   * size writes nothing at all, not even the nonce.
   */
  putAttachmentChunk(input: AttachmentChunk): Promise<AttachmentChunkResult>;
  /** What the hub holds of the client's file (received 0 and size null when nothing). */
  attachmentState(clientId: string, sha256: string): Promise<AttachmentState>;
  /** The size of each of these files the client has whole at the hub (files not whole are absent). */
  completeAttachments(clientId: string, sha256s: readonly string[]): Promise<Map<string, number>>;
  /** The bytes of a whole file of the client's, or undefined. */
  readAttachment(clientId: string, sha256: string): Promise<Buffer | undefined>;

  // Customs processing
  /** Submissions owed a receipt at `now`, oldest due first (a look only: nothing is claimed). */
  dueWork(now: number, limit: number): Promise<DueWork[]>;
  /**
   * The customs processor's unit of work: claims up to `limit` submissions owed a receipt at `now`
   * (oldest due first; rows another worker has claimed are skipped, not waited for), issues the
   * receipts `draft` makes for each (as issueReceipts), and advances their queue rows, in one
   * transaction. A worker killed midway leaves its rows unclaimed and unchanged. `draft` must be
   * synchronous and without effects: it may run again if the transaction is retried.
   */
  issueDue(
    now: number,
    limit: number,
    draft: (work: DueWork) => ReceiptDraft[],
  ): Promise<{ claimed: number; receipts: number; clients: Set<string> }>;
  /** The earliest due time of any pending work, or null when nothing is pending. */
  nextDueAt(): Promise<number | null>;
  /**
   * Issues receipts in one transaction. A receipt whose (submission, step) was
   * already issued is skipped, so no receipt is ever issued twice; returns the
   * clients that got new receipts.
   */
  issueReceipts(drafts: readonly ReceiptDraft[]): Promise<Set<string>>;
  /** A client's receipts after a hub-order position, oldest first. */
  receiptsAfter(clientId: string, afterSeq: number, limit: number): Promise<Receipt[]>;

  // Modification and cancellation requests (修撤单)
  /** The receipt of a request this client sent before, or undefined when the hub has none by that id. */
  getModRequest(clientId: string, requestId: string): Promise<ModReceiptRecord | undefined>;
  /**
   * Records a modification or cancellation request and consumes the request's nonce, in one transaction: the
   * declaration it names (this client's, by 海关编号) is read and held, `decide` judges the request on it, and an
   * approved request changes the declaration's values (or cancels it) in the same transaction, under a new
   * 修撤单统一编号. An id already stored answers its stored receipt (same digest) or `conflict` (another digest),
   * writing nothing. `decide` must be synchronous and without effects: it may run again if the transaction is retried.
   */
  recordModRequest(input: ModRequestInput): Promise<ModReceiptRecord | 'conflict'>;
  /** The declaration with this 海关编号 as the hub holds it now (after approved modifications), this client's. */
  getDeclaration(clientId: string, entryId: string): Promise<HeldDeclaration | undefined>;

  // Code tables
  /** Stores a new version unless the latest version has the same content. */
  importCodeTable(input: CodeTableImport): Promise<{ version: number; created: boolean }>;
  listCodeTables(): Promise<CodeTableInfo[]>;
  getCodeTable(tableId: string, version?: number): Promise<CodeTable | undefined>;
  /** Changes whenever any table gets a new version (for caches). */
  codeTablesStamp(): Promise<number>;
  /** The rows of the latest version of every table (for the validation engine's code lookup). */
  latestCodeTableRows(): Promise<{ id: string; rows: Record<string, string>[] }[]>;

  // Several processes on one store
  /**
   * Calls `events` when receipts are committed or work is queued, by this process or (on a database
   * server) by any other; resolves once listening. The handlers are hints to look again, never
   * the data: a store that may have missed events (a lost connection) calls them for everyone.
   * Returns the function that stops listening.
   */
  subscribe(events: StoreEvents): Promise<() => Promise<void>>;
  /** Checks the store answers; throws StoreUnavailableError when it does not. */
  ping(): Promise<StoreHealth>;

  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** The 随附单据 part of the store: what each store's attachments module implements. */
export type HubStoreAttachments = Pick<
  HubStore,
  'putAttachmentChunk' | 'attachmentState' | 'completeAttachments' | 'readAttachment'
>;

export interface AttachmentChunk {
  clientId: string;
  sha256: string;
  /** The whole file's size, as the upload declares it. */
  size: number;
  offset: number;
  bytes: Buffer;
  nonce: NonceUse;
  at: string;
}

export type AttachmentChunkResult =
  | { outcome: 'stored'; state: AttachmentState }
  | { outcome: 'gap' | 'size-mismatch' | 'digest-mismatch'; state: AttachmentState };

/** The clients, keys and nonces part of the store: what each store's clients module implements. */
export type HubStoreClients = Pick<
  HubStore,
  | 'createEnrollmentCode'
  | 'enroll'
  | 'getClient'
  | 'listClients'
  | 'revokeClient'
  | 'getKey'
  | 'addKey'
  | 'hasNonce'
  | 'consumeNonce'
  | 'pruneNonces'
>;

/** The code-table part of the store: what each store's code-tables module implements. */
export type HubStoreCodeTables = Pick<
  HubStore,
  'importCodeTable' | 'listCodeTables' | 'getCodeTable' | 'codeTablesStamp' | 'latestCodeTableRows'
>;

export interface StoreEvents {
  /** Receipts were committed for these clients; null when it is not known for whom (wake every waiter). */
  receipts(clientIds: readonly string[] | null): void;
  /** Accepted submissions were queued for the customs processor, or may have been (after a lost connection). */
  work(): void;
}

export interface StoreHealth {
  kind: 'sqlite' | 'postgres';
  /** The schema version the store is at (its migrations' count). */
  schemaVersion: number;
}

/**
 * The store cannot answer now (the database server is down, restarting, unreachable or overloaded,
 * or a transaction lost a deadlock): nothing was changed, or the outcome is unknown and asking
 * again is safe (submissions are deduplicated by id). HTTP answers 503 with Retry-After.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

export interface KeyRecord {
  keyId: string;
  algorithm: SignatureAlgorithm;
  publicKey: string;
  addedAt: string;
}

export interface ClientRecord {
  id: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
}

export interface ClientSummary extends ClientRecord {
  keyCount: number;
  submissionCount: number;
  lastSubmissionAt: string | null;
}

export interface NonceUse {
  clientId: string;
  nonce: string;
  /** After this instant (ms) the request's timestamp is stale anyway, so the nonce may be forgotten. */
  expiresAt: number;
}

export class NonceReplayedError extends Error {
  constructor() {
    super('This request nonce was already used');
    this.name = 'NonceReplayedError';
  }
}

export interface EntrySubmission {
  submissionId: string;
  envelopeText: string;
  released: boolean;
}

export interface StoredSubmission {
  submissionId: string;
  payloadDigest: string;
  state: 'accepted' | 'rejected';
  hubSeq: number | null;
  errors: FieldError[];
}

/** One step of the customs processor's plan for a submission, fixed when it is accepted. */
export interface PlanStep {
  channel: string;
  delayMs: number;
  note: string;
  errors: FieldError[];
  /**
   * The 海关编号 this step's receipt carries when the submission keeps one it already had (a 完整申报 its 概要's, which
   * the 概要's submission holds: the hub allocates each number to one submission); else the one allocated.
   */
  entryId?: string;
  /** The 税费单 this step's receipt carries (the release of an import), computed at acceptance. */
  taxBill?: TaxEstimate;
}

/** Who prepared and who reviewed (复核) the declaration, as its signed envelope names them (null: it names none). */
export interface SubmissionPeople {
  preparer: string | null;
  reviewer: string | null;
}

export interface AcceptedDecision extends SubmissionPeople {
  outcome: 'accepted';
  clientSeqNo: string;
  keyId: string;
  envelopeText: string;
  signature: string;
  plan: PlanStep[];
  /** Prefixes of the 18-character numbers to allocate: 统一编号 always, 海关编号 when the plan reaches L. */
  seqNoPrefix: string;
  entryIdPrefix: string | null;
  /** The 统一编号 the submission already has (a 完整申报 its 概要's), kept instead of allocating one. */
  keptSeqNo?: string;
  firstDueAt: number;
}

export interface RejectedDecision extends SubmissionPeople {
  outcome: 'rejected';
  clientSeqNo: string;
  keyId: string;
  envelopeText: string;
  signature: string;
  errors: FieldError[];
}

export interface BatchItem {
  submissionId: string;
  /** The digest the envelope claims (the dedup key's companion). */
  payloadDigest: string;
  /** What to store if the id is new; null only when the id was found already stored. */
  decision: AcceptedDecision | RejectedDecision | null;
}

export interface DueWork {
  submissionPk: number;
  clientId: string;
  submissionId: string;
  clientSeqNo: string;
  seqNo: string | null;
  entryId: string | null;
  plan: PlanStep[];
  nextStep: number;
  dueAt: number;
}

export interface ReceiptDraft {
  submissionPk: number;
  clientId: string;
  submissionId: string;
  clientSeqNo: string;
  step: number;
  receiptId: string;
  channel: string;
  note: string;
  noticeDate: string;
  seqNo: string | null;
  entryId: string | null;
  errors: FieldError[];
  /** The 税费单 the receipt carries (the release of an import). */
  taxBill?: TaxEstimate;
  /** When the next step is due, or null when this was the last one. */
  nextDueAt: number | null;
}

export interface ModRequestInput {
  clientId: string;
  nonce: NonceUse;
  receivedAt: string;
  requestId: string;
  /** SHA-256 of the signed envelope's canonical text (the dedup key's companion, as a payload digest is). */
  digest: string;
  kind: 'modify' | 'cancel';
  entryId: string;
  keyId: string;
  envelopeText: string;
  signature: string;
  decide(target: ModTarget | undefined): ModDecision;
}

export interface CodeTableImport {
  tableId: string;
  columns: string[];
  rows: Record<string, string>[];
  sha256: string;
  source: string;
  importedAt: string;
}

export interface StoreStats {
  clients: number;
  keys: number;
  enrollmentCodes: number;
  nonces: number;
  submissions: number;
  receipts: number;
  pending: number;
  codeTableVersions: number;
}

/** The database's schema is older than this hub: `npm run hub -- migrate` brings it up to date. */
export class SchemaBehindError extends Error {
  readonly found: number;
  readonly wanted: number;
  constructor(schema: string, found: number, wanted: number) {
    super(
      `The hub's PostgreSQL schema "${schema}" is at version ${found}; this hub needs ${wanted}. ` +
        'Run `npm run hub -- migrate` with the same --store (once, from one machine) and start the hub again.',
    );
    this.name = 'SchemaBehindError';
    this.found = found;
    this.wanted = wanted;
  }
}
