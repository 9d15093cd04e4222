import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../desk/open-desk';
import { manualClock } from '../../../test-support/main/core-fixture';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { deskWithOperator } from '../../../test-support/main/desk-fixture';
import { csvSource } from '../../../test-support/main/library-files';
import { wangFang } from '../../../test-support/main/profiles';

// Paging the party and product libraries (parties.list, products.list) over a real SQLite file:
// 200 rows from one import (one updated_at, so the order within it is the tie-break's) and 50
// saved one by one, ten at a time, then read page by page.

const productName = (i: number) => `商品${String(i).padStart(3, '0')}`;
const partyName = (i: number) => `测试贸易${String(i).padStart(3, '0')}有限公司`;
type Start = { offset: number; after?: { updatedAt: string; row: number } };

describe('library pages', () => {
  let f: DeskFixture;
  let desk: Desk;
  const clock = manualClock();
  beforeEach(async () => ({ f, desk } = await deskWithOperator(wangFang, { clock })));
  afterEach(() => f.cleanup());

  async function importRows(kind: 'parties' | 'products', lines: string[]): Promise<void> {
    const source = csvSource(lines.join('\n'), `${kind}.csv`);
    const { mapping } = await f.call(desk, 'libraries.preview', { kind, source });
    expect(
      await f.call(desk, 'libraries.import', {
        kind,
        importId: `01a2049e-b64f-7413-8ff9-${kind === 'parties' ? '00000000000a' : '00000000000b'}`,
        source,
        mapping,
      }),
    ).toMatchObject({ written: true, added: 200 });
  }

  /** 250 products, each name once; returns the names in the order they were written. */
  async function fillProducts(): Promise<string[]> {
    await importRows('products', [
      '商品编号,商品名称,币制',
      ...Array.from({ length: 200 }, (_v, i) => `0808100000,${productName(i)},USD`),
    ]);
    for (let i = 200; i < 250; i++) {
      if (i % 10 === 0) clock.advance(1000);
      await f.call(desk, 'products.save', {
        fields: { CodeTS: '0808100000', GName: productName(i), TradeCurr: 'USD' },
      });
    }
    return Array.from({ length: 250 }, (_v, i) => productName(i));
  }

  async function fillParties(): Promise<string[]> {
    const code = (i: number) => `3101${String(i).padStart(6, '0')}`;
    await importRows('parties', [
      '企业名称,海关编码,角色',
      ...Array.from(
        { length: 200 },
        (_v, i) => `${partyName(i)},${code(i)},${i % 4 === 0 ? '申报单位' : '境内收发货人'}`,
      ),
    ]);
    for (let i = 200; i < 250; i++) {
      if (i % 10 === 0) clock.advance(1000);
      await f.call(desk, 'parties.save', {
        roles: [i % 4 === 0 ? 'agent' : 'trade'],
        nameZh: partyName(i),
        customsCode: code(i),
      });
    }
    return Array.from({ length: 250 }, (_v, i) => partyName(i));
  }

  /** Every page from the first, following each page's `next` (or only its offset); the names in the order shown. */
  async function walk(
    read: (
      start: Start,
    ) => Promise<{ items: string[]; offset: number; total: number; totalExact: boolean; next: Start | null }>,
    options: { offsetOnly?: boolean } = {},
  ) {
    const names: string[] = [];
    const totals = new Set<number>();
    let start: Start | null = { offset: 0 };
    for (let pages = 0; start && pages < 50; pages++) {
      const page = await read(start);
      expect(page.offset).toBe(start.offset);
      expect(page.totalExact).toBe(true);
      totals.add(page.total);
      names.push(...page.items);
      start = page.next && options.offsetOnly ? { offset: page.next.offset } : page.next;
      if (start) expect(page.items.length).toBe(60);
    }
    return { names, totals: [...totals] };
  }

  const products = (input: { query?: string; learned?: boolean }) => async (start: Start) => {
    const page = await f.call(desk, 'products.list', {
      query: input.query ?? '',
      ...(input.learned === undefined ? {} : { learned: input.learned }),
      ...start,
      limit: 60,
    });
    return { ...page, items: page.items.map((p) => p.fields.GName ?? '') };
  };
  const parties = (input: { query?: string; role?: 'agent' }) => async (start: Start) => {
    const page = await f.call(desk, 'parties.list', {
      query: input.query ?? '',
      ...(input.role ? { role: input.role } : {}),
      ...start,
      limit: 60,
    });
    return { ...page, items: page.items.map((p) => p.nameZh) };
  };

  it('reads all 250 products page by page, newest first, none skipped or repeated, the same order by offset and by search', async () => {
    const written = await fillProducts();
    const newestFirst = [...written].reverse();
    const byKey = await walk(products({}));
    expect(byKey.names).toEqual(newestFirst);
    expect(byKey.totals).toEqual([250]);
    expect((await walk(products({}), { offsetOnly: true })).names).toEqual(newestFirst);
    expect((await walk(products({ learned: false }))).names).toEqual(newestFirst);
    expect(await f.call(desk, 'products.list', { query: '', learned: true, limit: 60 })).toMatchObject({
      items: [],
      total: 0,
      totalExact: true,
      next: null,
    });

    // A search pages through its ranked matches: each once, and the same order every time.
    const search = await walk(products({ query: '0808' }));
    expect(search.totals).toEqual([250]);
    expect(new Set(search.names).size).toBe(250);
    expect([...search.names].sort()).toEqual([...written].sort());
    expect((await walk(products({ query: '0808' }))).names).toEqual(search.names);
  });

  it('reads all 250 parties page by page, newest first, and a role’s own pages', async () => {
    const written = await fillParties();
    const byKey = await walk(parties({}));
    expect(byKey.names).toEqual([...written].reverse());
    expect(byKey.totals).toEqual([250]);
    const agents = await walk(parties({ role: 'agent' }));
    expect(agents.names).toEqual(written.filter((_n, i) => i % 4 === 0).reverse());
    expect(agents.totals).toEqual([63]);
    const search = await walk(parties({ query: '3101' }));
    expect(new Set(search.names).size).toBe(250);
    expect((await walk(parties({ query: '3101' }))).names).toEqual(search.names);
  });

  it('goes on after the last row shown even when that row is deleted, and after an edit moved a row to the top', async () => {
    await fillProducts();
    const first = await f.call(desk, 'products.list', { query: '', limit: 60 });
    const [top] = first.items;
    const last = first.items.at(-1);
    if (!top || !last || !first.next) throw new Error('expected a full first page');
    await f.call(desk, 'products.delete', { ids: [last.id] });
    clock.advance(1000);
    // An edit moves a row of page 2 to the top: page 2 then starts one row later, nothing is shown twice.
    const second = await f.call(desk, 'products.list', { query: '', ...first.next, limit: 60 });
    const moved = second.items[0];
    if (!moved) throw new Error('expected a second page');
    await f.call(desk, 'products.save', { id: moved.id, fields: { ...moved.fields, DeclPrice: '3' } });
    const again = await f.call(desk, 'products.list', { query: '', ...first.next, limit: 60 });
    expect(second.items[0]?.fields.GName).toBe(productName(189));
    expect(again.items).toHaveLength(60);
    expect(again.items.slice(0, 59).map((p) => p.fields.GName)).toEqual(
      second.items.slice(1).map((p) => p.fields.GName),
    );
    expect(again.items.map((p) => p.id)).not.toContain(moved.id);
    expect(again.total).toBe(249);
    expect((await f.call(desk, 'products.list', { query: '', limit: 1 })).items[0]?.id).toBe(moved.id);
    expect(top.fields.GName).toBe(productName(249));
  });

  it.each([
    ['a negative offset', { offset: -1 }, 'offset'],
    ['an offset that is not a whole number', { offset: 1.5 }, 'offset'],
    ['a page of no rows', { limit: 0 }, 'limit'],
    ['a page of 201 rows', { limit: 201 }, 'limit'],
    ['an after with no row', { after: { updatedAt: '2026-11-22T08:00:00.000Z', row: 0 } }, 'after.row'],
    ['an after of something else', { after: { updatedAt: '2026-11-22T08:00:00.000Z', row: 5, id: 'x' } }, 'after'],
    ['an after with a search', { query: '0808', after: { updatedAt: '2026-11-22T08:00:00.000Z', row: 5 } }, 'after'],
  ])('refuses %s, naming the field, and changes nothing', async (_name, input, path) => {
    await f.call(desk, 'products.save', { fields: { CodeTS: '0808100000', GName: '鲜苹果' } });
    await f.call(desk, 'parties.save', { roles: ['trade'], nameZh: '上海鲜果贸易有限公司', customsCode: '3101230456' });
    for (const method of ['products.list', 'parties.list'] as const) {
      const error = await f.failure(desk, method, { query: '', ...input });
      // The field is named by the issue, which the renderer words; the message no longer carries zod's English.
      expect(error).toMatchObject({ code: 'BAD_INPUT', issues: [expect.objectContaining({ path })] });
    }
    expect((await f.call(desk, 'products.list', { query: '' })).items.map((p) => p.fields.GName)).toEqual(['鲜苹果']);
    expect((await f.call(desk, 'parties.list', { query: '' })).items.map((p) => p.nameZh)).toEqual([
      '上海鲜果贸易有限公司',
    ]);
  });
});
