import { goodsDeclaration, twoStepModeOf } from '../../shared/catalog';
import type { FieldError, SignedSubmission } from '../../shared/protocol';
import type { CodeLookup } from '../../shared/validation';
import { chinaDate, declareStageOf, formatFinding, validateDeclaration } from '../../shared/validation';
import type { ProcessorConfig } from '../config';
import { canonicalEnvelope, sha256HexNative } from '../crypto/digest';
import type { SignatureVerifier } from '../crypto/keys';
import { givenNumbers, numberPrefixes, planFor } from '../processor/plan';
import { taxBillFor, withTaxBill } from '../processor/tax-bill';
import type { TaxTables } from '../../shared/taxes/types';
import type { AcceptedDecision, EntrySubmission, KeyRecord, RejectedDecision, SubmissionPeople } from '../store/types';

export interface DecideContext {
  clientId: string;
  /** The client's key with that id, if it has one. */
  keyOf: (keyId: string) => Promise<KeyRecord | undefined>;
  verifier: SignatureVerifier;
  codes: CodeLookup;
  /** The duty tables the hub serves; without them no 税费单 is computed. */
  taxes?: TaxTables;
  processor: ProcessorConfig;
  now: number;
  /** The client's submission holding a 海关编号, to check the 概要 a 完整申报 names. */
  byEntryId: (entryId: string) => Promise<EntrySubmission | undefined>;
  /** The size of each of these files the client has whole at the hub (uploaded, its bytes hashing to its name). */
  attachments: (sha256s: readonly string[]) => Promise<Map<string, number>>;
}

/**
 * Why the 海关编号 a 完整申报 names is not one it may complete: no submission of this client holds it (another client's
 * number is not told apart from none), it is not a 概要申报, or customs have not released it yet.
 */
function summaryProblem(entryId: string, held: EntrySubmission | undefined): FieldError | null {
  const refuse = (code: string, why: string): FieldError => ({
    path: 'head.EntryId',
    code,
    message: `海关编号：${entryId} ${why}，完整申报须填报本企业已放行的概要申报的海关编号`,
  });
  if (!held) return refuse('complete-unknown-entry-id', '不是本企业申报的报关单');
  const envelope = JSON.parse(held.envelopeText) as { payload?: { doc?: { head?: { Type?: string } } } };
  if (twoStepModeOf(envelope.payload?.doc?.head?.Type) !== 'summary')
    return refuse('complete-not-summary', '不是概要申报');
  if (!held.released) return refuse('complete-summary-not-released', '的概要申报尚未放行');
  return null;
}

const unsigned: SubmissionPeople = { preparer: null, reviewer: null };

/** Who the signed envelope names as preparer and reviewer, as the hub keeps them (null: named by none). */
function peopleOf(envelope: SignedSubmission['envelope']): SubmissionPeople {
  return { preparer: envelope.people?.preparer ?? null, reviewer: envelope.people?.reviewer ?? null };
}

/**
 * The people a signed envelope names must be people: a name of spaces names nobody, and a reviewer who is the
 * preparer is no second person (复核 is by someone else; the desk refuses it, a desk that did not is refused here).
 */
function peopleProblems(people: SubmissionPeople): FieldError[] {
  const errors: FieldError[] = [];
  const preparer = people.preparer?.trim();
  const reviewer = people.reviewer?.trim();
  if (preparer === '')
    errors.push({ path: 'envelope.people.preparer', code: 'people-blank', message: '录入人：姓名为空，未受理' });
  if (reviewer === '')
    errors.push({ path: 'envelope.people.reviewer', code: 'people-blank', message: '复核人：姓名为空，未受理' });
  else if (reviewer !== undefined && reviewer === preparer)
    errors.push({
      path: 'envelope.people.reviewer',
      code: 'review-by-preparer',
      message: `复核人：${reviewer} 即录入人，报关单须由录入人以外的复核员复核，未受理`,
    });
  return errors;
}

/**
 * Each file the signed payload names must be at the hub, whole, of the size named: the file kept under that SHA-256
 * is the one signed (the hub kept it only because its bytes hash to the name). A missing one, or one of another
 * size, refuses the submission naming the file and pointing at its 随附单据 row.
 */
async function missingFiles(
  payload: SignedSubmission['envelope']['payload'],
  ctx: DecideContext,
): Promise<FieldError[]> {
  const files = payload.attachments ?? [];
  if (files.length === 0) return [];
  const held = await ctx.attachments(files.map((f) => f.sha256));
  const rows = payload.doc.tables.edocs ?? [];
  const errors: FieldError[] = [];
  for (const file of files) {
    const size = held.get(file.sha256);
    if (size === file.size) continue;
    const row = rows.findIndex((r) => r.EdocID === file.edocId);
    errors.push({
      path: row >= 0 ? `edocs[${row}].EdocID` : 'edocs',
      code: size === undefined ? 'attachment-missing' : 'attachment-altered',
      message:
        size === undefined
          ? `随附单据 ${file.edocId}：交换中心未收到该文件（SHA-256 ${file.sha256.slice(0, 12)}…），未受理`
          : `随附单据 ${file.edocId}：交换中心收到的文件大小 ${size} 字节与签名的 ${file.size} 字节不符，未受理`,
    });
  }
  return errors;
}

