import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { eachDeskFixture } from '../../../test-support/main/desk-fixture';
import { wangFang } from '../../../test-support/main/profiles';

describe('the archive carries the party and product libraries and the operator’s defaults', () => {
  let f: DeskFixture;
  eachDeskFixture((fixture) => (f = fixture));

  it('exports them, imports them on another machine, and adds nothing the second time', async () => {
    const a = f.open(path.join(f.dir, 'machine-a'));
    await f.call(a, 'profiles.create', wangFang);
    await f.call(a, 'defaults.update', { head: { TradeMode: '0110', CustomMaster: '2201' }, line: { DutyMode: '1' } });
    await f.call(a, 'defaults.update', { direction: 'E', head: { IEPort: '2201' }, line: { DutyMode: '3' } });
    await f.call(a, 'parties.save', {
      roles: ['trade'],
      customsCode: '3101230456',
      uscc: '91310000132212345R',
      nameZh: '上海鲜果贸易有限公司',
    });
    await f.call(a, 'parties.save', { roles: ['overseas'], nameEn: 'WASHINGTON APPLE GROWERS LLC' });
    await f.call(a, 'products.save', {
      customer: '3101230456',
      fields: { CodeTS: '0808100000', GName: '鲜苹果', OriginCountry: 'USA' },
    });
    const file = path.join(f.dir, 'everything.swdx');
    expect((await f.call(a, 'archive.export', { path: file })).counts).toMatchObject({
      parties: 2,
      products: 1,
      profiles: 1,
    });

    const b = f.open(path.join(f.dir, 'machine-b'));
    const report = await f.call(b, 'archive.import', { path: file });
    expect(report).toMatchObject({
      parties: { added: 2, skipped: 0 },
      products: { added: 1, skipped: 0 },
      profiles: { added: 1 },
    });
    expect((await f.call(b, 'parties.search', { query: 'shxg' })).map((p) => p.uscc)).toEqual(['91310000132212345R']);
    // By the initials of its short name (鲜果贸易), which the importing desk works out itself.
    expect((await f.call(b, 'parties.search', { query: 'xgmy' })).map((p) => p.uscc)).toEqual(['91310000132212345R']);
    expect((await f.call(b, 'products.search', { query: '0808' }))[0]?.fields).toEqual({
      CodeTS: '0808100000',
      GName: '鲜苹果',
      OriginCountry: 'USA',
    });
    expect(await f.call(b, 'defaults.get', {})).toMatchObject({
      operator: '王芳',
      head: { TradeMode: '0110', CustomMaster: '2201' },
      line: { DutyMode: '1' },
      import: { head: {}, line: {} },
      export: { head: { IEPort: '2201' }, line: { DutyMode: '3' } },
    });

    const again = await f.call(b, 'archive.import', { path: file });
    expect(again).toMatchObject({ parties: { added: 0, skipped: 2 }, products: { added: 0, skipped: 1 } });
  });
});
