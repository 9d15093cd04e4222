import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeskFixture } from '../../test-support/main/desk-fixture';
import { eachDeskFixture } from '../../test-support/main/desk-fixture';
import { wangFang } from '../../test-support/main/profiles';
import { samplePdf } from '../../test-support/shared/pdf';
import { attachmentBlobDir, sha256Of } from '../core/attachments/blob-store';

// Each situation the recovery screens explain is created here on purpose, against real SQLite
// files: a damaged database, one from a newer version, a folder that cannot be written, and
// (in ./key-recovery.test.ts) a missing signing key.

describe('the desk opens its data or a recovery mode', () => {
  let f: DeskFixture;
  eachDeskFixture((fixture) => (f = fixture));

  const dbFile = () => path.join(f.dataDir, 'swdesk.sqlite');

  /** A desk with a profile and one declaration, closed again; returns the declaration's id. */
  async function seeded(): Promise<string> {
    const desk = f.open();
    await f.call(desk, 'profiles.create', wangFang);
    const record = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    await f.call(desk, 'backup.now', {});
    await desk.close();
    return record.id;
  }

  it('opens normally, asks for the setup first, and refuses recovery actions with nothing to recover', async () => {
    const desk = f.open();
    expect(await f.call(desk, 'desk.status', {})).toMatchObject({
      mode: 'normal',
      problem: null,
      dataDir: f.dataDir,
      needsSetup: true,
      latestBackup: null,
    });
    expect(await f.failure(desk, 'recovery.retry', {})).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a file that is not a database: a recovery screen, not a crash; the newest good backup brings the data back', async () => {
    const id = await seeded();
    fs.writeFileSync(dbFile(), Buffer.from('this is not what SQLite wrote '.repeat(300)));
    const desk = f.open();
    const status = await f.call(desk, 'desk.status', {});
    expect(status).toMatchObject({ mode: 'recovery', problem: { kind: 'damaged' } });
    expect(status.latestBackup?.kind).toBe('manual');
    expect(await f.failure(desk, 'declarations.list', {})).toMatchObject({ code: 'RECOVERY_MODE' });
    expect((await f.call(desk, 'diagnostics.get', {})).text).toContain('damaged');

    const result = await f.call(desk, 'recovery.restoreLatest', {});
    expect(result).toMatchObject({ mode: 'normal', dataDir: f.dataDir });
    expect(result.note).toMatchObject({ reason: 'desk.replaced-kept', message: expect.stringContaining('replaced') });
    expect((await f.call(desk, 'declarations.get', { id })).id).toBe(id);
    // The damaged file was kept aside, whole, never mixed into the restored one.
    const kept = fs.readdirSync(path.join(f.dataDir, 'replaced'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(f.dataDir, 'replaced', kept[0] ?? '', 'swdesk.sqlite'), 'utf8')).toContain(
      'this is not what SQLite wrote',
    );
  });

  it('a database whose pages are damaged fails SQLite’s check at start', async () => {
    await seeded();
    const size = fs.statSync(dbFile()).size;
    const fd = fs.openSync(dbFile(), 'r+');
    // Page 2 onwards (the schema is page 1): b-tree pages overwritten with noise.
    fs.writeSync(fd, Buffer.alloc(Math.min(size - 4096, 8 * 4096), 0xa5), 0, undefined, 4096);
    fs.closeSync(fd);
    const desk = f.open();
    expect(desk.state()).toMatchObject({ mode: 'recovery', problem: { kind: 'damaged' } });
  });

  it('restoring needs a backup that passes its check: a damaged one is refused and nothing changes', async () => {
    await seeded();
    const backups = path.join(f.dataDir, 'backups');
    for (const name of fs.readdirSync(backups)) fs.writeFileSync(path.join(backups, name), 'garbage');
    fs.writeFileSync(dbFile(), 'also garbage');
    const desk = f.open();
    const error = await f.failure(desk, 'recovery.restoreLatest', {});
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('No backup passes its check; nothing was changed');
    // Each backup's check, in the program's words, for support only (folded under 详情).
    expect(error.params?.detail).toMatch(/is not a SQLite database/);
    expect(fs.readFileSync(dbFile(), 'utf8')).toBe('also garbage');
    expect(fs.existsSync(path.join(f.dataDir, 'replaced'))).toBe(false);
  });

  it('a database from a newer version is refused untouched; read-only shows it and refuses every change', async () => {
    const id = await seeded();
    f.raw(dbFile(), (db) => db.pragma('user_version = 99'));
    const before = f.sha256(dbFile());
    const desk = f.open();
    expect(await f.call(desk, 'desk.status', {})).toMatchObject({
      mode: 'recovery',
      problem: { kind: 'too-new', found: 99 },
    });
    expect(f.sha256(dbFile())).toBe(before);

    expect(await f.call(desk, 'recovery.openReadOnly', {})).toMatchObject({ mode: 'read-only' });
    expect(await f.call(desk, 'desk.status', {})).toMatchObject({ mode: 'read-only', problem: { kind: 'too-new' } });
    expect((await f.call(desk, 'declarations.list', {})).items.map((d) => d.id)).toEqual([id]);
    expect(await f.failure(desk, 'declarations.create', { ieFlag: 'I' })).toMatchObject({ code: 'READ_ONLY' });
    expect(await f.failure(desk, 'profiles.create', wangFang)).toMatchObject({ code: 'READ_ONLY' });
    expect(await f.failure(desk, 'ui.setState', { view: 'list' })).toMatchObject({ code: 'READ_ONLY' });
    // Getting the data out still works.
    const out = path.join(f.dir, 'out.swdx');
    expect((await f.call(desk, 'archive.export', { path: out })).counts.declarations).toBe(1);
    await desk.close();
    expect(f.sha256(dbFile())).toBe(before);
  });

  it('a data folder that cannot be written (a path under a regular file: tests run as root, where chmod stops nothing) gets “choose another folder”', async () => {
    const blocker = path.join(f.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file');
    const desk = f.open(path.join(blocker, 'data'));
    expect(await f.call(desk, 'desk.status', {})).toMatchObject({ mode: 'recovery', problem: { kind: 'unwritable' } });
    expect(await f.failure(desk, 'recovery.restoreLatest', {})).toMatchObject({ code: 'NOT_FOUND' });

    const refused = await f.failure(desk, 'desk.chooseFolder', { path: path.join(blocker, 'other'), copyData: false });
    expect(refused.code).toBe('BAD_INPUT');
    // The system's words (ENOTDIR…) are the detail; the sentence names the kind of cause.
    expect(refused.params).toMatchObject({ cause: 'not-a-directory', detail: expect.stringContaining('ENOTDIR') });
    expect(refused.message).toBe(
      `SW Desk cannot write in ${path.join(blocker, 'other')} (a file was found where a folder was expected)`,
    );
    expect(
      await f.failure(desk, 'desk.chooseFolder', { path: path.join(f.dir, 'elsewhere'), copyData: true }),
    ).toMatchObject({ code: 'INVALID_STATE' });

    const moved = await f.call(desk, 'desk.chooseFolder', { path: path.join(f.dir, 'elsewhere'), copyData: false });
    expect(moved).toMatchObject({ mode: 'normal', dataDir: path.join(f.dir, 'elsewhere') });
    expect(moved.note).toMatchObject({ reason: 'desk.folder-not-remembered-cli' });
    expect(moved.note?.message).toContain('--data');
    expect(await f.call(desk, 'desk.status', {})).toMatchObject({ mode: 'normal', needsSetup: true });
  });

  it('remembers a chosen folder for the next start, and copies the data there when asked', async () => {
    const id = await seeded();
    const locationFile = path.join(f.dir, 'config', 'location.json');
    const desk = f.open(f.dataDir, { locationFile });
    const target = path.join(f.dir, 'moved');
    expect(await f.failure(desk, 'desk.chooseFolder', { path: f.dataDir, copyData: true })).toMatchObject({
      code: 'BAD_INPUT',
    });
    const moved = await f.call(desk, 'desk.chooseFolder', { path: target, copyData: true });
    expect(moved).toMatchObject({ mode: 'normal', dataDir: target });
    expect((await f.call(desk, 'declarations.get', { id })).id).toBe(id);
    expect(fs.existsSync(dbFile())).toBe(true);
    await desk.close();

    const again = f.open(f.dataDir, { locationFile });
    expect(again.state().dataDir).toBe(target);
    await again.close();
    const refused = f.open(path.join(f.dir, 'third'), {});
    expect(await f.failure(refused, 'desk.chooseFolder', { path: target, copyData: true })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('restores a backup in normal use: the current database is kept aside and the restored one reopens', async () => {
    const desk = f.open();
    await f.call(desk, 'profiles.create', wangFang);
    const kept = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    const backup = await f.call(desk, 'backup.now', {});
    const later = await f.call(desk, 'declarations.create', { ieFlag: 'E' });
    await f.call(desk, 'declarations.delete', { ids: [kept.id] });

    expect(await f.failure(desk, 'backup.restore', { name: 'swdesk-manual-20000101T000000000Z.sqlite' })).toMatchObject(
      { code: 'NOT_FOUND' },
    );
    const result = await f.call(desk, 'backup.restore', { name: backup.name });
    expect(result.mode).toBe('normal');
    const ids = (await f.call(desk, 'declarations.list', {})).items.map((d) => d.id);
    expect(ids).toEqual([kept.id]);
    expect(ids).not.toContain(later.id);
    const aside = fs.readdirSync(path.join(f.dataDir, 'replaced'));
    expect(aside).toHaveLength(1);
  });

  it('a backup cut short is refused in normal use, naming it: the data stays as it was and the desk goes on working', async () => {
    const desk = f.open();
    await f.call(desk, 'profiles.create', wangFang);
    const kept = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    const backup = await f.call(desk, 'backup.now', {});
    const file = path.join(f.dataDir, 'backups', backup.name);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));

    const error = await f.failure(desk, 'backup.restore', { name: backup.name });
    expect(error).toMatchObject({
      code: 'INVALID_STATE',
      reason: 'desk.backup-unusable',
      params: { file: backup.name },
    });
    expect(error.message).toBe(
      `The backup cannot be restored: ${backup.name}: the database is damaged. The current database was not changed`,
    );
    expect((await f.call(desk, 'declarations.list', {})).items.map((d) => d.id)).toEqual([kept.id]);
    await f.call(desk, 'declarations.create', { ieFlag: 'E' });
    expect(fs.existsSync(path.join(f.dataDir, 'replaced'))).toBe(false);
  });

  it('a backup carries the attached PDFs: restored where they are gone; one altered in it is refused by name', async () => {
    const desk = f.open();
    await f.call(desk, 'profiles.create', wangFang);
    const id = await f.draft(desk, [{ op: 'set', path: 'head.CustomMaster', value: '2201' }]);
    const pdfs = [samplePdf({ text: 'Invoice 7' }), samplePdf({ text: 'Packing list 7' })];
    const attached = [];
    for (const [i, pdf] of pdfs.entries())
      attached.push(
        await f.call(desk, 'attachments.attach', {
          id,
          edocCode: `0000000${i + 1}`,
          fileName: i === 0 ? '发票.pdf' : '装箱单.pdf',
          contentBase64: Buffer.from(pdf).toString('base64'),
        }),
      );
    const backup = await f.call(desk, 'backup.now', {});
    await desk.close();
    const blobDir = attachmentBlobDir(f.dataDir);
    fs.rmSync(blobDir, { recursive: true });

    // Altered in the backup: refused naming the file, nothing written (no file taken in, no database put aside).
    const backupFile = path.join(f.dataDir, 'backups', backup.name);
    const intact = fs.readFileSync(backupFile);
    f.raw(backupFile, (db) =>
      db
        .prepare(`UPDATE backup_files SET bytes = ? WHERE sha256 = ?`)
        .run(Buffer.from('%PDF-1.4 forged'), sha256Of(pdfs[1] ?? new Uint8Array())),
    );
    const reopened = f.open();
    const refused = await f.failure(reopened, 'backup.restore', { name: backup.name });
    expect(refused.message).toContain(`装箱单.pdf (${attached[1]?.attachment.edocId})`);
    expect(fs.existsSync(blobDir)).toBe(false);
    expect(fs.existsSync(path.join(f.dataDir, 'replaced'))).toBe(false);

    fs.writeFileSync(backupFile, intact);
    expect((await f.call(reopened, 'backup.restore', { name: backup.name })).mode).toBe('normal');
    expect(fs.readdirSync(blobDir).sort()).toEqual(pdfs.map((p) => `${sha256Of(p)}.pdf`).sort());
    for (const [i, pdf] of pdfs.entries()) {
      const edocId = attached[i]?.attachment.edocId ?? '';
      const content = await f.call(reopened, 'attachments.content', { id, edocId });
      expect(Buffer.from(content.contentBase64, 'base64')).toEqual(Buffer.from(pdf));
    }
    f.raw(dbFile(), (db) =>
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'backup_files'`).all()).toEqual([]),
    );
  });
});