/**
 * What the hub decides for a submission it has not seen: the item's own
 * signature over its canonical-JSON envelope, the payload digest, then the
 * shared validation engine (authoritative) at the declaration's stage (a 概要申报 at 概要). Messages are
 * zh-CN and point at fields, because they are shown on the declaration.
 */
export async function decide(
  item: SignedSubmission,
  rawEnvelope: unknown,
  ctx: DecideContext,
): Promise<AcceptedDecision | RejectedDecision> {
  const { envelope } = item;
  // The signature and the digest are checked on the envelope exactly as sent
  // (the schema-parsed copy would drop fields the schema does not know), and
  // that canonical text is what the hub keeps as evidence.
  let envelopeText: string;
  let payloadText: string;
  try {
    ({ envelopeText, payloadText } = canonicalEnvelope(rawEnvelope));
  } catch {
    // RFC 8785 has no form for lone surrogates (a "\ud800" escape): nothing was signed over this.
    const base = {
      clientSeqNo: envelope.clientSeqNo,
      keyId: envelope.keyId,
      envelopeText: JSON.stringify(rawEnvelope),
      signature: item.signature,
      ...unsigned,
    };
    return {
      outcome: 'rejected',
      ...base,
      errors: [
        {
          path: 'envelope',
          code: 'not-canonical',
          message: '报文含有无法按规范化 JSON 表示的字符（孤立的代理项），无法验证签名，未受理',
        },
      ],
    };
  }
  const base = { clientSeqNo: envelope.clientSeqNo, keyId: envelope.keyId, envelopeText, signature: item.signature };
  // Who the envelope names is kept only once the signature holds: unsigned names are nobody's word.
  const reject = (errors: FieldError[], people = unsigned): RejectedDecision => ({
    outcome: 'rejected',
    ...base,
    ...people,
    errors,
  });

  const key = await ctx.keyOf(envelope.keyId);
  if (!key) {
    return reject([
      {
        path: 'envelope.keyId',
        code: 'unknown-key',
        message: `签名密钥 ${envelope.keyId} 未在交换中心登记，无法验证签名，未受理`,
      },
    ]);
  }
  if (!ctx.verifier.verify(key, envelopeText, item.signature)) {
    return reject([
      {
        path: 'signature',
        code: 'bad-signature',
        message: '报关单签名验证失败（签名后内容被改动或签名密钥不符），未受理',
      },
    ]);
  }
  const people = peopleOf(envelope);
  if (sha256HexNative(payloadText) !== envelope.payloadDigest) {
    return reject(
      [{ path: 'envelope.payloadDigest', code: 'digest-mismatch', message: '报文摘要与报关单内容不一致，未受理' }],
      people,
    );
  }

  const { payload } = envelope;
  const errors: FieldError[] = peopleProblems(people);
  const declaredFlag = payload.doc.head.IEFlag ?? '';
  if (declaredFlag !== '' && declaredFlag !== payload.ieFlag) {
    errors.push({
      path: 'head.IEFlag',
      code: 'ie-flag-mismatch',
      message: `进出口标志：填报为 "${declaredFlag}"，与本次申报的进出口类型 "${payload.ieFlag}" 不一致，请核对`,
    });
  }
  const today = chinaDate(ctx.now);
  const findings = validateDeclaration(payload.doc, {
    catalog: goodsDeclaration,
    stage: declareStageOf(payload.doc),
    ieFlag: payload.ieFlag,
    codes: ctx.codes,
    today,
  });
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;
    errors.push({ path: finding.path, code: finding.code, message: formatFinding(goodsDeclaration, finding, 'zh-CN') });
  }
  const given = givenNumbers(payload);
  if (given && !/^\d{18}$/.test(given.entryId)) {
    errors.push({
      path: 'head.EntryId',
      code: 'complete-needs-entry-id',
      message: '海关编号：完整申报须填报其概要申报放行时的18位海关编号（两步申报在同一报关单号下完成）',
    });
  } else if (given) {
    const summaryError = summaryProblem(given.entryId, await ctx.byEntryId(given.entryId));
    if (summaryError) errors.push(summaryError);
  }
  errors.push(...(await missingFiles(payload, ctx)));
  if (errors.length > 0) return reject(errors, people);

  const bill = ctx.taxes ? taxBillFor(payload, ctx.taxes, ctx.now) : null;
  const planned = planFor(ctx.processor, envelope.submissionId, payload, bill !== null);
  const prefixes = numberPrefixes(ctx.processor, payload, planned, ctx.now);
  // A 完整申报 keeps its 概要's numbers: no 海关编号 is drawn, its receipts carry the one it names.
  const numbered = given ? planned.map((s) => ({ ...s, entryId: given.entryId })) : planned;
  const plan = withTaxBill(numbered, bill);
  return {
    outcome: 'accepted',
    ...base,
    ...people,
    plan,
    ...prefixes,
    ...(given ? { entryIdPrefix: null } : {}),
    ...(given?.seqNo ? { keptSeqNo: given.seqNo } : {}),
    firstDueAt: ctx.now + (plan[0]?.delayMs ?? 0),
  };
}
