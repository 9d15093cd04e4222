import { describe, expect, it } from 'vitest';
import type { SignedSubmission, SubmissionState } from '../../shared/protocol';
import { submissionStateSchema, submitResponseSchema } from '../../shared/protocol';
import type { TestHub } from '../../test-support/hub/in-process';
import { eachEnrolledHub } from '../../test-support/hub/in-process';
import type { TestClient } from '../../test-support/hub/test-client';
import { makeEnvelope, signSubmission, submission } from '../../test-support/hub/test-client';

// Who prepared a declaration and who reviewed (复核) it travel in the signed envelope; the hub checks them, keeps
// them with the submission and gives them back on GET /v1/submissions/{id}.

let t: TestHub;
let client: TestClient;

eachEnrolledHub((open) => ({ t, client } = open));

async function submit(submissions: SignedSubmission[]) {
  const response = await t.call(client, 'POST', '/v1/submissions', { submissions });
  expect(response.statusCode, response.body).toBe(200);
  return submitResponseSchema.parse(response.json()).results;
}

async function readBack(item: SignedSubmission): Promise<SubmissionState> {
  const response = await t.call(client, 'GET', `/v1/submissions/${item.envelope.submissionId}`);
  expect(response.statusCode, response.body).toBe(200);
  return submissionStateSchema.parse(response.json());
}

describe('who prepared and who reviewed a submission, at the hub', () => {
  it('keeps the preparer and reviewer the signed envelope names and gives them back', async () => {
    const reviewed = submission(client.key, undefined, { people: { preparer: '王芳', reviewer: '李明' } });
    const unreviewed = submission(client.key, undefined, { people: { preparer: '王芳', reviewer: null } });
    const before = submission(client.key);
    const results = await submit([reviewed, unreviewed, before]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(await readBack(reviewed)).toMatchObject({ state: 'accepted', preparer: '王芳', reviewer: '李明' });
    expect(await readBack(unreviewed)).toMatchObject({ preparer: '王芳', reviewer: null });
    expect(await readBack(before)).toMatchObject({ preparer: null, reviewer: null });
    const doc = (await t.hub.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as {
      components: { schemas: { SubmissionState: { required: string[]; properties: Record<string, object> } } };
    };
    const described = doc.components.schemas.SubmissionState;
    expect(described.required).toEqual(expect.arrayContaining(['preparer', 'reviewer']));
    expect(described.properties.reviewer).toMatchObject({ description: expect.stringContaining('复核') });
  });

  it('refuses a review by the preparer and a blank name, naming the field, and keeps no unsigned names', async () => {
    const self = submission(client.key, undefined, { people: { preparer: '王芳', reviewer: ' 王芳' } });
    const blank = submission(client.key, undefined, { people: { preparer: '  ', reviewer: null } });
    const envelope = makeEnvelope(client.key, undefined, { people: { preparer: '王芳', reviewer: null } });
    const signed = signSubmission(client.key, envelope);
    // The reviewer written in after signing: the signature no longer holds, so the name is nobody's word.
    const tampered = { ...signed, envelope: { ...envelope, people: { preparer: '王芳', reviewer: '李明' } } };
    const [selfResult, blankResult, tamperedResult] = await submit([self, blank, tampered]);
    expect(selfResult).toMatchObject({ outcome: 'rejected', hubSeq: null });
    expect(selfResult?.errors).toEqual([
      expect.objectContaining({ path: 'envelope.people.reviewer', code: 'review-by-preparer' }),
    ]);
    expect(selfResult?.errors[0]?.message).toContain('复核人：王芳 即录入人');
    expect(blankResult?.errors).toEqual([
      expect.objectContaining({ path: 'envelope.people.preparer', code: 'people-blank' }),
    ]);
    expect(tamperedResult?.errors.map((e) => e.code)).toEqual(['bad-signature']);
    expect(await readBack(self)).toMatchObject({ state: 'rejected', preparer: '王芳', reviewer: ' 王芳' });
    expect(await readBack(tampered)).toMatchObject({ state: 'rejected', preparer: null, reviewer: null });
    expect((await t.store.stats()).pending).toBe(0);
  });
});
