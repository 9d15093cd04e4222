import { createHash } from 'node:crypto';
import type { AttachmentState } from '../../shared/protocol';
import type { AttachmentChunk, AttachmentChunkResult } from './types';

// What one chunk of a 随附单据 upload does to what the hub holds of that file, decided here once for every store
// (each store reads the row, asks this, and writes what it says in the same transaction).

/** What a store holds of one file: the bytes received so far, from the start. */
export interface HeldAttachment {
  size: number;
  complete: boolean;
  data: Buffer;
}

export type ChunkPlan =
  /** Write nothing, not even the nonce: the answer says why. */
  | { write: 'nothing'; result: AttachmentChunkResult }
  /** Consume the nonce only (a retried chunk the hub already holds). */
  | { write: 'nonce'; result: AttachmentChunkResult }
  /** Keep `data` (received so far, whole when `complete`) and the nonce. */
  | { write: 'data'; data: Buffer; complete: boolean; result: AttachmentChunkResult }
  /** The bytes did not hash to the file's name: drop the partial file, consume the nonce. */
  | { write: 'drop'; result: AttachmentChunkResult };

export function stateOf(sha256: string, held: HeldAttachment | undefined): AttachmentState {
  return held
    ? { sha256, size: held.size, received: held.data.length, complete: held.complete }
    : { sha256, size: null, received: 0, complete: false };
}

export function planChunk(held: HeldAttachment | undefined, chunk: AttachmentChunk): ChunkPlan {
  const now = stateOf(chunk.sha256, held);
  if (held && held.size !== chunk.size) return { write: 'nothing', result: { outcome: 'size-mismatch', state: now } };
  const received = held?.data.length ?? 0;
  const end = chunk.offset + chunk.bytes.length;
  if (end > chunk.size) return { write: 'nothing', result: { outcome: 'size-mismatch', state: now } };
  if (held?.complete || end <= received) return { write: 'nonce', result: { outcome: 'stored', state: now } };
  if (chunk.offset > received) return { write: 'nothing', result: { outcome: 'gap', state: now } };
  // The chunk overlaps what is held (a retry of a chunk partly stored is not possible with whole-chunk commits, but a
  // client may choose other chunk sizes on a retry): only its new tail is appended.
  const tail = chunk.bytes.subarray(received - chunk.offset);
  const data = held ? Buffer.concat([held.data, tail]) : Buffer.from(tail);
  if (data.length < chunk.size) {
    const state = { sha256: chunk.sha256, size: chunk.size, received: data.length, complete: false };
    return { write: 'data', data, complete: false, result: { outcome: 'stored', state } };
  }
  if (createHash('sha256').update(data).digest('hex') !== chunk.sha256) {
    const state = { sha256: chunk.sha256, size: null, received: 0, complete: false };
    return { write: 'drop', result: { outcome: 'digest-mismatch', state } };
  }
  const state = { sha256: chunk.sha256, size: chunk.size, received: data.length, complete: true };
  return { write: 'data', data, complete: true, result: { outcome: 'stored', state } };
}
