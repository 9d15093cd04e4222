import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ModEnvelope } from '../../shared/modify/mod-request';
import { buildDecModHead, modEnvelopeSigningText, modReceiptSchema } from '../../shared/modify/mod-request';
import { sampleDoc } from '../../test-support/hub/fixtures';
import type { TestHub } from '../../test-support/hub/in-process';
import { eachEnrolledHub } from '../../test-support/hub/in-process';
import type { TestClient } from '../../test-support/hub/test-client';
import { submission } from '../../test-support/hub/test-client';

// 修撤单 over HTTP: a signed request judged once by its request id, its receipt answered and kept; a request whose
// signature does not hold is refused and writes nothing.

let t: TestHub;
let client: TestClient;
let entryId: string;

eachEnrolledHub(async (open) => {
  ({ t, client } = open);
  const response = await t.call(client, 'POST', '/v1/submissions', { submissions: [submission(client.key)] });
  expect(response.statusCode, response.body).toBe(200);
  entryId = String((await t.data?.sql('SELECT entry_id FROM submissions'))?.[0]?.entry_id);
});

function request(kind: 'modify' | 'cancel', gross = '1300'): { envelope: ModEnvelope; signature: string } {
  const head = buildDecModHead({
    kind,
    head: sampleDoc().head,
    entryId,
    seqNo: null,
    ieFlag: 'I',
    reasonCase: 2,
    note: '溢装',
  });
  const changes =
    kind === 'modify'
      ? [
          {
            no: 1,
            table: 'head' as const,
            row: null,
            fieldCode: 'GrossWet',
            fieldName: '毛重（千克）',
            oldValue: '1200.5',
            newValue: gross,
            oldName: '',
            newName: '',
          },
        ]
      : [];
  const envelope: ModEnvelope = {
    requestId: randomUUID(),
    docType: 'decmod',
    clientSeqNo: 'C1',
    createdAt: new Date().toISOString(),
    keyId: client.key.keyId,
    reasonCase: 2,
    head,
    changes,
  };
  return { envelope, signature: client.key.sign(modEnvelopeSigningText(envelope)) };
}

describe('POST /v1/decmods', () => {
  it('approves a modification once: the hub holds the new value, the same request gets the same receipt', async () => {
    const body = request('modify');
    const first = await t.call(client, 'POST', '/v1/decmods', body);
    expect(first.statusCode, first.body).toBe(200);
    const receipt = modReceiptSchema.parse(first.json());
    expect(receipt).toMatchObject({ requestId: body.envelope.requestId, outcome: 'approved', reasons: [] });
    expect((await t.store.getDeclaration(client.clientId, entryId))?.doc.head.GrossWet).toBe('1300');

    const again = await t.call(client, 'POST', '/v1/decmods', body);
    expect(again.json()).toEqual(receipt);
    const got = await t.call(client, 'GET', `/v1/decmods/${body.envelope.requestId}`);
    expect(got.json()).toEqual(receipt);
    expect((await t.store.getDeclaration(client.clientId, entryId))?.modifications).toBe(1);
    // The same id with other content is a conflict, not a second request.
    const other = request('modify', '1400');
    other.envelope.requestId = body.envelope.requestId;
    other.signature = client.key.sign(modEnvelopeSigningText(other.envelope));
    expect((await t.call(client, 'POST', '/v1/decmods', other)).statusCode).toBe(409);
  });

  it('refuses a stale original value naming the field, then cancels; a second cancellation is refused', async () => {
    await t.call(client, 'POST', '/v1/decmods', request('modify'));
    const stale = modReceiptSchema.parse(
      (await t.call(client, 'POST', '/v1/decmods', request('modify', '1500'))).json(),
    );
    expect(stale.outcome).toBe('refused');
    expect(stale.reasons).toMatchObject([{ reason: 'modify.old-value-differs', params: { field: 'GrossWet' } }]);
    const cancel = modReceiptSchema.parse((await t.call(client, 'POST', '/v1/decmods', request('cancel'))).json());
    expect(cancel.outcome).toBe('approved');
    expect((await t.store.getDeclaration(client.clientId, entryId))?.cancelledAt).not.toBeNull();
    const twice = modReceiptSchema.parse((await t.call(client, 'POST', '/v1/decmods', request('cancel'))).json());
    expect(twice.reasons.map((r) => r.reason)).toEqual(['modify.already-cancelled']);
  });

  it('refuses a request whose signature does not hold, or a malformed one, and writes nothing', async () => {
    const before = await t.fingerprint();
    const tampered = request('modify');
    const [first] = tampered.envelope.changes;
    if (first) tampered.envelope.changes[0] = { ...first, newValue: '9999' };
    const bad = await t.call(client, 'POST', '/v1/decmods', tampered);
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'bad-signature']);
    const malformed = await t.call(client, 'POST', '/v1/decmods', { envelope: { docType: 'decmod' }, signature: 'x' });
    expect(malformed.statusCode).toBe(400);
    expect(await t.fingerprint()).toBe(before);
    expect((await t.call(client, 'GET', `/v1/decmods/${randomUUID()}`)).statusCode).toBe(404);
  });
});
