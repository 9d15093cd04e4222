import { randomBytes, randomUUID } from 'node:crypto';
import type { FieldError } from '../../shared/protocol';
import type {
  AcceptedDecision,
  BatchItem,
  DueWork,
  HubStore,
  KeyRecord,
  NonceUse,
  PlanStep,
  ReceiptDraft,
  RejectedDecision,
} from '../../hub/store/types';
import { generateEnrollmentCode, hashEnrollmentCode } from '../../hub/crypto/codes';
import { draftFor } from '../../hub/processor/customs-processor';

/** A fresh enrolment code written straight into `store`, valid for an hour, as `hub enroll-code` writes one. */
export async function enrollmentCode(store: HubStore, label = 'test'): Promise<string> {
  const code = generateEnrollmentCode();
  await store.createEnrollmentCode({
    codeHash: hashEnrollmentCode(code),
    label,
    createdAt: new Date().toISOString(),
    expiresAt: Date.now() + 3_600_000,
  });
  return code;
}

// Inputs for the store contract tests: what the routes and the processor would hand a store,
// made directly so each case says exactly what it stores.

export function nonceFor(clientId: string, expiresAt = Date.now() + 600_000): NonceUse {
  return { clientId, nonce: randomBytes(12).toString('hex'), expiresAt };
}

export function keyRecord(keyId = randomBytes(8).toString('hex')): KeyRecord {
  return { keyId, algorithm: 'ed25519', publicKey: `MCowBQYDK2VwAyEA${keyId}`, addedAt: new Date().toISOString() };
}

/**
 * Enrolls a client through a fresh code; returns its id and first key. `now` is the enrolment's time: two clients
 * enrolled in one millisecond are listed in their random ids' order.
 */
export async function enrolledClient(
  store: HubStore,
  name = '报关行',
  now = Date.now(),
): Promise<{ clientId: string; key: KeyRecord }> {
  const codeHash = randomBytes(16).toString('hex');
  await store.createEnrollmentCode({
    codeHash,
    label: 'test',
    createdAt: new Date(now).toISOString(),
    expiresAt: now + 3_600_000,
  });
  const key = keyRecord();
  const clientId = randomUUID();
  const result = await store.enroll({
    codeHash,
    now,
    client: { id: clientId, name, enrolledAt: new Date(now).toISOString() },
    key,
  });
  if (!result) throw new Error('enrollment failed');
  return { clientId, key };
}

export const threeSteps: PlanStep[] = [
  { channel: '7', delayMs: 0, note: '申报成功', errors: [] },
  { channel: 'L', delayMs: 0, note: '海关入库', errors: [] },
  { channel: 'P', delayMs: 0, note: '海关已放行', errors: [] },
];

export function accepted(
  options: {
    plan?: PlanStep[];
    firstDueAt?: number;
    district?: string;
    year?: string;
    people?: { preparer: string | null; reviewer: string | null };
  } = {},
): AcceptedDecision {
  const year = options.year ?? '2026';
  const plan = options.plan ?? threeSteps;
  return {
    outcome: 'accepted',
    clientSeqNo: `C${randomBytes(6).toString('hex')}`,
    keyId: 'k',
    envelopeText: JSON.stringify({ n: randomBytes(4).toString('hex'), 报关单: '鲜苹果' }),
    signature: 'sig',
    plan,
    seqNoPrefix: `I${year}`,
    entryIdPrefix: plan.some((s) => s.channel === 'L') ? `${options.district ?? '2248'}${year}1` : null,
    firstDueAt: options.firstDueAt ?? 0,
    ...(options.people ?? { preparer: null, reviewer: null }),
  };
}

export function rejected(errors: FieldError[] = [{ path: 'head.TradeMode', code: 'required', message: '必填' }]) {
  const decision: RejectedDecision = {
    outcome: 'rejected',
    clientSeqNo: `C${randomBytes(6).toString('hex')}`,
    keyId: 'k',
    envelopeText: '{}',
    signature: 'sig',
    errors,
    preparer: null,
    reviewer: null,
  };
  return decision;
}

export function item(
  decision: AcceptedDecision | RejectedDecision | null,
  submissionId: string = randomUUID(),
  payloadDigest = 'd'.repeat(64),
): BatchItem {
  return { submissionId, payloadDigest, decision };
}

/** Records a batch as the submissions route does. */
export function record(store: HubStore, clientId: string, items: BatchItem[], nonce = nonceFor(clientId)) {
  return store.recordBatch({ clientId, nonce, receivedAt: new Date().toISOString(), items });
}

/**
 * The processor's drafting for tests (draftFor), of the work's next step only and due again at once; the receipt
 * carries the 海关编号 the work has, whichever step it is.
 */
export function nextStepDraft(now: number): (work: DueWork) => ReceiptDraft[] {
  return (work) => {
    const draft = draftFor(work, now);
    return draft ? [{ ...draft, entryId: work.entryId, nextDueAt: draft.nextDueAt === null ? null : now }] : [];
  };
}
