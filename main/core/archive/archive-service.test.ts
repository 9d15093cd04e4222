import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { eachDeskFixture, twoMachines } from '../../../test-support/main/desk-fixture';
import { liQiang, wangFang } from '../../../test-support/main/profiles';
import { buildDecModHead } from '../../../shared/modify/mod-request';

describe('export of everything to one archive, and import on another machine', () => {
  let f: DeskFixture;
  eachDeskFixture((fixture) => (f = fixture));

  const { machineA, machineB, archive } = twoMachines(() => f);

  /**
   * Machine A: a profile, a declaration with lines, a receipt and its accepted submission, a queued one, a template.
   */
  async function machineAWithData() {
    let desk = f.open(machineA());
    await f.call(desk, 'profiles.create', wangFang);
    const released = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    await f.call(desk, 'declarations.update', {
      id: released.id,
      baseRevision: 1,
      ops: [
        { op: 'set', path: 'head.BillNo', value: 'COSU6123456780' },
        { op: 'insertRow', table: 'lines', row: { GName: '鲜苹果', CodeTS: '0808100000' } },
      ],
    });
    const queued = await f.call(desk, 'declarations.create', { ieFlag: 'E' });
    await f.call(desk, 'templates.save', { name: '鲜果进口', declarationId: released.id });
    // A full 计量单位 table imported from the official parameter file (the built-in one is partial).
    await f.call(desk, 'codes.import', {
      table: 'units',
      content: 'code,name_zh\n035,千克\n999,测试单位\n',
      encoding: 'text',
      fileName: 'units.csv',
    });
    const { keyId } = await f.call(desk, 'keys.status', {});
    await desk.close();
    f.raw(path.join(machineA(), 'swdesk.sqlite'), (db) => {
      db.prepare(
        `UPDATE declarations SET workflow = 'sent', status = 'released', channel = 'P', entry_id = '220120261000000123' WHERE id = ?`,
      ).run(released.id);
      db.prepare(
        `INSERT INTO receipts (receipt_id, declaration_id, submission_id, client_seq_no, channel, note, notice_date, source, raw, received_at) VALUES ('r1', ?, 's0', ?, 'P', '海关已放行', '2026-11-22', 'hub', '{}', 't')`,
      ).run(released.id, released.clientSeqNo);
      db.prepare(
        `INSERT INTO outbox (submission_id, declaration_id, revision, state, envelope, signature, key_id, digest, created_at, updated_at) VALUES ('s0', ?, 2, 'accepted', '{}', 'sig', ?, 'd', 't', 't')`,
      ).run(released.id, keyId);
      db.prepare(
        `INSERT INTO outbox (submission_id, declaration_id, revision, state, envelope, signature, key_id, digest, created_at, updated_at) VALUES ('s1', ?, 1, 'queued', '{}', 'sig', ?, 'd', 't', 't')`,
      ).run(queued.id, keyId);
      db.prepare(`UPDATE declarations SET workflow = 'queued', status = 'queued' WHERE id = ?`).run(queued.id);
      // A 修改申请 the hub approved (kept with its answer), and one still waiting to go out (this machine's alone).
      const request = db.prepare(
        `INSERT INTO mod_requests (request_id, declaration_id, kind, state, revision, reason_case, note, head, changes,
         envelope, signature, key_id, digest, mod_seq_no, answer, created_at, updated_at)
         VALUES (?, ?, 'modify', ?, 3, 2, '溢装', ?, '[]', '{}', 'sig', ?, 'd', ?, ?, ?, 't')`,
      );
      const head = JSON.stringify(
        buildDecModHead({
          kind: 'modify',
          head: {},
          entryId: '220120261000000123',
          seqNo: null,
          ieFlag: 'I',
          reasonCase: 2,
          note: '溢装',
        }),
      );
      request.run(
        'm1',
        released.id,
        'approved',
        head,
        keyId,
        'M20260000000000001',
        '{"at":"t","note":"已通过","reasons":[]}',
        't1',
      );
      request.run('m2', released.id, 'queued', head, keyId, null, null, 't2');
    });
    desk = f.open(machineA());
    return { desk, released, queued };
  }

  it('carries declarations, their history, receipts, templates and profiles over; waiting ones come in as drafts; a second import adds nothing', async () => {
    const { desk: a, released, queued } = await machineAWithData();
    const exported = await f.call(a, 'archive.export', { path: archive() });
    expect(exported.counts).toMatchObject({ declarations: 2, receipts: 1, templates: 1, profiles: 1, codeTables: 1 });
    expect(exported.bytes).toBe(fs.statSync(archive()).size);

    const b = f.open(machineB());
    await f.call(b, 'profiles.create', liQiang);
    const report = await f.call(b, 'archive.import', { path: archive() });
    expect(report).toMatchObject({
      declarations: { added: 2, skipped: 0 },
      receipts: { added: 1 },
      templates: { added: 1 },
      profiles: { added: 1 },
      codeTables: { added: 1 },
      conflicts: [],
    });
    expect(await f.call(b, 'codes.get', { table: 'units', code: '999' })).toMatchObject({ name_zh: '测试单位' });
    expect(report.returnedToDraft).toEqual([queued.clientSeqNo]);

    const copy = await f.call(b, 'declarations.get', { id: released.id });
    expect(copy).toMatchObject({
      status: 'released',
      entryId: '220120261000000123',
      doc: {
        head: { BillNo: 'COSU6123456780', AgentCode: '3120980123', InputerName: '王芳' },
        lines: [{ GName: '鲜苹果' }],
      },
    });
    expect((await f.call(b, 'declarations.receipts', { id: released.id })).map((r) => r.note)).toEqual(['海关已放行']);
    // The answered 修改申请 comes with its answer; the waiting one stays on machine A.
    expect(await f.call(b, 'declarations.modRequests', { id: released.id })).toMatchObject([
      { requestId: 'm1', state: 'approved', modSeqNo: 'M20260000000000001', answer: { note: '已通过' } },
    ]);
    const timeline = await f.call(b, 'declarations.timeline', { id: released.id });
    expect(timeline.map((t) => [t.action, t.actor])).toEqual([
      ['create', '王芳·8931000012345'],
      ['edit', '王芳·8931000012345'],
      ['import', '李强·8931000067890'],
    ]);
    expect(await f.call(b, 'declarations.get', { id: queued.id })).toMatchObject({ workflow: 'draft' });
    expect((await f.call(b, 'outbox.list', {})).map((o) => o.submissionId)).toEqual(['s0']); // history only: nothing will be sent from here
    expect((await f.call(b, 'templates.list', {})).map((t) => t.name)).toEqual(['鲜果进口']);
    // The operator on this machine stays the current one.
    expect((await f.call(b, 'profiles.list', {})).filter((p) => p.current).map((p) => p.operator.name)).toEqual([
      '李强',
    ]);

    const again = await f.call(b, 'archive.import', { path: archive() });
    expect(again).toMatchObject({
      declarations: { added: 0, skipped: 2 },
      receipts: { added: 0, skipped: 1 },
      templates: { added: 0, skipped: 1 },
      profiles: { added: 0, skipped: 1 },
      codeTables: { added: 0, skipped: 1 },
    });
    expect((await f.call(b, 'declarations.list', {})).total).toBe(2);
  });

  it('does not take a declaration whose client sequence number is used here by another one, and names it', async () => {
    const { desk: a, released } = await machineAWithData();
    await f.call(a, 'archive.export', { path: archive() });
    const b = f.open(machineB());
    const mine = await f.call(b, 'declarations.create', { ieFlag: 'I' });
    await b.close();
    f.raw(path.join(machineB(), 'swdesk.sqlite'), (db) =>
      db.prepare(`UPDATE declarations SET client_seq_no = ? WHERE id = ?`).run(released.clientSeqNo, mine.id),
    );
    const reopened = f.open(machineB());
    const report = await f.call(reopened, 'archive.import', { path: archive() });
    expect(report.conflicts).toEqual([released.clientSeqNo]);
    expect(report.declarations).toEqual({ added: 1, skipped: 1 });
    expect((await f.call(reopened, 'declarations.get', { id: mine.id })).id).toBe(mine.id);
  });

  // Template names differing only in Latin letter case are one name (templates-repo byName): an archive's "export
  // fob" beside this desk's "Export FOB" made two, and save(replace) or rename then acted on either.
  it('skips a template whose name is taken here in another letter case', async () => {
    const { desk: a, released } = await machineAWithData();
    await f.call(a, 'templates.save', { name: 'export fob', declarationId: released.id });
    await f.call(a, 'archive.export', { path: archive() });
    const b = f.open(machineB());
    const mine = await f.call(b, 'declarations.create', { ieFlag: 'I' });
    await f.call(b, 'templates.save', { name: 'Export FOB', declarationId: mine.id });
    const report = await f.call(b, 'archive.import', { path: archive() });
    expect(report.templates).toEqual({ added: 1, skipped: 1 });
    expect((await f.call(b, 'templates.list', {})).map((t) => t.name).sort()).toEqual(['Export FOB', '鲜果进口']);
  });

  describe('refusals (each changes nothing)', () => {
    async function freshB() {
      const b = f.open(machineB());
      await f.call(b, 'declarations.list', {});
      return b;
    }

    async function rewritten(transform: (lines: string[]) => string[]): Promise<string> {
      const { desk } = await machineAWithData();
      await f.call(desk, 'archive.export', { path: archive() });
      const lines = zlib.gunzipSync(fs.readFileSync(archive())).toString('utf8').trimEnd().split('\n');
      const file = path.join(f.dir, 'altered.swdx');
      fs.writeFileSync(file, zlib.gzipSync(`${transform(lines).join('\n')}\n`));
      return file;
    }

    it('a file that is not an archive', async () => {
      const b = await freshB();
      const file = path.join(f.dir, 'notes.txt');
      fs.writeFileSync(file, 'hello');
      // zlib's words are the detail, for support; the sentence says what is wrong.
      expect(await f.failure(b, 'archive.import', { path: file })).toMatchObject({
        code: 'IMPORT_FAILED',
        message: `${file} is not a whole SW Desk archive (it is not compressed as an archive is); nothing was imported`,
        params: { kind: 'not-gzip', detail: 'incorrect header check' },
      });
      // A folder given as the archive: the system's refusal, named by its kind.
      expect(await f.failure(b, 'archive.import', { path: f.dir })).toMatchObject({
        params: { cause: 'is-a-directory', detail: expect.stringContaining('EISDIR') },
      });
      expect(await f.failure(b, 'archive.import', { path: path.join(f.dir, 'missing.swdx') })).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await f.failure(b, 'archive.import', { path: 'relative/file.swdx' })).toMatchObject({ code: 'BAD_INPUT' });
    });

    it('an archive cut short while copying', async () => {
      const { desk } = await machineAWithData();
      await f.call(desk, 'archive.export', { path: archive() });
      const bytes = fs.readFileSync(archive());
      const cut = path.join(f.dir, 'cut.swdx');
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const b = await freshB();
      const refused = await f.failure(b, 'archive.import', { path: cut });
      expect(refused).toMatchObject({ code: 'IMPORT_FAILED' });
      // zlib notices the cut end, or the reading finds no end marker first: either way the sentence says so.
      expect(refused.params?.kind ?? refused.reason).toMatch(/^(cut-short|archive\.incomplete)$/);
      expect((await f.call(b, 'declarations.list', {})).total).toBe(0);
    });

    it('an archive altered after it was written (its checksum no longer matches)', async () => {
      const file = await rewritten((lines) => lines.map((l) => l.replace('COSU6123456780', 'COSU0000000000')));
      const b = await freshB();
      expect(await f.failure(b, 'archive.import', { path: file })).toMatchObject({
        code: 'IMPORT_FAILED',
        message: expect.stringContaining('checksum'),
      });
      expect((await f.call(b, 'declarations.list', {})).total).toBe(0);
    });

    /** The archive with its records changed by `change` and its end line's checksum made to match again. */
    async function resealed(change: (body: string[]) => string[]): Promise<string> {
      const crypto = await import('node:crypto');
      return rewritten((lines) => {
        const body = change(lines.slice(0, -1));
        const hash = crypto.createHash('sha256');
        for (const l of body) hash.update(l).update('\n');
        return [...body, JSON.stringify({ t: 'end', lines: body.length, sha256: hash.digest('hex') })];
      });
    }

    it('a record that is not one (even with a matching checksum), naming its line and what is wrong', async () => {
      const file = await resealed((body) => {
        body.splice(2, 0, JSON.stringify({ t: 'declaration', row: { id: 'x' } }));
        return body;
      });
      const b = await freshB();
      const error = await f.failure(b, 'archive.import', { path: file });
      // The sentence says what is wrong; zod's words (the field, its check) are only the detail, for 详情.
      expect(error).toMatchObject({
        code: 'IMPORT_FAILED',
        message: `${file}, line 3: it is not a record SW Desk writes; nothing was imported`,
        params: { line: 3, kind: 'not-a-record', detail: expect.stringContaining('row') },
      });
      expect((await f.call(b, 'declarations.list', {})).total).toBe(0);
    });

    it('a template whose document is not a declaration, named as such', async () => {
      let at = 0;
      const file = await resealed((body) =>
        body.map((l, i) => {
          const record = JSON.parse(l) as { t: string; doc?: string };
          if (record.t !== 'template' || at > 0) return l;
          at = i + 1;
          return JSON.stringify({ ...record, doc: '[1, 2]' });
        }),
      );
      expect(at).toBeGreaterThan(0);
      const b = await freshB();
      expect(await f.failure(b, 'archive.import', { path: file })).toMatchObject({
        message: `${file}, line ${at}: a template is not a declaration; nothing was imported`,
        params: { kind: 'template', detail: expect.stringContaining('is not a declaration document') },
      });
      expect((await f.call(b, 'templates.list', {})).length).toBe(0);
    });

    it('an export over an existing file (unless a save dialog asked), or into a folder that does not exist', async () => {
      const { desk } = await machineAWithData();
      fs.writeFileSync(archive(), 'keep me');
      expect(await f.failure(desk, 'archive.export', { path: archive() })).toMatchObject({ code: 'BAD_INPUT' });
      expect(fs.readFileSync(archive(), 'utf8')).toBe('keep me');
      expect(
        await f.failure(desk, 'archive.export', { path: path.join(f.dir, 'no-such-folder', 'x.swdx') }),
      ).toMatchObject({ code: 'BAD_INPUT' });
      expect((await f.call(desk, 'archive.export', { path: archive(), overwrite: true })).counts.declarations).toBe(2);
    });
  });
});
