import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryImportReport, Party, Product } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { useUi } from '../../state/ui-store';
import { renderOnOwnClient } from '../../../test-support/renderer/render-with-bridge';
import { declarationRecord, templateSummary } from '../../../test-support/shared/records';
import { reportCsv } from './library-import-dialog';
import type { PickerTarget } from './library-pickers';
import { declarationCustomer, PartyPicker, ProductPicker } from './library-pickers';
import { useLibraryUi } from './library-store';
import { TemplatePicker } from './template-picker';
import { freshFruitTrader } from '../../../test-support/shared/parties';

const at = '2026-11-22T08:00:00.000Z';
const fruit: Party = {
  ...freshFruitTrader,
  id: '01a2049e-b64f-7413-8ff9-000000000001',
  overseas: false,
  createdAt: at,
  updatedAt: at,
};
const agent: Party = {
  ...fruit,
  id: '01a2049e-b64f-7413-8ff9-000000000002',
  roles: ['trade'],
  customsCode: '3101239999',
  uscc: '',
  ciqCode: '',
  nameZh: '上海果品进出口有限公司',
};
const apple: Product = {
  id: '01a2049e-b64f-7413-8ff9-000000000003',
  customer: '',
  fields: {
    CodeTS: '0808100000',
    GName: '鲜苹果',
    GModel: '0|3|鲜|富士',
    GUnit: '035',
    OriginCountry: 'USA',
    DeclPrice: '2.5',
    TradeCurr: 'USD',
  },
  learned: true,
  learnedFrom: '220120261000000123',
  learnedAt: at,
  useCount: 3,
  createdAt: at,
  updatedAt: at,
};

function target(doc: DeclarationDoc, ieFlag: 'I' | 'E' = 'I') {
  const set: Record<string, string> = {};
  const commits: string[] = [];
  const t: PickerTarget = {
    doc,
    ieFlag,
    setField: (path, value) => void (set[path] = value),
    commit: (path) => void commits.push(path),
  };
  return { t, set, commits };
}

