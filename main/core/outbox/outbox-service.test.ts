import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reasonMessage } from '../../../shared/api';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, declareActionOf, keyedDraft, permissiveCatalog } from '../../../test-support/main/core-fixture';
import type { createDeclareAction } from '../declarations/declare';
import { createOutboxService } from './outbox-service';
import { codeOf } from '../../../test-support/main/app-error';

describe('outbox: list and withdraw', () => {
  let f: CoreFixture;
  let service: ReturnType<typeof createOutboxService>;
  let declare: ReturnType<typeof createDeclareAction>;
  beforeEach(() => {
    f = coreFixture();
    service = createOutboxService(f.ctx, { outbox: f.outbox, declarations: f.repo });
    declare = declareActionOf(f, permissiveCatalog);
  });
  afterEach(() => f.close());

  async function queuedDeclaration(): Promise<{ id: string; submissionId: string }> {
    const id = keyedDraft(f, { lines: [{ GName: '鲜苹果' }] });
    return { id, submissionId: (await declare(id)).submissionId };
  }

  it('withdraws a queued declaration: it is a draft again, the item is never sent, and the revision says so', async () => {
    const { id, submissionId } = await queuedDeclaration();
    expect(service.withdraw(id)).toEqual({ id, submissionId });
    expect(f.declarations.get(id)).toMatchObject({ workflow: 'draft', status: 'draft' });
    expect(f.outbox.get(submissionId)?.state).toBe('withdrawn');
    expect(f.outbox.due(Date.now() + 1e9, 10)).toEqual([]);
    expect(f.repo.revisions(id).at(-1)).toMatchObject({ action: 'withdraw', changes: { submissionId } });
    expect(service.list({ limit: 10 }).map((i) => [i.submissionId, i.state])).toEqual([[submissionId, 'withdrawn']]);
    // A fresh declare afterwards makes a new submission.
    const again = await declare(id);
    expect(again.submissionId).not.toBe(submissionId);
  });

  it('refuses to withdraw what is being sent (it may have reached the hub) and changes nothing', async () => {
    const { id, submissionId } = await queuedDeclaration();
    f.outbox.markSending(submissionId, new Date().toISOString());
    expect(codeOf(() => service.withdraw(id))).toBe('INVALID_STATE');
    expect(f.declarations.get(id).workflow).toBe('queued');
    expect(f.outbox.get(submissionId)?.state).toBe('sending');
  });

  it('refuses to withdraw a draft or an unknown declaration', async () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    expect(codeOf(() => service.withdraw(id))).toBe('INVALID_STATE');
    expect(codeOf(() => service.withdraw('01a2049e-b64f-7413-8ff9-f1a7a1258340'))).toBe('NOT_FOUND');
  });

  it('lists items with attempts, next try and last error', async () => {
    const { submissionId } = await queuedDeclaration();
    f.outbox.markSending(submissionId, new Date().toISOString());
    const unreachable = reasonMessage('sync.hub-unreachable', {
      url: 'http://127.0.0.1:1',
      cause: 'connection-refused',
      detail: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    f.outbox.setState(submissionId, 'queued', new Date().toISOString(), { lastError: unreachable });
    f.outbox.scheduleRetry(submissionId, Date.parse('2026-11-22T08:01:00Z'), unreachable, new Date().toISOString());
    expect(service.list({ limit: 10 })[0]).toMatchObject({
      state: 'queued',
      attempts: 1,
      nextAttemptAt: '2026-11-22T08:01:00.000Z',
      lastError: unreachable,
    });
  });

  it('shows a last error an older version stored as English text as written', async () => {
    const { submissionId } = await queuedDeclaration();
    f.ctx.db.prepare(`UPDATE outbox SET last_error = 'Cannot reach the hub' WHERE submission_id = ?`).run(submissionId);
    expect(service.list({ limit: 10 })[0]?.lastError).toEqual({ message: 'Cannot reach the hub' });
  });
});
