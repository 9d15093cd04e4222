import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { eachDeskFixture, twoMachines } from '../../../test-support/main/desk-fixture';
import { samplePdf } from '../../../test-support/shared/pdf';
import { attachmentBlobDir, sha256Of } from '../attachments/blob-store';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('the archive carries each attached 随附单据 file, once by its SHA-256, checked on import', () => {
  let f: DeskFixture;
  eachDeskFixture((fixture) => (f = fixture));

  const { machineA, machineB, archive } = twoMachines(() => f);
  const invoice = samplePdf({ text: 'Invoice 2026-118' });
  const packing = samplePdf({ text: 'Packing list 2026-118' });

  /** Machine A: two declarations; the first has an invoice and a packing list, the second the same invoice. */
  async function exportedWithTwoPdfs() {
    const a = f.open(machineA());
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { id } = await f.call(a, 'declarations.create', { ieFlag: 'I' });
      await f.call(a, 'declarations.update', {
        id,
        baseRevision: 1,
        ops: [{ op: 'set', path: 'head.CustomMaster', value: '2201' }],
      });
      ids.push(id);
    }
    const [first = '', second = ''] = ids;
    const attach = (id: string, edocCode: string, fileName: string, bytes: Uint8Array) =>
      f.call(a, 'attachments.attach', { id, edocCode, fileName, contentBase64: b64(bytes) });
    const inv = (await attach(first, '00000001', '发票.pdf', invoice)).attachment;
    const pack = (await attach(first, '00000002', '装箱单.pdf', packing)).attachment;
    await attach(second, '00000001', '发票.pdf', invoice);
    const exported = await f.call(a, 'archive.export', { path: archive() });
    await a.close();
    return { first, second, inv, pack, exported };
  }

  /** The archive's lines, changed and sealed again with a matching trailer (as someone who knows the format could). */
  function resealed(transform: (lines: string[]) => string[]): string {
    const lines = zlib.gunzipSync(fs.readFileSync(archive())).toString('utf8').trimEnd().split('\n');
    const body = transform(lines.slice(0, -1));
    const hash = crypto.createHash('sha256');
    for (const l of body) hash.update(l).update('\n');
    const file = path.join(f.dir, 'altered.swdx');
    const trailer = JSON.stringify({ t: 'end', lines: body.length, sha256: hash.digest('hex') });
    fs.writeFileSync(file, zlib.gzipSync(`${[...body, trailer].join('\n')}\n`));
    return file;
  }

  const blobsOnB = () => {
    const dir = attachmentBlobDir(machineB());
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  };

  it('round trip: two PDFs come over with their EdocIDs and bytes; the invoice two declarations name travels once', async () => {
    const { first, second, inv, pack, exported } = await exportedWithTwoPdfs();
    expect(exported.counts).toMatchObject({ declarations: 2, files: 2 });

    const b = f.open(machineB());
    expect((await f.call(b, 'archive.import', { path: archive() })).declarations).toEqual({ added: 2, skipped: 0 });
    expect(blobsOnB()).toEqual([`${sha256Of(invoice)}.pdf`, `${sha256Of(packing)}.pdf`].sort());
    expect((await f.call(b, 'attachments.list', { id: first })).map((x) => [x.edocId, x.fileName])).toEqual([
      [inv.edocId, '发票.pdf'],
      [pack.edocId, '装箱单.pdf'],
    ]);
    const content = await f.call(b, 'attachments.content', { id: first, edocId: pack.edocId });
    expect(Buffer.from(content.contentBase64, 'base64')).toEqual(Buffer.from(packing));
    expect(await f.call(b, 'attachments.list', { id: second })).toHaveLength(1);
  });

  it('refuses an archive whose file was altered (sealed again), naming the file, and writes nothing', async () => {
    const { pack } = await exportedWithTwoPdfs();
    const tampered = samplePdf({ text: 'Packing list 2026-119' });
    const isPacking = (l: string) => l.startsWith('{"t":"file"') && l.includes(sha256Of(packing));
    const file = resealed((lines) =>
      lines.map((line) =>
        isPacking(line)
          ? JSON.stringify({ t: 'file', sha256: sha256Of(packing), size: tampered.length, data: b64(tampered) })
          : line,
      ),
    );
    const b = f.open(machineB());
    const error = await f.failure(b, 'archive.import', { path: file });
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', reason: 'archive.file-damaged' });
    expect(error.message).toContain(`装箱单.pdf (${pack.edocId})`);
    expect((await f.call(b, 'declarations.list', {})).total).toBe(0);
    expect(blobsOnB()).toEqual([]);

    // Left out of the archive altogether: refused by name too.
    const without = resealed((lines) => lines.filter((l) => !isPacking(l)));
    expect(await f.failure(b, 'archive.import', { path: without })).toMatchObject({
      reason: 'archive.file-missing',
      message: expect.stringContaining(`装箱单.pdf (${pack.edocId})`),
    });
    expect((await f.call(b, 'declarations.list', {})).total).toBe(0);
  });

  it('imports an archive written before files travelled (no file records, no attachments on its declarations)', async () => {
    await exportedWithTwoPdfs();
    const file = resealed((lines) =>
      lines
        .filter((l) => !l.startsWith('{"t":"file"'))
        .map((l) => {
          if (!l.startsWith('{"t":"declaration"')) return l;
          const { attachments: _dropped, ...older } = JSON.parse(l) as Record<string, unknown>;
          return JSON.stringify(older);
        }),
    );
    const b = f.open(machineB());
    expect((await f.call(b, 'archive.import', { path: file })).declarations).toEqual({ added: 2, skipped: 0 });
    expect(blobsOnB()).toEqual([]);
  });
});
