import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, LibraryAfter, LibraryPage, Party, Product } from '../../../shared/api';
import type { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { renderOnOwnClient } from '../../../test-support/renderer/render-with-bridge';
import { useUi } from '../../state/ui-store';
import { messages } from '../../i18n/messages';
import { PartyPanel } from './party-panel';
import { ProductPanel } from './product-panel';

const at = '2026-11-22T08:00:00.000Z';
const id = (i: number) => `01a2049e-b64f-7413-8ff9-${String(i).padStart(12, '0')}`;
const products: Product[] = Array.from({ length: 250 }, (_v, i) => ({
  id: id(i),
  customer: '',
  fields: { CodeTS: '0808100000', GName: `商品${i}`, TradeCurr: 'USD' },
  learned: false,
  learnedFrom: '',
  learnedAt: null,
  useCount: 0,
  createdAt: at,
  updatedAt: at,
}));
const parties: Party[] = Array.from({ length: 250 }, (_v, i) => ({
  id: id(1000 + i),
  roles: [i % 2 === 0 ? 'agent' : 'trade'],
  overseas: false,
  customsCode: `3101${String(i).padStart(6, '0')}`,
  uscc: '',
  ciqCode: '',
  nameZh: `企业${i}`,
  nameEn: '',
  address: '',
  note: '',
  createdAt: at,
  updatedAt: at,
}));

/**
 * What main answers (main/db/repositories/library-page.ts), over a list the newest first: row n is the nth from the
 * end. The fake bridge checks each answer against the contract's page schema (and each call against its input
 * schema: `after` and `offset`), so a page main could not give, or a request main would refuse, fails the test; which
 * rows a keyset `after` selects is main's own test's business (main/core/libraries/library-paging.test.ts).
 */
function pageOf<T>(
  all: readonly T[],
  input: { offset?: number; after?: LibraryAfter; limit?: number },
): ApiResult<LibraryPage<T>> {
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const from = input.after ? all.length - input.after.row + 1 : offset;
  const items = all.slice(from, from + limit);
  const end = from + items.length;
  return {
    ok: true,
    value: {
      items,
      offset,
      total: all.length,
      totalExact: true,
      next:
        end < all.length
          ? { offset: offset + items.length, after: { updatedAt: at, row: all.length - end + 1 } }
          : null,
    },
  };
}

const lists = (fake: ReturnType<typeof createFakeBridge>, method: string) =>
  fake.calls.filter((c) => c.method === method).map((c) => c.input);

describe('library pages', () => {
  afterEach(cleanup);

  it('pages through 250 products with the buttons and PageDown / PageUp, keeps a page shown while the next loads, and starts a new search at page 1', async () => {
    let hold: Promise<void> | null = null;
    const fake = renderOnOwnClient(
      {
        'products.list': async (input) => {
          if (hold) await hold;
          const q = input as { query: string; offset?: number; after?: LibraryAfter; limit?: number };
          return pageOf(
            products.filter((p) => (p.fields.GName ?? '').includes(q.query)),
            q,
          );
        },
      },
      <ProductPanel />,
    );
    await screen.findByText('第 1–100 条，共 250 条');
    expect(lists(fake, 'products.list')).toEqual([{ query: '', offset: 0, limit: 100 }]);
    expect(screen.getByRole('button', { name: '上一页' })).toHaveProperty('disabled', true);

    // The next page is held back: the first stays on screen meanwhile.
    let release = (): void => undefined;
    hold = new Promise((resolve) => (release = resolve));
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(lists(fake, 'products.list')).toHaveLength(2));
    expect(lists(fake, 'products.list')[1]).toEqual({
      query: '',
      offset: 100,
      after: { updatedAt: at, row: 151 },
      limit: 100,
    });
    expect(screen.getByText('商品99')).toBeTruthy();
    expect(screen.getByText('第 1–100 条，共 250 条')).toBeTruthy();
    hold = null;
    release();
    await screen.findByText('第 101–200 条，共 250 条');
    expect(screen.queryByText('商品99')).toBeNull();
    expect(screen.getByText('商品100')).toBeTruthy();

    const table = screen.getByRole('table', { name: '商品库' });
    fireEvent.keyDown(table, { key: 'PageDown' });
    await screen.findByText('第 201–250 条，共 250 条');
    expect(lists(fake, 'products.list').at(-1)).toEqual({
      query: '',
      offset: 200,
      after: { updatedAt: at, row: 51 },
      limit: 100,
    });
    expect(screen.getByText('商品249')).toBeTruthy();
    expect(screen.getByRole('button', { name: '下一页' })).toHaveProperty('disabled', true);
    expect(document.activeElement).toBe(table);

    fireEvent.keyDown(table, { key: 'PageUp' });
    await screen.findByText('第 101–200 条，共 250 条');
    fireEvent.click(screen.getByRole('button', { name: '上一页' }));
    await screen.findByText('第 1–100 条，共 250 条');
    expect(screen.getByRole('button', { name: '上一页' })).toHaveProperty('disabled', true);
    // Going back asks again for exactly the pages seen before, nothing else.
    expect(new Set(lists(fake, 'products.list').map((i) => JSON.stringify(i))).size).toBe(3);

    fireEvent.keyDown(table, { key: 'PageDown' });
    await screen.findByText('第 101–200 条，共 250 条');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '商品1' } });
    await screen.findByText('第 1–100 条，共 111 条');
    expect(lists(fake, 'products.list').at(-1)).toEqual({ query: '商品1', offset: 0, limit: 100 });
  });

  it('pages through 250 parties, and another role starts again at page 1', async () => {
    const fake = renderOnOwnClient(
      {
        'parties.list': (input) => {
          const q = input as { role?: string; offset?: number; after?: LibraryAfter; limit?: number };
          return pageOf(
            parties.filter((p) => !q.role || p.roles.includes(q.role as Party['roles'][number])),
            q,
          );
        },
      },
      <PartyPanel />,
    );
    await screen.findByText('第 1–100 条，共 250 条');
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('第 101–200 条，共 250 条');
    expect(screen.getByText('企业100')).toBeTruthy();
    expect(lists(fake, 'parties.list').at(-1)).toEqual({
      query: '',
      offset: 100,
      after: { updatedAt: at, row: 151 },
      limit: 100,
    });
    fireEvent.click(screen.getByRole('button', { name: '上一页' }));
    await screen.findByText('第 1–100 条，共 250 条');
    expect(screen.getByText('企业0')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText('第 101–200 条，共 250 条');
    fireEvent.change(screen.getByRole('combobox', { name: '角色' }), { target: { value: 'agent' } });
    await screen.findByText('第 1–100 条，共 125 条');
    expect(lists(fake, 'parties.list').at(-1)).toEqual({ query: '', role: 'agent', offset: 0, limit: 100 });
  });

  it('says how many there are when a page is empty, and "more than" when main counted only so far', async () => {
    renderOnOwnClient(
      {
        'products.list': () => ({
          ok: true,
          value: {
            items: products.slice(0, 100),
            offset: 0,
            total: 100_000,
            totalExact: false,
            next: { offset: 100, after: { updatedAt: at, row: 7 } },
          },
        }),
      },
      <ProductPanel />,
    );
    await screen.findByText('第 1–100 条，共超过 100000 条');
    cleanup();
    renderOnOwnClient(
      { 'parties.list': () => ({ ok: true, value: { items: [], offset: 0, total: 0, totalExact: true, next: null } }) },
      <PartyPanel />,
    );
    await screen.findByText('共 0 条');
    expect(screen.getByRole('button', { name: '下一页' })).toHaveProperty('disabled', true);
    // An empty library says how to fill it; a search that finds nothing says only that.
    expect(await screen.findByText('还没有记录：按“新增”逐条录入，或用“导入 (Excel/CSV)…”从文件导入')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '鲜果' } });
    expect(await screen.findByText('没有记录')).toBeTruthy();
    cleanup();
    // A later page emptied (its last rows deleted) is not an empty library: no hint to fill one.
    renderOnOwnClient(
      {
        'parties.list': () => ({
          ok: true,
          value: { items: [], offset: 100, total: 100, totalExact: true, next: null },
        }),
      },
      <PartyPanel />,
    );
    expect(await screen.findByText('没有记录')).toBeTruthy();
    expect(screen.queryByText(/^还没有记录/)).toBeNull();
  });

  it('in English a party’s roles are listed with a comma, not the Chinese 、', async () => {
    useUi.setState({ locale: 'en' });
    try {
      const both = { ...parties[0], roles: ['trade', 'agent'], nameZh: '上海捷通报关有限公司' } as Party;
      renderOnOwnClient({ 'parties.list': (input) => pageOf([both], input as { offset?: number }) }, <PartyPanel />);
      const row = await screen.findByRole('row', { name: /上海捷通报关有限公司/ });
      expect(row.textContent).toContain('Domestic consignee/consignor, Declaring agent');
    } finally {
      useUi.setState({ locale: 'zh-CN' });
    }
  });

  it('heads the parties’ and the products’ actions column as the templates’ one, in both languages', async () => {
    const heads = async (panel: 'parties' | 'products') => {
      if (panel === 'parties')
        renderOnOwnClient(
          { 'parties.list': (input) => pageOf(parties.slice(0, 2), input as { offset?: number }) },
          <PartyPanel />,
        );
      else
        renderOnOwnClient(
          { 'products.list': (input) => pageOf(products.slice(0, 2), input as { offset?: number }) },
          <ProductPanel />,
        );
      await screen.findAllByRole('button', { name: /编辑|Edit/ });
      const all = screen.getAllByRole('columnheader').map((th) => th.textContent ?? '');
      cleanup();
      return all;
    };
    try {
      for (const locale of ['zh-CN', 'en'] as const) {
        useUi.setState({ locale });
        for (const panel of ['parties', 'products'] as const)
          expect((await heads(panel)).at(-1)).toBe(messages[locale].actionsColumn);
      }
    } finally {
      useUi.setState({ locale: 'zh-CN' });
    }
  });
});
