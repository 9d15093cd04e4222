import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchOp } from '../../../shared/api';
import type { Desk } from '../../desk/open-desk';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { deskWithOperator } from '../../../test-support/main/desk-fixture';
import { liQiang, wangFang } from '../../../test-support/main/profiles';

// Templates by part, by name and as files; copying any declaration; the operator's defaults
// for new declarations — through the contract, as the renderer calls them.

const filled: PatchOp[] = [
  { op: 'set', path: 'head.TradeName', value: '上海鲜果贸易有限公司' },
  { op: 'set', path: 'head.TradeMode', value: '0110' },
  { op: 'set', path: 'head.BillNo', value: 'COSU6123456780' },
  { op: 'set', path: 'freeText[0].VoyNo', value: '012E' },
  { op: 'insertRow', table: 'lines', row: { CodeTS: '0808100000', GName: '鲜苹果' } },
  { op: 'insertRow', table: 'containers', row: { ContainerId: 'CSQU3054383' } },
  { op: 'insertRow', table: 'licenceDocs', row: { DocuCode: 'A', CertCode: '2201-2026-0001' } },
];

describe('repeat shipments: templates, copies and defaults', () => {
  let f: DeskFixture;
  let desk: Desk;
  beforeEach(async () => ({ f, desk } = await deskWithOperator(wangFang)));
  afterEach(() => f.cleanup());

  async function source() {
    const record = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    await f.call(desk, 'declarations.update', { id: record.id, baseRevision: record.revision, ops: filled });
    return f.call(desk, 'declarations.get', { id: record.id });
  }

  it('keeps the parts chosen, and starts a declaration from them', async () => {
    const from = await source();
    const saved = await f.call(desk, 'templates.save', {
      name: '鲜果表头',
      declarationId: from.id,
      parts: ['containers', 'head'],
    });
    expect(saved).toMatchObject({ parts: ['head', 'containers'], lineCount: 0 });
    const created = await f.call(desk, 'declarations.createFromTemplate', { templateId: saved.id });
    expect(created.doc.head).toMatchObject({
      TradeName: '上海鲜果贸易有限公司',
      BillNo: 'COSU6123456780',
      IEFlag: 'I',
    });
    expect(created.doc.lines).toEqual([]);
    expect(created.doc.tables).toMatchObject({
      containers: [{ ContainerId: 'CSQU3054383' }],
      freeText: [{ VoyNo: '012E' }],
    });
    expect(created.doc.tables.licenceDocs).toBeUndefined();
    const timeline = await f.call(desk, 'declarations.timeline', { id: created.id });
    // The shipment's own values it brought, which the editor warns of until the broker changes them.
    expect(timeline[0]?.changes).toMatchObject({
      template: '鲜果表头',
      carried: { 'head.BillNo': 'COSU6123456780', 'freeText[0].VoyNo': '012E' },
    });
  });

  it('finds templates by name or pinyin initials, renames them (a name in use is refused) and deletes them', async () => {
    const from = await source();
    const apples = await f.call(desk, 'templates.save', { name: '鲜苹果进口', declarationId: from.id });
    await f.call(desk, 'templates.save', { name: '汽车出口', declarationId: from.id });
    const names = async (query: string) => (await f.call(desk, 'templates.list', { query })).map((t) => t.name);
    expect(await names('xpg')).toEqual(['鲜苹果进口']);
    expect(await names('出口')).toEqual(['汽车出口']);
    expect(await names('')).toEqual(['汽车出口', '鲜苹果进口']);
    expect(await f.failure(desk, 'templates.rename', { id: apples.id, name: '汽车出口' })).toMatchObject({
      code: 'CONFLICT',
      issues: [expect.objectContaining({ path: 'name' })],
    });
    expect(await f.call(desk, 'templates.rename', { id: apples.id, name: ' 甲公司鲜苹果 ' })).toMatchObject({
      id: apples.id,
      name: '甲公司鲜苹果',
    });
    expect(await names('')).toEqual(['汽车出口', '甲公司鲜苹果']);
    expect(await f.call(desk, 'templates.delete', { id: apples.id })).toEqual({ deleted: 1 });
    expect(await names('')).toEqual(['汽车出口']);
  });

  it('carries templates to another desk as a file; a name in use there is refused unless replaced; a bad file writes nothing', async () => {
    const from = await source();
    await f.call(desk, 'templates.save', { name: '鲜果进口', declarationId: from.id, parts: ['head', 'lines'] });
    const file = await f.call(desk, 'templates.export', {});
    expect(file.fileName).toBe('鲜果进口.swtpl.json');

    const other = f.open(path.join(f.dir, 'other-desk'));
    await f.call(other, 'profiles.create', liQiang);
    expect(
      await f.call(other, 'templates.import', { fileName: file.fileName, contentBase64: file.contentBase64 }),
    ).toEqual({ imported: 1, replaced: 0, names: ['鲜果进口'] });
    const [copied] = await f.call(other, 'templates.list', {});
    expect(copied).toMatchObject({ name: '鲜果进口', parts: ['head', 'lines'], lineCount: 1 });
    const started = await f.call(other, 'declarations.createFromTemplate', { templateId: copied?.id ?? '' });
    // The operator of this desk, not the one who made the template.
    expect(started.doc.head).toMatchObject({ TradeName: '上海鲜果贸易有限公司', InputerName: '李强' });

    const again = await f.failure(other, 'templates.import', {
      fileName: file.fileName,
      contentBase64: file.contentBase64,
    });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('鲜果进口') });
    expect(
      await f.call(other, 'templates.import', {
        fileName: file.fileName,
        contentBase64: file.contentBase64,
        replace: true,
      }),
    ).toEqual({ imported: 0, replaced: 1, names: ['鲜果进口'] });

    const body = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as {
      templates: Array<{ name: string; doc: { head: Record<string, string> } }>;
    };
    const second = {
      ...body,
      templates: [
        { ...body.templates[0], name: '好的' },
        { ...body.templates[0], name: '坏的', doc: { ...body.templates[0]?.doc, head: { NoSuchField: 'x' } } },
      ],
    };
    const bad = await f.failure(other, 'templates.import', {
      fileName: 'bad.json',
      contentBase64: Buffer.from(JSON.stringify(second)).toString('base64'),
    });
    expect(bad).toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringMatching(/bad\.json: template 2 "坏的": .*NoSuchField.*nothing was imported/),
    });
    expect(
      await f.failure(other, 'templates.import', {
        fileName: 'x.json',
        contentBase64: Buffer.from('not json').toString('base64'),
      }),
    ).toMatchObject({ code: 'IMPORT_FAILED' });
    expect((await f.call(other, 'templates.list', {})).map((t) => t.name)).toEqual(['鲜果进口']);
  });

  it('refuses to rename or export a template that is not here, to export none, or to import an empty file, naming it', async () => {
    const unknown = '01a2049e-b64f-7413-8ff9-f1a7a1258340';
    expect(await f.failure(desk, 'templates.export', {})).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There are no templates to export',
    });
    expect(await f.failure(desk, 'templates.export', { ids: [unknown] })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(unknown),
    });
    expect(await f.failure(desk, 'templates.rename', { id: unknown, name: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
    const none = Buffer.from(JSON.stringify({ format: 'swdesk-templates', version: 1, templates: [] })).toString(
      'base64',
    );
    expect(await f.failure(desk, 'templates.import', { fileName: 'empty.json', contentBase64: none })).toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining('empty.json'),
    });
  });

  it('refuses default values before there is an operator profile', async () => {
    const other = f.open(path.join(f.dir, 'no-profile'));
    expect(await f.call(other, 'defaults.get', {})).toEqual({
      profileId: null,
      operator: null,
      head: {},
      line: {},
      import: { head: {}, line: {} },
      export: { head: {}, line: {} },
    });
    expect(await f.failure(other, 'defaults.update', { head: { TradeMode: '0110' }, line: {} })).toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('copies any declaration, whatever its status, to a new draft without our and customs identifiers, with or without its goods lines', async () => {
    const from = await source();
    await desk.close();
    f.raw(path.join(f.dataDir, 'swdesk.sqlite'), (db) => {
      db.prepare(
        `UPDATE declarations SET workflow = 'sent', status = 'released', channel = 'P', entry_id = '220120261000000123', seq_no = 'Z1100000130808751' WHERE id = ?`,
      ).run(from.id);
      const head = JSON.parse(
        (db.prepare(`SELECT head FROM declarations WHERE id = ?`).get(from.id) as { head: string }).head,
      ) as Record<string, string>;
      db.prepare(`UPDATE declarations SET head = ? WHERE id = ?`).run(
        JSON.stringify({
          ...head,
          EntryId: '220120261000000123',
          SeqNo: 'Z1100000130808751',
          PreEntryId: '220120261000000001',
        }),
        from.id,
      );
      db.prepare(
        `INSERT OR REPLACE INTO declaration_rows (declaration_id, tbl, seq, data) VALUES (?, 'sign', 0, ?)`,
      ).run(
        from.id,
        JSON.stringify({
          ClientSeqNo: from.clientSeqNo,
          Sign: 'abc',
          SignDate: '2026112208000000',
          ICCode: '8931000012345',
        }),
      );
    });
    desk = f.open();
    const copy = await f.call(desk, 'declarations.copy', { id: from.id, keepLines: true });
    expect(copy).toMatchObject({ workflow: 'draft', status: 'draft', entryId: null, seqNo: null, lineCount: 1 });
    expect(copy.clientSeqNo).not.toBe(from.clientSeqNo);
    expect(copy.doc.head).toMatchObject({
      TradeName: '上海鲜果贸易有限公司',
      BillNo: 'COSU6123456780',
      InputerName: '王芳',
    });
    expect(copy.doc.head).not.toHaveProperty('EntryId');
    expect(copy.doc.head).not.toHaveProperty('SeqNo');
    expect(copy.doc.head).not.toHaveProperty('PreEntryId');
    expect(copy.doc.tables.sign).toEqual([{ ICCode: '8931000012345', OperName: '王芳', CopCode: 'MA1H7AAA0' }]);
    expect(copy.doc.tables).toMatchObject({
      containers: [{ ContainerId: 'CSQU3054383' }],
      licenceDocs: [{ DocuCode: 'A' }],
    });
    expect((await f.call(desk, 'declarations.timeline', { id: copy.id }))[0]?.changes).toMatchObject({
      copiedFrom: from.clientSeqNo,
      copiedEntryId: '220120261000000123',
      carried: { 'head.BillNo': 'COSU6123456780', 'freeText[0].VoyNo': '012E' },
    });

    const headOnly = await f.call(desk, 'declarations.copy', { id: from.id, keepLines: false });
    expect(headOnly.doc.lines).toEqual([]);
    expect(headOnly.doc.head.TradeName).toBe('上海鲜果贸易有限公司');
    expect(
      await f.failure(desk, 'declarations.copy', { id: '01a2049e-b64f-7413-8ff9-f1a7a1258340', keepLines: true }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the other declarations with the same 提运单号 (as typed or in capitals), newest first, not the one asking nor one deleted', async () => {
    const first = await source();
    const second = await f.call(desk, 'declarations.copy', { id: first.id, keepLines: false });
    const deleted = await f.call(desk, 'declarations.copy', { id: first.id, keepLines: false });
    await f.call(desk, 'declarations.delete', { ids: [deleted.id] });
    const other = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    await f.call(desk, 'declarations.update', {
      id: other.id,
      baseRevision: other.revision,
      ops: [{ op: 'set', path: 'head.BillNo', value: 'COSU6999999990' }],
    });
    const uses = (billNo: string, exceptId?: string) =>
      f.call(desk, 'declarations.withBillNo', { billNo, ...(exceptId ? { exceptId } : {}) });
    expect(await uses('COSU6123456780', first.id)).toEqual([
      { id: second.id, clientSeqNo: second.clientSeqNo, status: 'draft' },
    ]);
    expect((await uses('cosu6123456780')).map((u) => u.id)).toEqual([second.id, first.id]);
    expect(await uses('COSU0000000000')).toEqual([]);
    expect(await f.failure(desk, 'declarations.withBillNo', { billNo: '  ' })).toMatchObject({ code: 'BAD_INPUT' });
  });

  it('fills new declarations with the operator’s defaults; the profile’s fields win over them, a template over both but the profile', async () => {
    const defaults = await f.call(desk, 'defaults.update', {
      head: {
        CustomMaster: '2201',
        IEPort: '2248',
        TradeMode: '0110',
        CutMode: '101',
        TransMode: '1',
        WrapType: '22',
        TrafMode: '2',
        EdiId: '1',
        EntryType: '0',
        DeclTrnRel: '0',
        PromiseItmes: '00099',
        NoteS: ' ',
      },
      line: { DutyMode: '1' },
    });
    expect(defaults).toMatchObject({ operator: '王芳', line: { DutyMode: '1' } });
    expect(defaults.head).not.toHaveProperty('NoteS');
    const created = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    expect(created.doc.head).toMatchObject({
      CustomMaster: '2201',
      TradeMode: '0110',
      PromiseItmes: '00099',
      EdiId: '1',
      AgentName: '上海捷通报关有限公司',
    });
    expect((await f.call(desk, 'declarations.timeline', { id: created.id }))[0]?.changes).toMatchObject({
      fromDefaults: expect.arrayContaining(['head.TradeMode']),
    });

    const from = await source();
    await f.call(desk, 'declarations.update', {
      id: from.id,
      baseRevision: from.revision,
      ops: [
        { op: 'set', path: 'head.TradeMode', value: '0214' },
        { op: 'set', path: 'head.AgentName', value: '别的报关行' },
      ],
    });
    const template = await f.call(desk, 'templates.save', { name: '来料加工', declarationId: from.id });
    const started = await f.call(desk, 'declarations.createFromTemplate', { templateId: template.id });
    expect(started.doc.head).toMatchObject({
      TradeMode: '0214',
      CustomMaster: '2201',
      AgentName: '上海捷通报关有限公司',
    });

    // Another operator has defaults of their own (none yet).
    await f.call(desk, 'profiles.create', liQiang);
    expect((await f.call(desk, 'declarations.create', { ieFlag: 'I' })).doc.head).not.toHaveProperty('TradeMode');
  });

  it.each([
    ['a code the table does not have', { head: { TransMode: '9' }, line: {} }, 'head.TransMode', 'unknown-code'],
    [
      'a field the profile fills',
      { head: { AgentName: 'x' }, line: {} },
      'head.AgentName',
      'libraries.head-not-defaultable',
    ],
    ['a number customs gives', { head: { EntryId: '1' }, line: {} }, 'head.EntryId', 'libraries.head-not-defaultable'],
    ['a goods-line value of the wrong format', { head: {}, line: { CodeTS: '0808' } }, 'line.CodeTS', 'hs-code-format'],
  ])(
    'refuses default values with %s, naming the field, and keeps the ones before',
    async (_name, input, path, code) => {
      await f.call(desk, 'defaults.update', { head: { TradeMode: '0110' }, line: {} });
      expect(await f.failure(desk, 'defaults.update', input)).toMatchObject({
        code: 'BAD_INPUT',
        issues: [expect.objectContaining({ path, code })],
      });
      expect((await f.call(desk, 'defaults.get', {})).head).toEqual({ TradeMode: '0110' });
    },
  );
});
