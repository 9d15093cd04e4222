import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/main/temp-dir';
import { openDatabase } from '../connection';
import { migrate, schemaVersion } from '../migrate';
import { createRequestIdsRepo } from '../repositories/request-ids-repo';
import { migrations } from './index';
import { migration0010 } from './0010-request-ids';

describe('migration 0010 request ids', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('adds the table of answers by request id to a database of the version before; answers older than a day go', () => {
    const temp = tempDir();
    const db = openDatabase(path.join(temp.dir, 'swdesk.sqlite'));
    cleanups.push(() => {
      db.close();
      temp.cleanup();
    });
    migrate(db, migrations.slice(0, migration0010.version - 1));
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
