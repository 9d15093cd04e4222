import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envelopeSchema } from '../../../shared/protocol';
import { reasonOf } from '../../../test-support/main/app-error';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, keyedDraft, permissiveCatalog } from '../../../test-support/main/core-fixture';
import { liQiang, profilesOf, wangFang } from '../../../test-support/main/profiles';
import { createReviewsRepo } from '../../db/repositories/reviews-repo';
import { createDeclareAction } from '../declarations/declare';
import type { ProfileService } from '../profiles/profile-service';
import { createReviewService } from './review-service';

describe('second-person review (复核), on a real SQLite file', () => {
  let f: CoreFixture;
  let profiles: ProfileService;
  let review: ReturnType<typeof createReviewService>;
  let declare: ReturnType<typeof createDeclareAction>;
  let wang: string;
  let li: string;
  let zhao: string;
  beforeEach(() => {
    f = coreFixture();
    const acting = profilesOf(f);
    profiles = acting.profiles;
    review = createReviewService(acting.ctx, { repo: f.repo, reviews: createReviewsRepo(f.db), profiles });
    declare = createDeclareAction(acting.ctx, {
      repo: f.repo,
      outbox: f.outbox,
      keys: f.keys,
      catalog: permissiveCatalog,
      onQueued: () => undefined,
      people: (row, digest) => review.peopleFor(row, digest),
    });
    wang = profiles.create({ ...wangFang, roles: ['preparer'] }).id;
    li = profiles.create({ ...liQiang, roles: ['reviewer'], makeCurrent: false }).id;
    zhao = profiles.create({
      company: wangFang.company,
      operator: { name: '赵敏', icCard: '8931000011111' },
      roles: ['preparer', 'reviewer'],
      makeCurrent: false,
    }).id;
  });
  afterEach(() => f.close());

  function draft(): { id: string; seqNo: string } {
    const id = keyedDraft(f, { lines: [{ GName: '鲜苹果' }] });
    return { id, seqNo: f.declarations.get(id).clientSeqNo };
  }
  const edit = (id: string, value: string) =>
    f.declarations.update({
      id,
      baseRevision: f.declarations.get(id).revision,
      ops: [{ op: 'set', path: 'head.BillNo', value }],
    });
  const signedEnvelope = (id: string) => {
    const item = f.outbox.forDeclaration(id).at(-1);
    return envelopeSchema.parse(JSON.parse(item?.envelope ?? '{}'));
  };

  it('approves exactly the submitted digest, records each step and its author, and signs that digest', async () => {
    profiles.setReviewRequired(true);
    const { id } = draft();
    const submitted = review.submit(id);
    expect(submitted).toMatchObject({ state: 'submitted', current: true, preparer: { id: wang, name: '王芳' } });
    profiles.select(li);
    const approved = review.approve(id);
    expect(approved).toMatchObject({ state: 'approved', current: true, reviewer: { id: li, name: '李强' } });
    expect(approved.digest).toBe(submitted.digest);
    expect(
      f.repo
        .revisions(id)
        .slice(-2)
        .map((r) => [r.action, r.actor]),
    ).toEqual([
      ['submit-review', expect.stringContaining('王芳')],
      ['approve-review', expect.stringContaining('李强')],
    ]);

    await declare(id);
    const envelope = signedEnvelope(id);
    expect(envelope.payloadDigest).toBe(approved.digest);
    expect(envelope.people).toEqual({ preparer: '王芳', reviewer: '李强' });
  });

  it('refuses the preparer’s own approval, and approval by an operator who is not a reviewer', () => {
    profiles.select(zhao);
    const { id, seqNo } = draft();
    review.submit(id);
    expect(reasonOf(() => review.approve(id))).toEqual({
      reason: 'review.own-declaration',
      params: { seqNo, operator: '赵敏' },
    });
    profiles.select(wang);
    expect(reasonOf(() => review.approve(id))).toEqual({ reason: 'review.not-reviewer', params: { operator: '王芳' } });
    expect(review.get(id).state).toBe('submitted');
    // A reviewer only cannot submit for review.
    profiles.select(li);
    expect(reasonOf(() => review.submit(draft().id))).toMatchObject({ reason: 'review.not-preparer' });
  });

  it('voids an approval when the declaration is edited after it, and refuses 申报 with the rule on', async () => {
    profiles.setReviewRequired(true);
    const { id, seqNo } = draft();
    expect(reasonOf(() => review.approve(id))).toMatchObject({ reason: 'review.not-reviewer' });
    await expect(declare(id)).rejects.toMatchObject({ reason: 'review.required', params: { seqNo } });
    review.submit(id);
    profiles.select(li);
    review.approve(id);
    edit(id, 'EDITED-AFTER');
    expect(review.get(id)).toMatchObject({ state: 'approved', current: false });
    await expect(declare(id)).rejects.toMatchObject({ reason: 'review.approval-void', params: { seqNo } });
    expect(f.outbox.forDeclaration(id)).toEqual([]);
  });

  it('refuses to approve content edited since it was submitted; a return pins remarks to fields', async () => {
    const { id, seqNo } = draft();
    review.submit(id);
    edit(id, 'CHANGED');
    profiles.select(li);
    expect(reasonOf(() => review.approve(id))).toEqual({ reason: 'review.changed-since-submitted', params: { seqNo } });
    expect(reasonOf(() => review.return(id, []))).toMatchObject({ reason: 'review.remarks-required' });
    const returned = review.return(id, [{ path: 'head.BillNo', text: '提运单号与提单不符' }]);
    expect(returned).toMatchObject({
      state: 'returned',
      remarks: [{ path: 'head.BillNo', text: '提运单号与提单不符' }],
    });
    expect(review.queue()).toEqual([]);
    profiles.select(wang);
    edit(id, 'FIXED');
    review.submit(id);
    expect(review.queue().map((q) => [q.clientSeqNo, q.preparer])).toEqual([[seqNo, '王芳']]);
    // With the rule off, 申报 goes ahead unreviewed and says so: the preparer signed, nobody reviewed.
    await declare(id);
    expect(signedEnvelope(id).people).toEqual({ preparer: '王芳', reviewer: null });
  });
});
