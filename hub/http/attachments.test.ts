import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecPayload, Receipt } from '../../shared/protocol';
import { ATTACHMENT_CHUNK_BYTES, receiptsResponseSchema, submitResponseSchema } from '../../shared/protocol';
import { samplePayload } from '../../test-support/hub/fixtures';
import type { TestHub } from '../../test-support/hub/in-process';
import { startTestHub } from '../../test-support/hub/in-process';
import type { TestClient } from '../../test-support/hub/test-client';
import { signedBytesHeaders, submission } from '../../test-support/hub/test-client';

// 随附单据 files at the hub over HTTP: signed chunks, resumed and retried without effect, kept only when whole and
// hashing to their name; a submission naming a file the hub does not hold is refused naming the file, and the
// customs processor refuses a 无纸化 declaration without a 发票 file, pointing at 随附单据.

let t: TestHub;
let client: TestClient;

beforeEach(async () => {
  t = await startTestHub({ processor: { stepDelayMs: 0, paperlessNeedsInvoice: true } });
  client = await t.enroll();
});
afterEach(async () => {
  await t.close();
});

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function put(bytes: Buffer, offset: number, end: number, size = bytes.length, sha256 = digest(bytes)) {
  const url = `/v1/attachments/${sha256}?size=${size}&offset=${offset}`;
  const body = bytes.subarray(offset, end);
  return t.hub.app.inject({
    method: 'POST',
    url,
    headers: signedBytesHeaders(client, 'POST', url, body),
    payload: body,
  });
}

async function upload(bytes: Buffer): Promise<string> {
  for (let offset = 0; offset < bytes.length; offset += ATTACHMENT_CHUNK_BYTES) {
    const response = await put(bytes, offset, Math.min(bytes.length, offset + ATTACHMENT_CHUNK_BYTES));
    expect(response.statusCode, response.body).toBe(200);
  }
  return digest(bytes);
}

/** A payload naming `files` as 随附单据 rows of the given types (EdocCode), as the desk signs them. */
function withFiles(files: { code: string; bytes: Buffer }[], entryType = 'M'): DecPayload {
  const refs = files.map((f, i) => ({
    edocId: `2248${f.code}IM2026120700000000${i + 1}0.pdf`,
    sha256: digest(f.bytes),
    size: f.bytes.length,
  }));
  const payload = samplePayload((doc) => {
    doc.head.EntryType = entryType;
    doc.tables.edocs = files.map((f, i) => ({ EdocID: refs[i]?.edocId ?? '', EdocCode: f.code, EdocFomatType: 'US' }));
  });
  return { ...payload, attachments: refs };
}

async function submitOne(payload: DecPayload) {
  const response = await t.call(client, 'POST', '/v1/submissions', { submissions: [submission(client.key, payload)] });
  expect(response.statusCode, response.body).toBe(200);
  const result = submitResponseSchema.parse(response.json()).results[0];
  if (!result) throw new Error('no result');
  return result;
}

async function lastReceipt(submissionId: string, channel: string): Promise<Receipt> {
  let cursor = '';
  for (;;) {
    const response = await t.call(client, 'GET', `/v1/receipts?after=${cursor}&wait=5`);
    const page = receiptsResponseSchema.parse(response.json());
    const found = page.receipts.find((r) => r.submissionId === submissionId && r.channel === channel);
    if (found) return found;
    cursor = page.cursor;
  }
}

