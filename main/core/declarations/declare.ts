import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog } from '../../../shared/catalog';
import type { AttachmentRef } from '../../../shared/attachments';
import { buildEnvelope, envelopeSigningText, payloadDigest, sha256Hex } from '../../../shared/protocol';
import type { SubmissionPeople } from '../review/review-service';
import type { CodeLookup } from '../../../shared/validation';
import { chinaDate, declareStageOf, formatFinding, hasErrors, validateDeclaration } from '../../../shared/validation';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { OutboxRepo } from '../../db/repositories/outbox-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import type { KeyManager } from '../signing/key-manager';

/**
 * 申报: check, sign and queue. The checks run here before signing (the hub runs
 * them again as the authority); the signed envelope, its digest, the outbox
 * row and the declaration's new state are written in one durable transaction.
 */
export function createDeclareAction(
  ctx: CoreContext,
  deps: {
    repo: DeclarationsRepo;
    outbox: OutboxRepo;
    keys: KeyManager;
    catalog: DocumentCatalog;
    codes?: CodeLookup;
    /** The 随附单据 files the document names, each checked against its digest (refuses a missing one). */
    attachmentRefs?: (doc: DeclarationDoc) => AttachmentRef[];
    onQueued(): void;
    /**
     * Who prepared and who reviewed the content about to be signed (its payload digest), carried in the signed
     * submission; throws when 申报前须复核 is on and that exact content was not approved.
     */
    people?(row: { id: string; clientSeqNo: string }, digest: string): SubmissionPeople;
  },
) {
  const { repo, outbox, catalog } = deps;
  const lifecycle = createLifecycle(repo);

  const queue = ctx.db.transaction(
    (input: {
      id: string;
      revision: number;
      submissionId: string;
      envelopeText: string;
      signature: string;
      keyId: string;
      at: string;
    }) => {
      const row = repo.getState(input.id);
      // Re-checked inside the transaction: a concurrent edit or declare must not slip in between.
      if (!row || row.revision !== input.revision || !lifecycle.allows(row, 'declare')) {
        throw new AppError('declarations.changed-while-signing');
      }
      const revision = row.revision + 1;
      outbox.insert({
        submissionId: input.submissionId,
        declarationId: row.id,
        revision,
        envelope: input.envelopeText,
        signature: input.signature,
        keyId: input.keyId,
        digest: sha256Hex(input.envelopeText),
        createdAt: input.at,
      });
      lifecycle.apply(row, 'declare', {
        at: input.at,
        actor: ctx.actor(),
        changes: { submissionId: input.submissionId },
        rejection: null,
      });
    },
  );

  return async function declare(id: string): Promise<{ id: string; submissionId: string; workflow: 'queued' }> {
    const row = repo.get(id);
    if (!row) throw new AppError('declarations.not-found', { id });
    // Refused before the checks and the key (a declaration already queued or sent is not signed again).
    lifecycle.check(row, 'declare');
    const doc = repo.loadDoc(row);
    // "Today" in China's time zone: the import date may not be after it.
    const today = chinaDate(ctx.clock.now());
    const findings = validateDeclaration(doc, {
      catalog,
      stage: declareStageOf(doc),
      ieFlag: row.ieFlag,
      today,
      ...(deps.codes ? { codes: deps.codes } : {}),
    });
    if (hasErrors(findings)) {
      const errors = findings.filter((f) => f.severity === 'error');
      throw new AppError(
        'declarations.has-errors',
        { count: errors.length },
        errors.map((f) => ({
          path: f.path,
          code: f.code,
          message: formatFinding(catalog, f, 'en', row.ieFlag),
          params: { ...f.params, ieFlag: row.ieFlag },
        })),
      );
    }
    // The files are named by SHA-256 in the signed payload: what is declared is these bytes.
    const attachments = deps.attachmentRefs?.(doc) ?? [];
    const payload = { ieFlag: row.ieFlag, doc, ...(attachments.length > 0 ? { attachments } : {}) };
    // The review is judged on exactly the content signed below (its digest is the envelope's payloadDigest).
    const people = deps.people?.(row, payloadDigest(payload));
    // Checked before the key is asked for (a broker fixes the fields before typing a passphrase); the queue
    // transaction re-checks the revision, so an edit made while the keychain answers is not lost.
    const signer = await deps.keys.signer();
    const at = isoAt(ctx.clock);
    const envelope = buildEnvelope({
      submissionId: uuidv7(),
      clientSeqNo: row.clientSeqNo,
      createdAt: at,
      keyId: signer.keyId,
      payload,
      ...(people ? { people } : {}),
    });
    const envelopeText = envelopeSigningText(envelope);
    const signature = signer.sign(envelopeText);
    queue({
      id,
      revision: row.revision,
      submissionId: envelope.submissionId,
      envelopeText,
      signature,
      keyId: signer.keyId,
      at,
    });
    ctx.events.emit('declarations.changed', { ids: [id] });
    deps.onQueued();
    return { id, submissionId: envelope.submissionId, workflow: 'queued' };
  };
}
