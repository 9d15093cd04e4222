import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { readDecMessage } from '../../../shared/interchange';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import type { BridgeSetupOptions } from '../../../test-support/main/bridge-fixture';
import { bridgeBase, bridgeEngineOn } from '../../../test-support/main/bridge-fixture';
import { cleanupsPerTest } from '../../../test-support/main/cleanups';
import { tempDir } from '../../../test-support/main/temp-dir';
import { samplePdf } from '../../../test-support/shared/pdf';
import { createAttachmentFilesRepo } from '../../db/repositories/attachment-files-repo';
import { createAttachmentService } from '../attachments/attachment-service';
import { createBlobStore } from '../attachments/blob-store';
import { createDeclareAction } from '../declarations/declare';

describe('e-port client folder bridge', () => {
  const cleanups = cleanupsPerTest();

  function setup(options: BridgeSetupOptions = {}) {
    const { fx, impPath, client } = bridgeBase(cleanups, options);
    const { bridge, files, attachmentsDir, ls } = bridgeEngineOn(fx, impPath, cleanups, {
      attachmentBytes: (edocId) => attachments.bytesForEdocId(edocId),
    });
    const attachments = createAttachmentService(fx.ctx, {
      files: createAttachmentFilesRepo(fx.db),
      blobs: createBlobStore(path.join(attachmentsDir, 'sha256')),
      repo: fx.repo,
      declarations: fx.declarations,
    });
    const declare = createDeclareAction(fx.ctx, {
      repo: fx.repo,
      outbox: fx.outbox,
      keys: fx.keys,
      catalog: goodsDeclaration,
      attachmentRefs: (doc) => attachments.refsFor(doc),
      onQueued: () => bridge.enqueued(),
    });
    async function declared(
      edit: (doc: ReturnType<typeof sampleDeclaration>) => void = () => {},
      beforeDeclare: (id: string) => void = () => {},
    ) {
      const record = fx.declarations.create({ ieFlag: 'I' });
      const doc = sampleDeclaration(2);
      for (const line of doc.lines) delete line.GNo;
      edit(doc);
      const ops = [
        ...Object.entries(doc.head).map(([k, value]) => ({ op: 'set' as const, path: `head.${k}`, value })),
        ...doc.lines.map((row) => ({ op: 'insertRow' as const, table: 'lines', row })),
        ...Object.entries(doc.tables).flatMap(([table, rows]) =>
          rows.map((row) => ({ op: 'insertRow' as const, table, row })),
        ),
      ];
      fx.declarations.update({ id: record.id, baseRevision: record.revision, ops });
      beforeDeclare(record.id);
      await declare(record.id);
      return fx.declarations.get(record.id);
    }
    const backups = () =>
      (fs.readdirSync(path.join(impPath, 'SwDeskBackup'), { recursive: true }) as string[]).filter((f) =>
        f.endsWith('.xml'),
      );
    return { fx, impPath, client, bridge, files, declared, ls, backups, attachmentsDir, attachments };
  }

  it('writes a declared message into OutBox and applies the receipts the e-port client returns', async () => {
    const { fx, client, bridge, files, declared, ls, backups, impPath } = setup({
      client: { channels: ['7', 'L', 'P'], encoding: 'gb2312' },
    });
    const record = await declared();
    await bridge.syncNow();
    expect(ls('OutBox')).toHaveLength(1);
    const [name] = ls('OutBox');
    const xml = fs.readFileSync(path.join(impPath, 'OutBox', name ?? ''), 'utf8');
    const message = readDecMessage(goodsDeclaration, xml).doc;
    expect(message.tables.sign?.[0]).toMatchObject({ ClientSeqNo: record.clientSeqNo, OperType: 'C' });
    expect(message.tables.sign?.[0]?.Sign).toBeUndefined();
    expect(message.head.AgentName).toBe('上海示例报关有限公司');
    expect(fx.outbox.list(10, ['sending'])).toHaveLength(1);
    expect(bridge.status()).toMatchObject({ state: 'online', outbox: { sending: 1 } });

    const [handled] = client.step();
    expect(handled).toMatchObject({ clientSeqNo: record.clientSeqNo, operType: 'C', sign: '' });
    expect(ls('InBox')).toHaveLength(4);
    await bridge.syncNow();
    const after = fx.declarations.get(record.id);
    expect(after).toMatchObject({
      workflow: 'sent',
      status: 'released',
      channel: 'P',
      seqNo: handled?.seqNo,
      entryId: expect.stringMatching(/^\d{18}$/),
    });
    expect(fx.declarations.receipts(record.id).map((r) => [r.channel, r.source])).toEqual([
      ['0', 'bridge'],
      ['7', 'bridge'],
      ['L', 'bridge'],
      ['P', 'bridge'],
    ]);
    expect(fx.declarations.receipts(record.id)[3]?.noticeDate).toBe('2026-11-22T07:03:12.000Z');
    expect(fx.outbox.list(10, ['accepted'])).toHaveLength(1);
    expect(ls('InBox')).toEqual([]);
    expect(backups()).toHaveLength(4);
    expect(files.counts()).toEqual({ applied: 4, unmatched: 0, unreadable: 0 });
    expect(fx.events.some((e) => e.event === 'notice' && (e.payload as { kind: string }).kind === 'released')).toBe(
      true,
    );
  });

  it('never applies a file twice: a copy delivered again, or a restart before the move, only moves it', async () => {
    const { fx, client, bridge, declared, ls, impPath, backups } = setup({ client: { channels: ['L'] } });
    const record = await declared();
    await bridge.syncNow();
    const [handled] = client.step();
    const receiptFile = handled?.receipts[1] ?? '';
    const bytes = fs.readFileSync(receiptFile);
    await bridge.syncNow();
    expect(fx.declarations.receipts(record.id)).toHaveLength(2);
    // The same receipt again under another name, and again under its own.
    fs.writeFileSync(path.join(impPath, 'InBox', 'again.xml'), bytes);
    fs.writeFileSync(receiptFile, bytes);
    // A restarted engine on the same database.
    await bridge.stop();
    const restarted = setup({ fx, impPath });
    await restarted.bridge.syncNow();
    expect(fx.declarations.receipts(record.id)).toHaveLength(2);
    expect(ls('InBox')).toEqual([]);
    expect(backups()).toHaveLength(4);
    expect(fx.declarations.timeline(record.id).filter((r) => r.action === 'receipt')).toHaveLength(2);
  });

  it('shows a message the e-port client refused (FailBox) on the declaration, which becomes editable', async () => {
    const { fx, client, bridge, declared, ls } = setup({ client: { refuse: () => true } });
    const record = await declared();
    await bridge.syncNow();
    client.step();
    expect(ls('FailBox')).toHaveLength(2);
    await bridge.syncNow();
    const after = fx.declarations.get(record.id);
    expect(after).toMatchObject({ status: 'refused', channel: '1' });
    expect(after.rejection?.[0]?.message).toBe('表头[申报地海关]不能为空');
    expect(fx.declarations.receipts(record.id).map((r) => r.channel)).toEqual(['1', '1']);
    expect(ls('FailBox')).toEqual([]);
    expect(() =>
      fx.declarations.update({
        id: record.id,
        baseRevision: after.revision,
        ops: [{ op: 'set', path: 'head.CustomMaster', value: '2201' }],
      }),
    ).not.toThrow();
  });

  it('keeps receipts it cannot match and moves unreadable files aside, each recorded once', async () => {
    const { fx, bridge, files, impPath, ls } = setup();
    fs.writeFileSync(
      path.join(impPath, 'InBox', 'stranger.xml'),
      '<DEC_DATA><DEC_RESULT><SEQ_NO>NOSUCH</SEQ_NO><CHANNEL>Q9</CHANNEL></DEC_RESULT></DEC_DATA>',
    );
    fs.writeFileSync(path.join(impPath, 'InBox', 'junk.xml'), '<DEC_DATA><DEC_RES');
    fs.writeFileSync(path.join(impPath, 'FailBox', 'notes.txt'), 'client error 42');
    await bridge.syncNow();
    expect(files.counts()).toEqual({ applied: 0, unmatched: 1, unreadable: 2 });
    expect(fx.db.prepare(`SELECT channel, declaration_id AS d FROM receipts`).all()).toEqual([
      { channel: 'Q9', d: null },
    ]);
    expect(ls('InBox')).toEqual([]);
    expect(
      fs
        .readdirSync(path.join(impPath, 'SwDeskBackup', 'Unreadable'), { recursive: true })
        .filter((f) => String(f).includes('.')),
    ).toHaveLength(2);
    // Which file, why and where it went is said, and still said after a pass with nothing wrong.
    const setAside = {
      reason: 'bridge.file-set-aside',
      params: {
        file: expect.stringMatching(/^(InBox\/junk\.xml|FailBox\/notes\.txt)$/),
        movedTo: expect.stringContaining(path.join('SwDeskBackup', 'Unreadable')),
      },
    };
    expect(bridge.detail().lastSetAside).toMatchObject(setAside);
    await bridge.syncNow();
    expect(bridge.detail()).toMatchObject({ lastError: null, lastSetAside: setAside });
  });

  it("a file it cannot move aside names why in the broker's language: the system failure's kind, its words for support", async () => {
    const { bridge, impPath } = setup();
    fs.writeFileSync(path.join(impPath, 'InBox', 'junk.xml'), '<DEC_DATA><DEC_RES');
    // A file where the folder of unreadable files should be: moving the file aside fails with ENOTDIR.
    fs.mkdirSync(path.join(impPath, 'SwDeskBackup'), { recursive: true });
    fs.writeFileSync(path.join(impPath, 'SwDeskBackup', 'Unreadable'), 'not a folder');
    await bridge.syncNow();
    expect(bridge.status().lastError).toMatchObject({
      reason: 'bridge.file-failed',
      message: 'InBox/junk.xml was not processed: a file was found where a folder was expected',
      params: { problem: '', cause: 'not-a-directory', detail: expect.stringContaining('ENOTDIR') },
    });
  });

  it('after a crash between marking an item sending and the rename, writes it again; never twice while it waits', async () => {
    const { fx, bridge, declared, ls } = setup({ client: { idle: true } });
    const record = await declared();
    const [item] = fx.outbox.list(1, ['queued']);
    fx.outbox.markSending(item?.submissionId ?? '', 'crash');
    await bridge.syncNow();
    expect(ls('OutBox')).toHaveLength(1);
    fx.clock.advance(10_000);
    await bridge.syncNow();
    expect(ls('OutBox')).toHaveLength(1);
    expect(fx.outbox.get(item?.submissionId ?? '')).toMatchObject({ state: 'sending', attempts: 2 });
    expect(fx.declarations.get(record.id).workflow).toBe('queued');
  });

  it('writes the attachments an EdocRealation names before the message, and waits for a missing one', async () => {
    const { fx, bridge, declared, ls, attachmentsDir } = setup({ client: { idle: true } });
    const record = await declared(
      (doc) =>
        (doc.tables.edocs = [
          { EdocID: '2201000000011M20261122000000001.pdf', EdocCode: '00000001', EdocFomatType: 'US' },
        ]),
    );
    await bridge.syncNow();
    expect(ls('OutBox')).toEqual([]);
    const [waiting] = fx.outbox.list(1, ['queued']);
    // Why it waits, as a reason the renderer words in the broker's language.
    expect(waiting?.lastError).toMatchObject({
      reason: 'bridge.attachment-missing',
      params: { file: '2201000000011M20261122000000001.pdf', folder: path.join(attachmentsDir, record.id) },
    });
    fs.mkdirSync(path.join(attachmentsDir, record.id), { recursive: true });
    fs.writeFileSync(path.join(attachmentsDir, record.id, '2201000000011M20261122000000001.pdf'), '%PDF-1.4 invoice');
    fx.clock.advance(10 * 60_000);
    await bridge.syncNow();
    expect(ls('OutBox')).toEqual(
      ['2201000000011M20261122000000001.pdf', `${record.clientSeqNo}_${waiting?.submissionId}.xml`].sort(),
    );
  });

  it('a write that fails names the kind of cause, the system’s words kept for support', async () => {
    const { fx, bridge, declared, ls, attachmentsDir } = setup({ client: { idle: true } });
    const edocId = '2201000000011M20261122000000002.pdf';
    const record = await declared(
      (doc) => (doc.tables.edocs = [{ EdocID: edocId, EdocCode: '00000001', EdocFomatType: 'US' }]),
    );
    // A folder where the attachment's file should be: reading it fails with EISDIR.
    fs.mkdirSync(path.join(attachmentsDir, record.id, edocId), { recursive: true });
    await bridge.syncNow();
    expect(ls('OutBox')).toEqual([]);
    const [failed] = fx.outbox.list(1, ['queued', 'sending']);
    expect(failed?.lastError).toMatchObject({
      reason: 'bridge.write-failed',
      message:
        'The declaration could not be written to OutBox (a folder was found where a file was expected); it is tried again',
      params: { cause: 'is-a-directory', detail: expect.stringContaining('EISDIR') },
    });
  });

  it('writes the PDFs attached in the editor into OutBox under their EdocIDs, the bytes as attached', async () => {
    const { bridge, declared, ls, impPath, attachments } = setup({ client: { idle: true } });
    const pdfs = [samplePdf({ text: 'invoice' }), samplePdf({ text: 'packing list' })];
    const edocIds: string[] = [];
    const record = await declared(undefined, (id) => {
      for (const [i, code] of ['00000001', '00000002'].entries()) {
        const contentBase64 = Buffer.from(pdfs[i] ?? []).toString('base64');
        edocIds.push(
          attachments.attach({ id, edocCode: code, fileName: `${code}.pdf`, contentBase64 }).attachment.edocId,
        );
      }
    });
    await bridge.syncNow();
    const xml = ls('OutBox').filter((n) => n.endsWith('.xml'));
    expect(ls('OutBox')).toEqual([...edocIds, ...xml].sort());
    for (const [i, edocId] of edocIds.entries())
      expect(fs.readFileSync(path.join(impPath, 'OutBox', edocId))).toEqual(Buffer.from(pdfs[i] ?? []));
    const message = readDecMessage(
      goodsDeclaration,
      fs.readFileSync(path.join(impPath, 'OutBox', xml[0] ?? ''), 'utf8'),
    );
    expect(message.doc.tables.edocs?.map((e) => e.EdocID)).toEqual(edocIds);
    expect(record.doc.tables.edocs).toHaveLength(2);
  });

  it('refuses folder settings that cannot work and stores nothing', () => {
    const { fx, bridge } = setup();
    const before = bridge.detail().config;
    const empty = tempDir('swdesk-empty-');
    cleanups.push(empty.cleanup);
    const attempt = (impPath: string) => {
      try {
        bridge.configure({ impPath, backupPath: null, operType: 'G', pollMs: 1_000, createFolders: false });
      } catch (error) {
        return error instanceof AppError ? error.message : String(error);
      }
      return 'stored';
    };
    expect(attempt('relative/ImpPath')).toMatch(/full path/);
    expect(attempt(path.join(empty.dir, 'missing'))).toMatch(/does not exist or is not a folder/);
    expect(attempt(empty.dir)).toMatch(/no writable OutBox/);
    expect(bridge.detail().config).toEqual(before);
    bridge.configure({ impPath: empty.dir, backupPath: null, operType: 'G', pollMs: 1_000, createFolders: true });
    expect(fs.readdirSync(empty.dir).sort()).toEqual(['FailBox', 'InBox', 'OutBox', 'SentBox', 'SwDeskBackup']);
    expect(bridge.detail().config).toMatchObject({ impPath: empty.dir, operType: 'G' });
    expect(fx.settings.read('bridge.config', z.object({ impPath: z.string() }), { impPath: '' }).impPath).toBe(
      empty.dir,
    );
  });

  it('creates a missing ImpPath with its folders when asked to; unasked, refuses naming it and makes nothing', () => {
    const { bridge } = setup();
    const parent = tempDir('swdesk-parent-');
    cleanups.push(parent.cleanup);
    const impPath = path.join(parent.dir, 'ImpPath', 'Deccus001');
    const configure = (createFolders: boolean) =>
      bridge.configure({ impPath, backupPath: null, operType: 'C', pollMs: 1_000, createFolders });
    expect(() => configure(false)).toThrow(`ImpPath ${impPath} does not exist or is not a folder`);
    expect(fs.readdirSync(parent.dir)).toEqual([]);
    configure(true);
    expect(fs.readdirSync(impPath).sort()).toEqual(['FailBox', 'InBox', 'OutBox', 'SentBox', 'SwDeskBackup']);
    expect(bridge.detail().config).toMatchObject({ impPath });
    // A file where ImpPath should be is refused, naming the path, even when asked to create.
    const file = path.join(parent.dir, 'a-file');
    fs.writeFileSync(file, '');
    expect(() =>
      bridge.configure({ impPath: file, backupPath: null, operType: 'C', pollMs: 1_000, createFolders: true }),
    ).toThrow(`ImpPath ${file} does not exist or is not a folder`);
  });

  it('runs by itself once started: picks up what the client returns without being asked', async () => {
    const { fx, client, bridge, declared } = setup({ client: { channels: ['P'] } });
    const record = await declared();
    bridge.start();
    await expect.poll(() => client.step().length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => fx.declarations.get(record.id).status, { timeout: 10_000 }).toBe('released');
  });
});
