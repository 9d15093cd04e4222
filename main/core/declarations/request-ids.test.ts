import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods } from '../../../shared/api';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { errorOf } from '../../../test-support/main/app-error';

// A call whose answer was lost (the browser host's connection broke) is sent again with the same request id:
// it must answer as the first did, never make a second draft nor apply the edit twice. Real SQLite file.
describe('declarations.create / update with a request id', () => {
  let f: CoreFixture;
  beforeEach(() => {
    f = coreFixture();
  });
  afterEach(() => f.close());

  const count = (sql: string): number => (f.db.prepare(sql).get() as { n: number }).n;

  it('makes one draft for a create sent twice, and answers the second with the same declaration', () => {
    const first = f.declarations.create({ ieFlag: 'I', requestId: 'create-0001' });
    const again = f.declarations.create({ ieFlag: 'I', requestId: 'create-0001' });
    expect(again.id).toBe(first.id);
    expect(again.clientSeqNo).toBe(first.clientSeqNo);
    expect(count('SELECT count(*) AS n FROM declarations')).toBe(1);
    const other = f.declarations.create({ ieFlag: 'I', requestId: 'create-0002' });
    expect(other.id).not.toBe(first.id);
    expect(count('SELECT count(*) AS n FROM declarations')).toBe(2);
  });

  it('applies an edit sent twice once, and answers the second with the first answer', () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    const edit = {
      id,
      baseRevision: 1,
      ops: [{ op: 'insertRow' as const, table: 'lines', row: { GName: '鲜苹果' } }],
      requestId: 'edit-00000001',
    };
    const first = f.declarations.update(edit);
    const again = f.declarations.update(edit);
    expect(again).toEqual(first);
    const record = f.declarations.get(id);
    expect(record.doc.lines).toHaveLength(1);
    expect(record.revision).toBe(2);
    // Without the id the same call is refused as stale (its base revision is gone), not applied again.
    expect(errorOf(() => f.declarations.update({ ...edit, requestId: undefined })).reason).toBe(
      'declarations.changed-elsewhere',
    );
  });

  it('refuses a request id already used for another change, naming it, and changes nothing', () => {
    const { id } = f.declarations.create({ ieFlag: 'I', requestId: 'shared-0001' });
    const error = errorOf(() =>
      f.declarations.update({
        id,
        baseRevision: 1,
        ops: [{ op: 'set', path: 'head.TradeName', value: '捷通' }],
        requestId: 'shared-0001',
      }),
    );
    expect(error.reason).toBe('declarations.request-reused');
    expect(error.issues?.[0]?.path).toBe('requestId');
    expect(f.declarations.get(id).revision).toBe(1);
  });

  it('refuses a malformed request id at the contract, naming the field', () => {
    const parsed = methods['declarations.create'].input.safeParse({ ieFlag: 'I', requestId: 'a b' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['requestId']);
  });
});
