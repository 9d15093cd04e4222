import type { AttachmentRef } from '../../../shared/attachments/manifest';
import { ATTACHMENT_CHUNK_BYTES } from '../../../shared/protocol';
import type { OutboxItem } from '../../db/repositories/outbox-repo';
import type { HubClient, RequestSigner } from './hub-client';
import { HubCallError } from './hub-client';

/** Bytes of an attached file by SHA-256, or null when missing or no longer hashing to it (the desk's blob store). */
export interface AttachmentBytes {
  read(sha256: string): Buffer | null;
}

/** How far the upload of a push pass's files is, in bytes; null when no upload is going on. */
export type UploadProgress = { sentBytes: number; totalBytes: number } | null;

function filesOf(item: OutboxItem): AttachmentRef[] {
  const envelope = JSON.parse(item.envelope) as { payload?: { attachments?: AttachmentRef[] } };
  return envelope.payload?.attachments ?? [];
}

/**
 * Puts the 随附单据 files of the items about to be sent at the hub, before their submission: each file the hub does not
 * hold whole goes up in chunks from where the hub's copy ends (GET first, so an upload cut off — by a dropped
 * connection, a hub killed mid-upload, a desk restart — resumes, and a chunk the hub committed is not sent again). A
 * failure throws and the items wait for the next pass like any failed send. A file missing here goes unsent: the hub
 * then refuses the submission naming it, which is what the broker must see.
 */
export function createAttachmentUploader(deps: {
  files: AttachmentBytes;
  onProgress?: (progress: UploadProgress) => void;
}) {
  // Files the hub told this process it holds whole: not asked about again.
  const atHub = new Set<string>();

  /** True once the hub holds the file whole. */
  async function uploadOne(
    client: HubClient,
    signer: RequestSigner,
    ref: AttachmentRef,
    sent: (offset: number) => void,
  ): Promise<boolean> {
    const state = await client.attachmentState(signer, ref.sha256);
    if (state.complete) return true;
    const bytes = deps.files.read(ref.sha256);
    if (!bytes || bytes.length !== ref.size) return false;
    let offset = state.size === ref.size ? state.received : 0;
    while (offset < bytes.length) {
      const chunk = bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES);
      try {
        offset = (await client.uploadChunk(signer, ref.sha256, bytes.length, offset, chunk)).received;
      } catch (error) {
        // The hub holds less than we thought (its copy was dropped): start where it is.
        if (!(error instanceof HubCallError) || error.code !== 'attachment-gap') throw error;
        offset = (await client.attachmentState(signer, ref.sha256)).received;
      }
      sent(offset);
    }
    return true;
  }

  return async function uploadFiles(client: HubClient, signer: RequestSigner, items: readonly OutboxItem[]) {
    const wanted = new Map<string, AttachmentRef>();
    for (const item of items) for (const ref of filesOf(item)) if (!atHub.has(ref.sha256)) wanted.set(ref.sha256, ref);
    if (wanted.size === 0) return;
    const totalBytes = [...wanted.values()].reduce((sum, ref) => sum + ref.size, 0);
    let sentBytes = 0;
    deps.onProgress?.({ sentBytes, totalBytes });
    try {
      for (const ref of wanted.values()) {
        const before = sentBytes;
        const whole = await uploadOne(client, signer, ref, (offset) => {
          sentBytes = before + offset;
          deps.onProgress?.({ sentBytes, totalBytes });
        });
        sentBytes = before + ref.size;
        if (whole) atHub.add(ref.sha256);
        deps.onProgress?.({ sentBytes, totalBytes });
      }
    } finally {
      deps.onProgress?.(null);
    }
  };
}

export type AttachmentUploader = ReturnType<typeof createAttachmentUploader>;
