import { createPublicKey, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { goodsDeclaration } from '../../../shared/catalog';
import { canonicalJson, envelopeSchema, payloadDigest, sha256Hex } from '../../../shared/protocol';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, declareActionOf, keyedDraft, permissiveCatalog } from '../../../test-support/main/core-fixture';
import { errorOf, rejectionOf } from '../../../test-support/main/app-error';

describe('declare: check, sign and queue', () => {
  let f: CoreFixture;
  beforeEach(() => {
    f = coreFixture();
  });
  afterEach(() => f.close());

  function draftWithLine(): string {
    return keyedDraft(f, { head: { TradeName: '上海测试贸易有限公司' }, lines: [{ GName: '鲜苹果', GQty: '10.5' }] });
  }

  it('refuses a declaration with errors, lists them by field, and queues nothing', async () => {
    const onQueued = vi.fn();
    const declare = declareActionOf(f, goodsDeclaration, onQueued);
    const { id } = f.declarations.create({ ieFlag: 'I' });
    const error = await rejectionOf(() => declare(id));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(error.issues?.map((i) => i.path)).toContain('lines');
    expect(error.issues?.every((i) => i.message.length > 0)).toBe(true);
    expect(f.outbox.counts()).toEqual({ queued: 0, sending: 0, rejected: 0 });
    expect(f.declarations.get(id).workflow).toBe('draft');
    expect(onQueued).not.toHaveBeenCalled();
  });

  it('signs the canonical envelope and writes it to the outbox with the state change', async () => {
    const onQueued = vi.fn();
    const declare = declareActionOf(f, permissiveCatalog, onQueued);
    const id = draftWithLine();
    const result = await declare(id);
    expect(result.workflow).toBe('queued');
    const item = f.outbox.get(result.submissionId);
    expect(item).toMatchObject({ state: 'queued', declarationId: id, attempts: 0 });
    if (!item) return;
    const envelope = envelopeSchema.parse(JSON.parse(item.envelope));
    // What is stored is exactly the canonical text that was signed.
    expect(canonicalJson(envelope)).toBe(item.envelope);
    expect(item.digest).toBe(sha256Hex(item.envelope));
    expect(envelope.payloadDigest).toBe(payloadDigest(envelope.payload));
    expect(envelope.payload.doc.lines[0]).toEqual({ GName: '鲜苹果', GQty: '10.5' });
    const publicKey = createPublicKey({
      key: Buffer.from(f.keys.status().publicKey ?? '', 'base64'),
      format: 'der',
      type: 'spki',
    });
    expect(verify(null, Buffer.from(item.envelope, 'utf8'), publicKey, Buffer.from(item.signature, 'base64'))).toBe(
      true,
    );
    expect(envelope.keyId).toBe(f.keys.status().keyId);
    const record = f.declarations.get(id);
    expect(record).toMatchObject({ workflow: 'queued', status: 'queued' });
    expect(f.repo.revisions(id).at(-1)).toMatchObject({
      action: 'declare',
      changes: { submissionId: result.submissionId },
    });
    expect(onQueued).toHaveBeenCalledOnce();
    // Queued: no longer editable, and not declarable twice.
    expect((await rejectionOf(() => declare(id))).code).toBe('INVALID_STATE');
    expect(
      errorOf(() =>
        f.declarations.update({
          id,
          baseRevision: record.revision,
          ops: [{ op: 'set', path: 'head.BillNo', value: 'X' }],
        }),
      ).code,
    ).toBe('INVALID_STATE');
  });

  it('refuses text that cannot be signed (a lone surrogate) as a finding on its field, not an internal error', async () => {
    const declare = declareActionOf(f, permissiveCatalog);
    const id = draftWithLine();
    const { revision } = f.declarations.get(id);
    f.declarations.update({
      id,
      baseRevision: revision,
      ops: [{ op: 'set', path: 'head.NoteS', value: '备注\uD83D' }],
    });
    const error = await rejectionOf(() => declare(id));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.map((i) => i.path)).toEqual(['head.NoteS']);
    expect(f.outbox.counts().queued).toBe(0);
  });

  it('asks for the passphrase when the key is locked, and writes nothing', async () => {
    f.close();
    f = coreFixture({ passphrase: null });
    const declare = declareActionOf(f, permissiveCatalog);
    const id = draftWithLine();
    expect((await rejectionOf(() => declare(id))).code).toBe('PASSPHRASE_REQUIRED');
    expect(f.outbox.counts().queued).toBe(0);
    expect(f.declarations.get(id).workflow).toBe('draft');
  });

  it('leaves no outbox row when the state change fails inside the transaction', async () => {
    const declare = declareActionOf(f, permissiveCatalog);
    const id = draftWithLine();
    f.db.exec(
      `CREATE TRIGGER fail_state BEFORE UPDATE OF workflow ON declarations BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    await expect(declare(id)).rejects.toThrow(/disk full/);
    expect(f.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(f.declarations.get(id).workflow).toBe('draft');
  });
});
