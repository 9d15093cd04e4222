import path from 'node:path';
import type { AttachmentInfo, MethodParsedInput } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { AttachmentRef } from '../../../shared/attachments';
import { MAX_ATTACHMENT_BYTES, edocCopId, edocIdFor, edocSerial, pdfProblem } from '../../../shared/attachments';
import type { DeclarationDoc } from '../../../shared/catalog';
import { chinaDate } from '../../../shared/validation';
import type { AttachmentFilesRepo } from '../../db/repositories/attachment-files-repo';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { DeclarationService } from '../declarations/declaration-service';
import { createLifecycle } from '../lifecycle/lifecycle';
import type { BlobStore } from './blob-store';

/** Refuses a file offered as a 随附单据, naming it; nothing has been written when this throws. */
function refuseBadPdf(bytes: Uint8Array, file: string, limit: number): void {
  const problem = pdfProblem(bytes, limit);
  if (!problem) return;
  const at = (key: Parameters<typeof reasonIssue>[1], params: Record<string, string | number>) => [
    reasonIssue('fileName', key, params as never),
  ];
  const p = { file };
  switch (problem.kind) {
    case 'too-large': {
      const mb = (bytes: number) => String(Math.round((bytes / 1048576) * 10) / 10);
      const params = { file, size: mb(problem.size), limit: mb(problem.limit) };
      throw new AppError('attachments.too-large', params, at('attachments.too-large', params));
    }
    case 'empty':
      throw new AppError('attachments.empty', p, at('attachments.empty', p));
    case 'not-pdf':
      throw new AppError('attachments.not-pdf', p, at('attachments.not-pdf', p));
    case 'damaged':
      throw new AppError('attachments.damaged', p, at('attachments.damaged', p));
    case 'encrypted':
      throw new AppError('attachments.encrypted', p, at('attachments.encrypted', p));
  }
}

/**
 * 随附单据 files on a declaration. A PDF is checked, kept in the data folder by its SHA-256, registered under a new
 * EdocID (the official naming rule) and named by an edocs row of the declaration, one per document type: a second
 * file of a type replaces the first. The row is an ordinary edit (a revision, the editor's autosave rebases on
 * it); the file's registry row and the edit are one transaction, and the bytes are taken back if it fails.
 */
