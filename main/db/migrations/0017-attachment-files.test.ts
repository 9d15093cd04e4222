import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { createAttachmentFilesRepo } from '../repositories/attachment-files-repo';
import { migration0017 } from './0017-attachment-files';

describe('migration 0017 attachment files', () => {
  const open = databasesPerTest();

  it('adds the registry of 随附单据 files, which counts a day’s EdocIDs and refuses a digest that is not one', () => {
    const db = open(migration0017.version - 1);
    upgradeTo(db, migration0017);
    const repo = createAttachmentFilesRepo(db);
    const file = {
      edocId: '220100000001IM202611220000000001.pdf',
      declarationId: 'd1',
      edocCode: '00000001',
      sha256: 'a'.repeat(64),
      size: 10,
      fileName: '发票.pdf',
      addedAt: 't1',
    };
    repo.insert(file);
    expect(repo.get(file.edocId)).toEqual(file);
    expect(repo.countOnDay('20261122')).toBe(1);
    expect(repo.countOnDay('20261123')).toBe(0);
    expect(repo.insertIfNew(file)).toBe(false);
    expect(() => repo.insert({ ...file, edocId: 'x.pdf', sha256: 'short' })).toThrow(/CHECK/);
  });
});