describe('library pickers', () => {
  afterEach(() => {
    cleanup();
    useLibraryUi.setState({ partyPicker: null, productPicker: null, templatePicker: false });
  });

  it('finds parties of the box’s role from what the box holds; ↓ and Enter fill its code, name, USCC and CIQ code together', async () => {
    const { t, set, commits } = target({ head: { TradeName: '上海' }, lines: [], tables: {} });
    const fake = renderOnOwnClient(
      { 'parties.search': () => ({ ok: true, value: [fruit, agent] }) },
      <PartyPicker slot="trade" target={t} />,
    );
    const box = screen.getByRole('combobox', { name: '海关编码、信用代码、名称或拼音首字母' });
    expect((box as HTMLInputElement).value).toBe('上海');
    await screen.findByRole('option', { name: /上海果品进出口有限公司/ });
    expect(fake.calls[0]?.input).toEqual({ query: '上海', role: 'trade' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(set).toEqual({
      'head.TradeName': '上海鲜果贸易有限公司',
      'head.TradeCode': '3101230456',
      'head.TradeCoScc': '91310000132212345R',
      'head.TradeCiqCode': '3100000123',
      'head.DomesticConsigneeEname': '',
    });
    expect(commits).toEqual(['head.TradeName']);
    expect(useUi.getState().notices.at(-1)?.message('zh-CN')).toBe('已填入 上海鲜果贸易有限公司');
    expect(useUi.getState().notices.at(-1)?.message('en')).toBe('Filled in 上海鲜果贸易有限公司');
  });

  it('searches every role when asked, and fills nothing when closed with Esc', async () => {
    const { t, set } = target({ head: {}, lines: [], tables: {} });
    const fake = renderOnOwnClient(
      { 'parties.search': () => ({ ok: true, value: [] }) },
      <PartyPicker slot="agent" target={t} />,
    );
    await screen.findByText('没有匹配的记录');
    fireEvent.click(screen.getByLabelText('只显示此角色'));
    await waitFor(() => expect(fake.calls.at(-1)?.input).toEqual({ query: '' }));
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    expect(set).toEqual({});
  });

  it('fills an export goods line from a product: the origin by meaning, quantities kept, the use counted', async () => {
    useLibraryUi.setState({ productPicker: 0 });
    const { t, set } = target(
      { head: {}, lines: [{ GQty: '10', OriginCountry: 'JPN', CodeTS: '0808' }], tables: {} },
      'E',
    );
    const fake = renderOnOwnClient(
      {
        'products.search': () => ({ ok: true, value: [apple] }),
        'products.used': () => ({ ok: true, value: { useCount: 4 } }),
      },
      <ProductPicker line={0} target={t} />,
    );
    fireEvent.click(await screen.findByRole('option', { name: /0808100000 鲜苹果/ }));
    expect(fake.calls[0]?.input).toEqual({ query: '0808' });
    expect(set).toMatchObject({
      'lines[0].CodeTS': '0808100000',
      'lines[0].GModel': '0|3|鲜|富士',
      'lines[0].DestinationCountry': 'USA',
      'lines[0].ExgNo': '',
    });
    expect(set).not.toHaveProperty('lines[0].GQty');
    expect(set).not.toHaveProperty('lines[0].OriginCountry');
    await waitFor(() => expect(fake.calls.map((c) => c.method)).toContain('products.used'));
    expect(useLibraryUi.getState().productPicker).toBeNull();
  });

  it('asks for the declaration’s 境内收发货人’s products first, and lists them in the order main ranks them', async () => {
    useLibraryUi.setState({ productPicker: 0 });
    const theirs: Product = {
      ...apple,
      id: '01a2049e-b64f-7413-8ff9-000000000005',
      customer: '3101230456',
      fields: { CodeTS: '0808301000', GName: '鸭梨' },
    };
    const head = {
      TradeCode: '3101230456',
      TradeCoScc: '91310000132212345R',
      TradeName: ' 上海鲜果贸易有限公司 ',
      TradeCiqCode: '3100000123',
    };
    const { t } = target({ head, lines: [{ CodeTS: '0808' }], tables: {} });
    const fake = renderOnOwnClient(
      { 'products.search': () => ({ ok: true, value: [theirs, apple] }) },
      <ProductPicker line={0} target={t} />,
    );
    await screen.findByRole('option', { name: /鸭梨/ });
    expect(fake.calls[0]?.input).toEqual({
      query: '0808',
      customer: { code: '3101230456', uscc: '91310000132212345R', name: '上海鲜果贸易有限公司' },
    });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringContaining('鸭梨'),
      expect.stringContaining('鲜苹果'),
    ]);
    // A value longer than the search takes (a draft may hold one) is left out rather than refused.
    expect(declarationCustomer({ TradeCode: '', TradeName: '某'.repeat(201) })).toBeUndefined();
    expect(declarationCustomer({ TradeCode: '3101230456', TradeCoScc: 'x'.repeat(101) })).toEqual({
      code: '3101230456',
    });
  });

  it('starts a declaration from the template chosen by its pinyin initials (Alt+T’s picker)', async () => {
    useLibraryUi.setState({ templatePicker: true });
    const created = declarationRecord({ id: '01a2049e-b64f-7413-8ff9-000000000009' });
    const fake = renderOnOwnClient(
      {
        'templates.list': (input) => ({
          ok: true,
          value:
            (input as { query: string }).query === 'xg'
              ? [templateSummary({ id: '01a2049e-b64f-7413-8ff9-000000000004', name: '鲜果进口' })]
              : [],
        }),
        'declarations.createFromTemplate': () => ({ ok: true, value: created }),
      },
      <TemplatePicker />,
    );
    const box = screen.getByRole('combobox', { name: '模板名称' });
    // A name that finds none is said as such, not as there being no templates at all.
    fireEvent.change(box, { target: { value: 'zz' } });
    await screen.findByText('没有名称与“zz”相符的模板');
    expect(screen.queryByText(/另存为模板/)).toBeNull();
    fireEvent.change(box, { target: { value: 'xg' } });
    await screen.findByRole('option', { name: /鲜果进口 进口 · 表头 · 商品/ });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(useUi.getState().selectedId).toBe(created.id));
    expect(fake.calls.find((c) => c.method === 'declarations.createFromTemplate')?.input).toEqual({
      templateId: '01a2049e-b64f-7413-8ff9-000000000004',
    });
    expect(useLibraryUi.getState().templatePicker).toBe(false);
  });
});

describe('import report', () => {
  it('exports every listed problem with its row and column as CSV', () => {
    const report: LibraryImportReport = {
      kind: 'parties',
      written: false,
      cancelled: false,
      rowCount: 3,
      added: 0,
      updated: 0,
      errors: [
        {
          row: 3,
          column: 'C 统一社会信用代码',
          field: 'uscc',
          code: 'uscc-check-digit',
          severity: 'error',
          message: '统一社会信用代码校验位不正确, 请检查',
          messageEn: 'Unified social credit code: the check character is wrong',
        },
      ],
      errorCount: 1,
      warnings: [],
      warningCount: 0,
    };
    expect(reportCsv(report, 'zh-CN')).toBe(
      '\uFEFF行,列,栏目,级别,问题\r\n3,C 统一社会信用代码,uscc,错误,"统一社会信用代码校验位不正确, 请检查"\r\n',
    );
    expect(reportCsv(report, 'en').split('\r\n')[1]).toBe(
      '3,C 统一社会信用代码,uscc,error,Unified social credit code: the check character is wrong',
    );
  });
});
