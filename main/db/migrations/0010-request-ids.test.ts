import { describe, expect, it } from 'vitest';
import { databasesPerTest } from '../../../test-support/main/migration-db';
import { migrate, schemaVersion } from '../migrate';
import { createRequestIdsRepo } from '../repositories/request-ids-repo';
import { migrations } from './index';
import { migration0010 } from './0010-request-ids';

describe('migration 0010 request ids', () => {
  const open = databasesPerTest();

  it('adds the table of answers by request id to a database of the version before; answers older than a day go', () => {
    const db = open(migration0010.version - 1);
    expect(migrate(db, migrations.slice(0, migration0010.version))).toMatchObject({
      from: migration0010.version - 1,
      to: migration0010.version,
    });
    expect(schemaVersion(db)).toBe(migration0010.version);

    const repo = createRequestIdsRepo(db);
    const now = Date.parse('2026-12-06T08:00:00Z');
    repo.put('old-request', { method: 'declarations.create', declarationId: 'd1', answer: '' }, now);
    expect(repo.get('old-request')).toEqual({ method: 'declarations.create', declarationId: 'd1', answer: '' });
    // A day later the old answer is forgotten as a new one is kept.
    repo.put('new-request', { method: 'declarations.update', declarationId: 'd1', answer: '{}' }, now + 25 * 3600_000);
    expect(repo.get('old-request')).toBeUndefined();
    expect(repo.get('new-request')?.answer).toBe('{}');
  });
});
