import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { eachDeskFixture } from '../../../test-support/main/desk-fixture';
import { liQiang, wangFang } from '../../../test-support/main/profiles';
import { tempDir } from '../../../test-support/main/temp-dir';
import { startHub } from '../../../e2e/fixtures/processes';

/** The version a real hub reports: the package's own. */
const packageVersion = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('settings through the contract', () => {
  let f: DeskFixture;
  eachDeskFixture((fixture) => (f = fixture));

  it('shows where the data, backups and logs are, and changes the backup settings', async () => {
    const desk = f.open();
    const settings = await f.call(desk, 'settings.get', {});
    expect(settings).toMatchObject({
      backup: { daily: true, retention: 14 },
      dataDir: f.dataDir,
      backupDir: `${f.dataDir}/backups`,
    });
    expect(await f.call(desk, 'settings.update', { backup: { retention: 3, daily: false } })).toMatchObject({
      backup: { daily: false, retention: 3 },
    });
    expect((await f.call(desk, 'settings.get', {})).backup).toEqual({ daily: false, retention: 3 });
  });

  it.each([
    [{ backup: { retention: 0 } }, 'backup.retention'],
    [{ backup: { retention: 1000 } }, 'backup.retention'],
    [{ backup: { daily: 'yes' } }, 'backup.daily'],
    [{ backup: { folder: '/tmp' } }, 'backup'],
  ])('refuses %j, naming the field, and changes nothing', async (input, field) => {
    const desk = f.open();
    const result = await desk.dispatch('settings.update', input);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', issues: [expect.objectContaining({ path: field })] },
    });
    expect((await f.call(desk, 'settings.get', {})).backup).toEqual({ daily: true, retention: 14 });
  });

  it('keeps 随附单据单个文件上限 (4 MB until set) and refuses 0, a negative, a non-number or above 100, naming it', async () => {
    const desk = f.open();
    expect((await f.call(desk, 'settings.get', {})).attachments).toEqual({
      maxFileMb: 4,
      hubMaxFileMb: null,
      inForceMb: 4,
    });
    for (const maxFileMb of [0, -2, 'abc', null, 101]) {
      const result = await desk.dispatch('settings.update', { attachments: { maxFileMb } });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', issues: [expect.objectContaining({ path: 'attachments.maxFileMb' })] },
      });
    }
    expect((await f.call(f.open(), 'settings.get', {})).attachments.maxFileMb).toBe(4);
    const changed = await f.call(desk, 'settings.update', { attachments: { maxFileMb: 2.5 } });
    expect(changed.attachments).toEqual({ maxFileMb: 2.5, hubMaxFileMb: null, inForceMb: 2.5 });
  });

  it('keeps the firm’s 申报前须复核 rule (off until turned on) and each operator’s roles', async () => {
    const desk = f.open();
    expect((await f.call(desk, 'settings.get', {})).review).toEqual({ required: false });
    expect((await f.call(desk, 'settings.update', { review: { required: true } })).review).toEqual({ required: true });
    expect((await f.call(f.open(), 'settings.get', {})).review).toEqual({ required: true });

    const wang = await f.call(desk, 'profiles.create', wangFang);
    expect(wang.roles).toEqual(['preparer', 'reviewer']);
    const li = await f.call(desk, 'profiles.create', { ...liQiang, roles: ['reviewer'], makeCurrent: false });
    expect(li.roles).toEqual(['reviewer']);
    expect((await f.call(desk, 'profiles.update', { id: wang.id, ...wangFang, roles: ['preparer'] })).roles).toEqual([
      'preparer',
    ]);
    // Left out on an edit, the roles stay as they were; none at all, or one nobody knows, is refused by name.
    expect((await f.call(desk, 'profiles.update', { id: li.id, ...liQiang })).roles).toEqual(['reviewer']);
    for (const roles of [[], ['admin']])
      expect(await desk.dispatch('profiles.update', { id: li.id, ...liQiang, roles })).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', issues: [expect.objectContaining({ path: expect.stringMatching(/^roles/) })] },
      });
    expect((await f.call(desk, 'profiles.list', {})).map((p) => p.roles)).toEqual([['preparer'], ['reviewer']]);
  });

  it('tests a hub connection without enrolling, and says why one cannot be reached', async () => {
    const desk = f.open();
    expect(await f.failure(desk, 'settings.testHub', {})).toMatchObject({ code: 'INVALID_STATE' });
    expect(await f.failure(desk, 'settings.testHub', { hubUrl: 'ftp://hub.example.cn' })).toMatchObject({
      code: 'BAD_INPUT',
      issues: [{ path: 'hubUrl', code: 'input.hub-url' }],
    });
    // A real hub process (no stand-in: what it answers is what a broker's desk would see).
    const hubData = tempDir('swdesk-hub-');
    const hub = await startHub(hubData.dir);
    try {
      const before = Date.now();
      const result = await f.call(desk, 'settings.testHub', { hubUrl: hub.url });
      const after = Date.now();
      expect(result).toEqual({
        reachable: true,
        hubUrl: hub.url,
        version: packageVersion,
        hubTime: expect.any(String),
        why: null,
      });
      // The hub's own clock, read during the call (same machine, so within the call's span).
      const hubTime = Date.parse(result.hubTime ?? '');
      expect(hubTime).toBeGreaterThanOrEqual(before - 1_000);
      expect(hubTime).toBeLessThanOrEqual(after + 1_000);
    } finally {
      await hub.stop();
      hubData.cleanup();
    }
    const gone = await f.call(desk, 'settings.testHub', { hubUrl: hub.url });
    // Why, as a reason with its parameters for the renderer to word (not English to show as it is).
    expect(gone).toMatchObject({ reachable: false, why: { reason: 'sync.hub-unreachable', params: { url: hub.url } } });
    expect((await f.call(desk, 'sync.status', {})).state).toBe('not-configured');
  });

  it('diagnostics name the versions, the data folder and recent problems, and hold no secret', async () => {
    const desk = f.open();
    await f.call(desk, 'profiles.create', wangFang);
    await f.call(desk, 'sync.connect', { hubUrl: 'http://127.0.0.1:9', enrollmentCode: 'SECRET-CODE-1234' });
    const { text } = await f.call(desk, 'diagnostics.get', {});
    expect(text).toContain('# SW Desk diagnostics');
    expect(text).toContain(f.dataDir);
    expect(text).toContain(process.versions.node);
    expect(text).toContain('hub.pendingEnrollment');
    expect(text).not.toContain('SECRET-CODE-1234');
    expect(text).not.toContain('sealed_private');
  });
});
