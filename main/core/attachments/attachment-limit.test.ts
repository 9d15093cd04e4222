import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import { errorOf } from '../../../test-support/main/app-error';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, keyedDraft } from '../../../test-support/main/core-fixture';
import { samplePdf } from '../../../test-support/shared/pdf';
import { createAttachmentFilesRepo } from '../../db/repositories/attachment-files-repo';
import { createSettingsRepo } from '../../db/repositories/settings-repo';
import { createAttachmentLimit } from './attachment-limit';
import { createAttachmentService } from './attachment-service';
import { createBlobStore } from './blob-store';

const MB = 1024 * 1024;
const HUB = 'http://127.0.0.1:7373';

describe('随附单据单个文件上限: the firm’s setting, bounded by the hub', () => {
  let f: CoreFixture;
  let enrolledWith: string | null;
  let limit: ReturnType<typeof createAttachmentLimit>;
  let attach: (fileName: string, bytes: Uint8Array) => unknown;

  beforeEach(() => {
    f = coreFixture();
    enrolledWith = HUB;
    limit = createAttachmentLimit({ settings: createSettingsRepo(f.db), hubUrl: () => enrolledWith });
    const service = createAttachmentService(f.ctx, {
      files: createAttachmentFilesRepo(f.db),
      blobs: createBlobStore(`${f.dir}/blobs`),
      repo: f.repo,
      declarations: f.declarations,
      limitBytes: limit.inForceBytes,
    });
    const id = keyedDraft(f, sampleDeclaration());
    attach = (fileName, bytes) =>
      service.attach({ id, edocCode: '00000001', fileName, contentBase64: Buffer.from(bytes).toString('base64') });
  });
  afterEach(() => f.close());

  it('is 4 MB until the firm sets it; a file over a lowered setting is refused naming it, its size and the limit', () => {
    expect(limit.settings()).toEqual({ maxFileMb: 4, hubMaxFileMb: null, inForceMb: 4 });
    const scan = samplePdf({ size: 1.5 * MB });
    expect(attach('scan-1.pdf', scan)).toBeTruthy();
    limit.setOwnMb(1);
    const error = errorOf(() => attach('scan-2.pdf', scan));
    expect(error.reason).toBe('attachments.too-large');
    expect(error.params).toEqual({ file: 'scan-2.pdf', size: '1.5', limit: '1' });
    expect(error.message).toContain('scan-2.pdf is 1.5 MB; the largest attached document file is 1 MB');
  });

  it('takes the hub’s advertised limit when it is lower, only while enrolled with that hub', () => {
    limit.heardFromHub(HUB, 1 * MB);
    expect(limit.settings()).toEqual({ maxFileMb: 4, hubMaxFileMb: 1, inForceMb: 1 });
    expect(errorOf(() => attach('invoice.pdf', samplePdf({ size: 2 * MB }))).params).toMatchObject({ limit: '1' });
    limit.setOwnMb(0.5);
    expect(limit.settings().inForceMb).toBe(0.5);
    limit.setOwnMb(4);
    enrolledWith = 'http://hub.elsewhere:7373';
    expect(limit.settings()).toEqual({ maxFileMb: 4, hubMaxFileMb: null, inForceMb: 4 });
    expect(attach('invoice.pdf', samplePdf({ size: 2 * MB }))).toBeTruthy();
    // A hub that advertises nothing (older than the setting) leaves the desk's own figure.
    enrolledWith = HUB;
    limit.heardFromHub(HUB, undefined);
    expect(limit.settings().hubMaxFileMb).toBeNull();
  });
});
