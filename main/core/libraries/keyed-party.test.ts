import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchOp } from '../../../shared/api';
import type { Desk } from '../../desk/open-desk';
import { manualClock } from '../../../test-support/main/core-fixture';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { deskFixture } from '../../../test-support/main/desk-fixture';
import { wangFang } from '../../../test-support/main/profiles';

// The libraries learn from what is keyed: parties.keyed through the contract, as the editor calls it.

const fruit = {
  roles: ['trade' as const],
  customsCode: '3101230456',
  uscc: '91310000132212345R',
  ciqCode: '3100000123',
  nameZh: '上海鲜果贸易有限公司',
  nameEn: 'Shanghai Fresh Fruit Trading',
};
const set = (path: string, value: string): PatchOp => ({ op: 'set', path: `head.${path}`, value });

describe('a customs code or USCC keyed in a party box names its party', () => {
  let f: DeskFixture;
  let desk: Desk;
  const clock = manualClock();
  beforeEach(async () => {
    f = deskFixture();
    desk = f.open(path.join(f.dir, 'data'), { clock });
    await f.call(desk, 'profiles.create', wangFang);
  });
  afterEach(() => f.cleanup());

  async function declaration(ops: PatchOp[]) {
    clock.advance(60_000);
    const record = await f.call(desk, 'declarations.create', { ieFlag: 'I' });
    clock.advance(1000);
    await f.call(desk, 'declarations.update', { id: record.id, baseRevision: record.revision, ops });
    return record;
  }

  it('finds a party of the library by its customs code and by its USCC (in either case)', async () => {
    await f.call(desk, 'parties.save', fruit);
    const party = {
      nameZh: fruit.nameZh,
      nameEn: fruit.nameEn,
      customsCode: fruit.customsCode,
      uscc: fruit.uscc,
      ciqCode: fruit.ciqCode,
    };
    expect(await f.call(desk, 'parties.keyed', { kind: 'code', value: '3101230456' })).toEqual({
      source: 'library',
      party,
    });
    expect(await f.call(desk, 'parties.keyed', { kind: 'uscc', value: '91310000132212345r' })).toEqual({
      source: 'library',
      party,
    });
  });

  it('finds the newest declaration holding the code in any party box, leaving out the one being keyed', async () => {
    const older = await declaration([
      set('AgentName', '上海报关行'),
      set('AgentCode', '3120980123'),
      set('AgentCodeScc', '91310000MA1FL12345'),
      set('DeclCiqCode', '3100000999'),
    ]);
    const newer = await declaration([
      set('TradeName', '上海报关有限公司'),
      set('TradeCode', '3120980123'),
      set('TradeCiqCode', '3100000777'),
    ]);
    expect(await f.call(desk, 'parties.keyed', { kind: 'code', value: '3120980123' })).toEqual({
      source: 'declaration',
      clientSeqNo: newer.clientSeqNo,
      party: { nameZh: '上海报关有限公司', nameEn: '', customsCode: '3120980123', uscc: '', ciqCode: '3100000777' },
    });
    // The declaration being keyed is not its own source.
    expect(await f.call(desk, 'parties.keyed', { kind: 'code', value: '3120980123', exceptId: newer.id })).toEqual({
      source: 'declaration',
      clientSeqNo: older.clientSeqNo,
      party: {
        nameZh: '上海报关行',
        nameEn: '',
        customsCode: '3120980123',
        uscc: '91310000MA1FL12345',
        ciqCode: '3100000999',
      },
    });
    expect(await f.call(desk, 'parties.keyed', { kind: 'uscc', value: '91310000MA1FL12345' })).toMatchObject({
      source: 'declaration',
      clientSeqNo: older.clientSeqNo,
    });
    // A draft deleted here names nothing.
    await f.call(desk, 'declarations.delete', { ids: [older.id] });
    expect(await f.call(desk, 'parties.keyed', { kind: 'uscc', value: '91310000MA1FL12345' })).toBeNull();
  });

  it('takes the library before a declaration, even a newer one', async () => {
    await f.call(desk, 'parties.save', fruit);
    await declaration([set('TradeName', '上海鲜果（旧名）'), set('TradeCode', fruit.customsCode)]);
    expect(await f.call(desk, 'parties.keyed', { kind: 'code', value: fruit.customsCode })).toMatchObject({
      source: 'library',
      party: { nameZh: fruit.nameZh },
    });
  });

  it('names nothing for a code nobody holds, and refuses a code of the wrong length naming the field', async () => {
    await f.call(desk, 'parties.save', fruit);
    expect(await f.call(desk, 'parties.keyed', { kind: 'code', value: '3101230457' })).toBeNull();
    expect(await f.call(desk, 'parties.keyed', { kind: 'uscc', value: '91310000132212345X' })).toBeNull();
    const refused = await f.failure(desk, 'parties.keyed', { kind: 'code', value: '310123045' });
    expect(refused).toMatchObject({ code: 'BAD_INPUT', issues: [expect.objectContaining({ path: 'value' })] });
  });
});
