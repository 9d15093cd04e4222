import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Desk } from '../../desk/open-desk';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { deskWithOperator } from '../../../test-support/main/desk-fixture';
import { wangFang } from '../../../test-support/main/profiles';

const pair = path.resolve(import.meta.dirname, '../../../test-support/main/fixtures/invoice-pair');
const file = (name: string) => ({
  fileName: name,
  contentBase64: fs.readFileSync(path.join(pair, name)).toString('base64'),
});
const truth = JSON.parse(fs.readFileSync(path.join(pair, 'truth.json'), 'utf8')) as {
  extraction: { lines: Record<string, string>[]; head: Record<string, string> };
};

describe('the pipeline with the real reader, parser and proposer', () => {
  let f: DeskFixture;
  let desk: Desk;
  afterEach(() => f.cleanup());

  it('reads a text PDF invoice and its packing list into the lines and head values they print, with their pages', async () => {
    ({ f, desk } = await deskWithOperator(wangFang));
    const record = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    const { jobId } = await f.call(desk, 'extract.start', {
      id: record.id,
      files: [file('invoice.pdf'), file('packing-list.pdf')],
    });
    await vi.waitFor(
      async () => expect(await f.call(desk, 'extract.status', { jobId })).toMatchObject({ state: 'done', error: null }),
      {
        timeout: 60_000,
      },
    );
    const { extraction, files } = await f.call(desk, 'extract.result', { jobId });
    expect(files.map((x) => [x.fileName, x.pages.length, x.pages[0]?.kind])).toEqual([
      ['invoice.pdf', 1, 'text-pdf'],
      ['packing-list.pdf', 1, 'text-pdf'],
    ]);
    // What the reader and parser get right on this pair today (the names since the radicals are read as ideographs);
    // units are theirs to measure (bench/).
    const fields = ['GName', 'GModel', 'GQty', 'DeclPrice', 'DeclTotal', 'OriginCountry', 'NetWt', 'GrossWt'] as const;
    expect(extraction.lines.map((l) => fields.map((k) => l.values[k]?.value))).toEqual(
      truth.extraction.lines.map((l) => fields.map((k) => l[k])),
    );
    expect(extraction.head.ContrNo?.source?.fileName).toBe('invoice.pdf');
    expect(extraction.head.TransMode?.value).toBe(truth.extraction.head.TransMode);
    expect(extraction.lines[0]?.values.GName?.source?.box).toBeDefined();
    const picture = await f.call(desk, 'extract.page', { jobId, file: 1, page: 0, maxWidth: 400 });
    expect([picture.width, Buffer.from(picture.pngBase64, 'base64').subarray(1, 4).toString()]).toEqual([400, 'PNG']);
  }, 90_000);
});
