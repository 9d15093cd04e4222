import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/attachments';
import { envelopeSchema } from '../../../shared/protocol';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import { errorOf, rejectionOf } from '../../../test-support/main/app-error';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, keyedDraft } from '../../../test-support/main/core-fixture';
import { samplePdf } from '../../../test-support/shared/pdf';
import { createAttachmentFilesRepo } from '../../db/repositories/attachment-files-repo';
import { createDeclareAction } from '../declarations/declare';
import { createAttachmentService } from './attachment-service';
import { createBlobStore, sha256Of } from './blob-store';

const INVOICE = '00000001';
const PACKING = '00000002';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('随附单据 files on a declaration', () => {
  let f: CoreFixture;
  let blobDir: string;
  let attachments: ReturnType<typeof createAttachmentService>;
  let id: string;

  beforeEach(() => {
    f = coreFixture();
    blobDir = path.join(f.dir, 'data', 'attachments', 'sha256');
    attachments = createAttachmentService(f.ctx, {
      files: createAttachmentFilesRepo(f.db),
      blobs: createBlobStore(blobDir),
      repo: f.repo,
      declarations: f.declarations,
    });
    const doc = sampleDeclaration();
    id = keyedDraft(f, doc);
  });
  afterEach(() => f.close());

  const attach = (edocCode: string, fileName: string, bytes: Uint8Array) =>
    attachments.attach({ id, edocCode, fileName, contentBase64: b64(bytes) });
  const blobs = () => (fs.existsSync(blobDir) ? fs.readdirSync(blobDir) : []);
  const edocs = () => f.declarations.get(id).doc.tables.edocs ?? [];
  const customs = () => f.declarations.get(id).doc.head.CustomMaster ?? '';

  it('attaches a PDF: kept by its SHA-256, named by an edocs row whose EdocID follows the rule', () => {
    const pdf = samplePdf({ text: 'Invoice 1' });
    const before = f.declarations.get(id).revision;
    const result = attach(INVOICE, 'C:\\scans\\发票.pdf', pdf);
    const edocId = `${customs()}${INVOICE}IM202611220000000001.pdf`;
    expect(result).toMatchObject({ id, revision: before + 1, attachment: { edocId, fileName: '发票.pdf', row: 0 } });
    expect(blobs()).toEqual([`${sha256Of(pdf)}.pdf`]);
    expect(edocs()).toEqual([
      { EdocID: edocId, EdocCode: INVOICE, EdocFomatType: 'US', EdocCopId: '发票.pdf', EdocSize: String(pdf.length) },
    ]);
    expect(attachments.list(id)).toEqual([result.attachment]);
    expect(Buffer.from(attachments.content({ id, edocId }).contentBase64, 'base64')).toEqual(Buffer.from(pdf));
  });

  it('replaces the file of a type with a new one under a new EdocID, and removes one', () => {
    attach(INVOICE, 'invoice-v1.pdf', samplePdf({ text: 'v1' }));
    attach(PACKING, 'packing.pdf', samplePdf({ text: 'packing' }));
    const replaced = attach(INVOICE, 'invoice-v2.pdf', samplePdf({ text: 'v2' }));
    expect(replaced.attachment.edocId.endsWith('IM202611220000000003.pdf')).toBe(true);
    expect(attachments.list(id).map((a) => [a.edocCode, a.fileName])).toEqual([
      [INVOICE, 'invoice-v2.pdf'],
      [PACKING, 'packing.pdf'],
    ]);
    attachments.remove({ id, edocId: replaced.attachment.edocId });
    expect(attachments.list(id).map((a) => a.fileName)).toEqual(['packing.pdf']);
    expect(errorOf(() => attachments.remove({ id, edocId: replaced.attachment.edocId })).reason).toBe(
      'attachments.not-found',
    );
  });

  it.each([
    ['empty', new Uint8Array(), 'attachments.empty'],
    ['not a PDF', new TextEncoder().encode('GIF89a....'), 'attachments.not-pdf'],
    ['cut short', samplePdf().subarray(0, 200), 'attachments.damaged'],
    ['encrypted', samplePdf({ encrypted: true }), 'attachments.encrypted'],
    ['too large', samplePdf({ size: MAX_ATTACHMENT_BYTES + 4096 }), 'attachments.too-large'],
  ])('refuses a file that is %s, naming it, and writes nothing', (_what, bytes, reason) => {
    const before = f.declarations.get(id).revision;
    const error = errorOf(() => attach(INVOICE, 'scan-7.pdf', bytes));
    expect(error.reason).toBe(reason);
    expect(error.message).toContain('scan-7.pdf');
    expect(error.issues?.[0]?.path).toBe('fileName');
    expect(blobs()).toEqual([]);
    expect(f.declarations.get(id).revision).toBe(before);
    expect(edocs()).toEqual([]);
    expect(f.db.prepare('SELECT count(*) AS n FROM attachment_files').get()).toEqual({ n: 0 });
  });

  it('refuses a file before 申报地海关 is filled (the EdocID begins with it), writing nothing', () => {
    f.declarations.update({
      id,
      baseRevision: f.declarations.get(id).revision,
      ops: [{ op: 'set', path: 'head.CustomMaster', value: '' }],
    });
    const error = errorOf(() => attach(INVOICE, 'invoice.pdf', samplePdf()));
    expect(error.reason).toBe('attachments.needs-customs');
    expect(error.issues?.[0]?.path).toBe('head.CustomMaster');
    expect(blobs()).toEqual([]);
  });

  it('signs the files by SHA-256 into the declared payload, and refuses to declare when one was altered', async () => {
    const declare = createDeclareAction(f.ctx, {
      repo: f.repo,
      outbox: f.outbox,
      keys: f.keys,
      catalog: (await import('../../../shared/catalog')).goodsDeclaration,
      attachmentRefs: (doc) => attachments.refsFor(doc),
      onQueued: () => undefined,
    });
    const pdf = samplePdf({ text: 'signed' });
    const { attachment } = attach(INVOICE, 'invoice.pdf', pdf);
    fs.writeFileSync(path.join(blobDir, `${attachment.sha256}.pdf`), samplePdf({ text: 'forged' }));
    const refused = await rejectionOf(() => declare(id));
    expect(refused.reason).toBe('attachments.file-missing');
    expect(refused.message).toContain(attachment.edocId);
    expect(f.outbox.forDeclaration(id)).toEqual([]);

    fs.writeFileSync(path.join(blobDir, `${attachment.sha256}.pdf`), pdf);
    const { submissionId } = await declare(id);
    const item = f.outbox.forDeclaration(id).find((o) => o.submissionId === submissionId);
    const envelope = envelopeSchema.parse(JSON.parse(item?.envelope ?? '{}'));
    expect(envelope.payload.attachments).toEqual([
      { edocId: attachment.edocId, sha256: sha256Of(pdf), size: pdf.length },
    ]);
    // A declared declaration's files do not change.
    expect(errorOf(() => attach(PACKING, 'late.pdf', samplePdf())).reason).toBe('attachments.not-editable');
  });
});