describe('POST /v1/attachments/:sha256', () => {
  it('takes a file in signed chunks, and a chunk sent again after a lost answer changes nothing', async () => {
    const file = pdf(ATTACHMENT_CHUNK_BYTES + 4000);
    const sha256 = digest(file);
    const first = await put(file, 0, ATTACHMENT_CHUNK_BYTES);
    expect(first.json()).toEqual({ sha256, size: file.length, received: ATTACHMENT_CHUNK_BYTES, complete: false });
    const partial = await t.store.readAttachment(client.clientId, sha256);
    expect((await put(file, 0, ATTACHMENT_CHUNK_BYTES)).json()).toEqual(first.json());
    expect(partial).toBeUndefined();
    const state = await t.call(client, 'GET', `/v1/attachments/${sha256}`);
    expect(state.json()).toMatchObject({ received: ATTACHMENT_CHUNK_BYTES, complete: false });
    expect((await put(file, ATTACHMENT_CHUNK_BYTES, file.length)).json()).toMatchObject({ complete: true });
    expect((await t.store.readAttachment(client.clientId, sha256))?.equals(file)).toBe(true);
  });

  it('refuses a gap, an altered file and bad parameters, each with its code', async () => {
    const file = pdf(3000);
    await put(file, 0, 1000);
    const before = await t.fingerprint();
    const gap = await put(file, 2000, 3000);
    expect([gap.statusCode, gap.json().error.code]).toEqual([409, 'attachment-gap']);
    expect(gap.json().error.message).toContain('offset 1000');
    const other = await put(file, 1000, 2000, 5000);
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'attachment-size-mismatch']);
    expect(await t.fingerprint()).toBe(before);
    const altered = Buffer.from(file);
    altered[2500] = (altered[2500] ?? 0) ^ 1;
    const bad = await put(altered, 1000, 3000, 3000, digest(file));
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'attachment-digest-mismatch']);
    expect(await t.store.attachmentState(client.clientId, digest(file))).toMatchObject({ received: 0 });
    for (const [url, path] of [
      [`/v1/attachments/${'A'.repeat(64)}?size=10&offset=0`, 'sha256'],
      [`/v1/attachments/${digest(file)}?size=${5 * 1024 * 1024}&offset=0`, 'size'],
      [`/v1/attachments/${digest(file)}?size=3000&offset=3000`, 'offset'],
    ] as const) {
      const body = file.subarray(0, 10);
      const response = await t.hub.app.inject({
        method: 'POST',
        url,
        headers: signedBytesHeaders(client, 'POST', url, body),
        payload: body,
      });
      expect([response.statusCode, response.json().error.issues[0].path]).toEqual([400, path]);
      if (url.includes(`size=${5 * 1024 * 1024}`))
        expect(response.json().error.message).toContain(`file ${digest(file)} is ${5 * 1024 * 1024} bytes`);
    }
  });
});

describe('submissions naming files', () => {
  it('refuses a submission whose file the hub does not hold, naming it; once uploaded, a new one is accepted', async () => {
    const invoice = pdf(5000);
    const payload = withFiles([{ code: '00000001', bytes: invoice }]);
    const missing = await submitOne(payload);
    expect(missing.outcome).toBe('rejected');
    expect(missing.errors).toEqual([expect.objectContaining({ path: 'edocs[0].EdocID', code: 'attachment-missing' })]);
    expect(missing.errors[0]?.message).toContain(payload.attachments?.[0]?.edocId);
    await upload(invoice);
    const accepted = await submitOne(payload);
    expect(accepted.outcome).toBe('accepted');
    expect((await lastReceipt(accepted.submissionId, 'P')).channel).toBe('P');
  });

  it('refuses a file of another size than the signed one as altered', async () => {
    const invoice = pdf(5000);
    await upload(invoice);
    const payload = withFiles([{ code: '00000001', bytes: invoice }]);
    const ref = payload.attachments?.[0];
    if (!ref) throw new Error('no ref');
    const result = await submitOne({ ...payload, attachments: [{ ...ref, size: 4999 }] });
    expect(result.errors.map((e) => e.code)).toEqual(['attachment-altered']);
  });

  it('the processor refuses a 无纸化 declaration without a 发票 file, pointing at 随附单据', async () => {
    const packing = pdf(4000);
    await upload(packing);
    const result = await submitOne(withFiles([{ code: '00000002', bytes: packing }]));
    expect(result.outcome).toBe('accepted');
    const refusal = await lastReceipt(result.submissionId, 'E');
    expect(refusal.errors).toEqual([expect.objectContaining({ path: 'edocs', code: 'customs-paperless-invoice' })]);
    expect(refusal.errors[0]?.message).toContain('发票');
    // The same without 无纸化 (报关单类型 0) goes through.
    const paper = await submitOne(withFiles([{ code: '00000002', bytes: packing }], '0'));
    expect((await lastReceipt(paper.submissionId, 'P')).channel).toBe('P');
  });
});