export function createAttachmentService(
  ctx: CoreContext,
  deps: {
    files: AttachmentFilesRepo;
    blobs: BlobStore;
    repo: DeclarationsRepo;
    declarations: DeclarationService;
    /** The largest file taken, in bytes, now (attachment-limit.ts); the shared default when not given. */
    limitBytes?: () => number;
  },
) {
  const { files, blobs, repo, declarations } = deps;
  const lifecycle = createLifecycle(repo);

  function mustRow(id: string) {
    const row = repo.get(id);
    if (!row) throw new AppError('declarations.not-found', { id });
    return row;
  }

  /** The edocs rows that name a registered file, with the file. */
  function attachedIn(doc: DeclarationDoc): AttachmentInfo[] {
    return (doc.tables.edocs ?? []).flatMap((r, row) => {
      const file = r.EdocID ? files.get(r.EdocID) : undefined;
      if (!file) return [];
      const { edocId, edocCode, fileName, size, sha256, addedAt } = file;
      return [{ edocId, edocCode: r.EdocCode ?? edocCode, fileName, size, sha256, addedAt, row }];
    });
  }

  const register = ctx.db.transaction(
    (file: Parameters<AttachmentFilesRepo['insert']>[0], edit: () => { revision: number; updatedAt: string }) => {
      files.insert(file);
      return edit();
    },
  );

  function attach(input: MethodParsedInput<'attachments.attach'>) {
    const file = path.basename(input.fileName.replace(/\\/g, '/'));
    const bytes = Buffer.from(input.contentBase64, 'base64');
    refuseBadPdf(bytes, file, deps.limitBytes?.() ?? MAX_ATTACHMENT_BYTES);
    const row = mustRow(input.id);
    if (!lifecycle.allows(row, 'edit')) throw new AppError('attachments.not-editable', { file });
    const doc = repo.loadDoc(row);
    const customs = doc.head.CustomMaster ?? '';
    if (!/^\d{4}$/.test(customs))
      throw new AppError('attachments.needs-customs', { file }, [
        reasonIssue('head.CustomMaster', 'attachments.needs-customs', { file }),
      ]);
    const today = chinaDate(ctx.clock.now());
    const edocId = edocIdFor(customs, input.edocCode, edocSerial(today, files.countOnDay(today.replace(/-/g, '')) + 1));
    const size = bytes.length;
    const values = { EdocID: edocId, EdocFomatType: 'US', EdocCopId: edocCopId(file), EdocSize: String(size) };
    const same = attachedIn(doc).find((a) => a.edocCode === input.edocCode);
    const ops = same
      ? Object.entries(values).map(([key, value]) => ({ op: 'set' as const, path: `edocs[${same.row}].${key}`, value }))
      : [{ op: 'insertRow' as const, table: 'edocs', row: { ...values, EdocCode: input.edocCode } }];
    const { sha256, created } = blobs.put(bytes);
    const addedAt = isoAt(ctx.clock);
    try {
      const changed = register(
        { edocId, declarationId: row.id, edocCode: input.edocCode, sha256, size, fileName: file, addedAt },
        () => declarations.update({ id: row.id, baseRevision: row.revision, ops }),
      );
      const index = same ? same.row : (doc.tables.edocs ?? []).length;
      return {
        id: row.id,
        revision: changed.revision,
        updatedAt: changed.updatedAt,
        attachment: { edocId, edocCode: input.edocCode, fileName: file, size, sha256, addedAt, row: index },
      };
    } catch (error) {
      if (created) blobs.remove(sha256);
      throw error;
    }
  }

  function remove(input: MethodParsedInput<'attachments.remove'>) {
    const row = mustRow(input.id);
    const found = attachedIn(repo.loadDoc(row)).find((a) => a.edocId === input.edocId);
    if (!found) throw new AppError('attachments.not-found', { edocId: input.edocId });
    if (!lifecycle.allows(row, 'edit')) throw new AppError('attachments.not-editable', { file: found.fileName });
    // The registry row and the bytes stay: the EdocID is never given again, and an earlier revision, a backup or
    // a submission may still name the file.
    return declarations.update({
      id: row.id,
      baseRevision: row.revision,
      ops: [{ op: 'removeRow', table: 'edocs', index: found.row }],
    });
  }

  function bytesOf(a: Pick<AttachmentInfo, 'edocId' | 'sha256' | 'fileName'>): Buffer {
    const bytes = blobs.read(a.sha256);
    if (!bytes) throw new AppError('attachments.file-missing', { edocId: a.edocId, file: a.fileName });
    return bytes;
  }

  return {
    list: (id: string) => attachedIn(repo.loadDoc(mustRow(id))),
    attach,
    remove,
    content(input: MethodParsedInput<'attachments.content'>) {
      const found = attachedIn(repo.loadDoc(mustRow(input.id))).find((a) => a.edocId === input.edocId);
      if (!found) throw new AppError('attachments.not-found', { edocId: input.edocId });
      return {
        fileName: found.fileName,
        mimeType: 'application/pdf',
        contentBase64: bytesOf(found).toString('base64'),
      };
    },
    /**
     * What a submission of this document carries by reference, each file checked against its digest (a file
     * missing or altered in the data folder is refused, naming it, before anything is signed).
     */
    refsFor(doc: DeclarationDoc): AttachmentRef[] {
      return attachedIn(doc)
        .map((a) => {
          bytesOf(a);
          return { edocId: a.edocId, sha256: a.sha256, size: a.size };
        })
        .sort((x, y) => (x.edocId < y.edocId ? -1 : 1));
    },
    /** The bytes of a registered EdocID (the bridge's OutBox), or null when it is not one of ours. */
    bytesForEdocId(edocId: string): Buffer | null {
      const file = files.get(edocId);
      return file ? bytesOf(file) : null;
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
