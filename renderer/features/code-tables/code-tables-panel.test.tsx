import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiResult, MethodOutput } from '../../../shared/api';
import { messages } from '../../i18n/messages';
import { useUi } from '../../state/ui-store';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import { CodeTablesPanel } from './code-tables-panel';

type Summary = MethodOutput<'codes.tables'>[number];
type Preview = MethodOutput<'codes.previewImport'>;

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const tariff: Summary = {
  id: 'tariff',
  zh: '商品编号(税则)',
  en: 'Tariff (HS codes)',
  builtin: 'complete',
  version: 'handbook.af3817e32b',
  origin: 'builtin',
  complete: true,
  rowCount: 12030,
  source: 'HC: a broker’s compiled 2026 tariff — not an official GACC file',
  asOf: '2026-08-01',
  updatedAt: null,
  builtinVersion: 'handbook.af3817e32b',
};
const ports: Summary = {
  id: 'entry-exit-ports',
  zh: '国内口岸代码',
  en: 'Ports of entry/exit',
  builtin: 'partial',
  version: 'handbook.8fdb4a1660',
  origin: 'builtin',
  complete: false,
  rowCount: 997,
  source: 'OT 2018',
  asOf: '2018-07-02',
  updatedAt: null,
  builtinVersion: 'handbook.8fdb4a1660',
};
const imported: Summary = {
  ...ports,
  version: '2026-12-06-c918c08ac7a9',
  origin: 'import',
  complete: true,
  rowCount: 998,
  source: 'entry-exit-ports.csv',
  asOf: '2026-12-06',
  updatedAt: '2026-12-06T08:00:00.000Z',
};
const licences: Summary = {
  ...ports,
  id: 'licence-types',
  zh: '许可证类别',
  en: 'Licence types',
  builtin: 'none',
  version: null,
  origin: null,
  rowCount: 0,
  source: null,
  asOf: '',
  builtinVersion: null,
};
const diff = { added: 1, removed: 0, changed: 0, unchanged: 997 };
const goodPreview: Preview = {
  table: 'entry-exit-ports',
  fileName: 'ports.csv',
  rowCount: 998,
  columns: ['code', 'name_zh'],
  sample: [{ code: '110001', name_zh: '北京' }],
  problems: [],
  problemCount: 0,
  diff,
  current: { version: ports.version, origin: 'builtin', rowCount: 997 },
};
const badPreview: Preview = {
  ...goodPreview,
  fileName: 'bad.csv',
  rowCount: 2,
  sample: [],
  problems: [
    {
      line: 3,
      column: 'code',
      code: 'duplicate-code',
      params: { value: '470101', first: 2 },
      message: 'Code 470101 repeats (first on line 2)',
    },
  ],
  problemCount: 1,
};

function open(answers: Record<string, (input: unknown) => ApiResult<unknown>>, installed = [ports, tariff, licences]) {
  let tables = installed;
  return renderWithBridge(
    {
      'codes.tables': () => ok(tables),
      'codes.import': () => {
        tables = [imported, tariff, licences];
        return ok({ table: 'entry-exit-ports', version: imported.version, rowCount: 998, changed: true, diff });
      },
      ...answers,
    },
    <CodeTablesPanel />,
  );
}

async function choose(name: string, text: string): Promise<void> {
  await screen.findByRole('rowheader', { name: '国内口岸代码' });
  fireEvent.change(screen.getByLabelText('导入到'), { target: { value: 'entry-exit-ports' } });
  fireEvent.change(screen.getByLabelText('参数文件 (CSV/XLSX)'), {
    target: { files: [new File([text], name, { type: 'text/csv' })] },
  });
}

const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('设置 → 代码表 (fake bridge)', () => {
  screenPerTest();

  it("lists each table's version, rows, origin with its source, date and completeness", async () => {
    open({});
    await screen.findByRole('rowheader', { name: '商品编号(税则)' });
    const cells = (name: string) =>
      within(row(name))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('商品编号(税则)').slice(0, 5)).toEqual([
      'handbook.af3817e32b',
      '12,030',
      `内置${tariff.source}`,
      '2026-08-01',
      '完整',
    ]);
    expect(cells('国内口岸代码').slice(0, 5)).toEqual([
      'handbook.8fdb4a1660',
      '997',
      '内置OT 2018',
      '2018-07-02',
      '部分',
    ]);
    expect(cells('许可证类别').slice(0, 5)).toEqual(['—', '0', '未安装', '—', '—']);
  });

  it('heads the column of its row buttons with the app’s one word for them, in Chinese and English', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      useUi.setState({ locale });
      open({});
      await screen.findByRole('rowheader', { name: locale === 'en' ? tariff.en : tariff.zh });
      const heads = screen.getAllByRole('columnheader').map((th) => th.textContent ?? '');
      expect(heads.filter((head) => head === '')).toEqual([]);
      expect(heads.at(-1)).toBe(messages[locale].actionsColumn);
      cleanup();
    }
  });

  describe('on a machine in New York', () => {
    restoreTimeZoneAfterEach();

    it('dates a table whose data has no date by the day it was installed on the machine’s clock', async () => {
      process.env.TZ = 'America/New_York';
      // 02:00 UTC on the 7th is still the 6th in New York: the UTC string cut short would say the 7th.
      open({}, [{ ...imported, asOf: '', updatedAt: '2026-12-07T02:00:00.000Z' }, tariff, licences]);
      await screen.findByRole('rowheader', { name: '国内口岸代码' });
      expect(within(row('国内口岸代码')).getByRole('cell', { name: '2026-12-06' })).toBeTruthy();
    });
  });

  it('previews a file and imports it whole, as the whole official table, after which the list is read again', async () => {
    const fake = open({ 'codes.previewImport': () => ok(goodPreview) });
    await choose('ports.csv', 'code,name_zh\n110001,北京\n');
    const preview = await screen.findByRole('region', { name: 'ports.csv' });
    expect(preview.textContent).toContain('“ports.csv”：998 行');
    expect(preview.textContent).toContain('新增 1 行，删除 0 行，变更 0 行，不变 997 行');
    expect(preview.textContent).toContain('当前：handbook.8fdb4a1660（997 行）');
    expect(preview.textContent).toContain('识别的列：code, name_zh');
    expect(fake.calls.find((c) => c.method === 'codes.previewImport')?.input).toMatchObject({
      table: 'entry-exit-ports',
      fileName: 'ports.csv',
      encoding: 'base64',
    });
    expect(fake.calls.some((c) => c.method === 'codes.import')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(fake.calls.find((c) => c.method === 'codes.import')?.input).toMatchObject({
      table: 'entry-exit-ports',
      fileName: 'ports.csv',
      complete: true,
    });
    expect(useUi.getState().notices.at(-1)?.message('zh-CN')).toMatch(
      /^已导入国内口岸代码：998 行（新增 1，删除 0，变更 0）/,
    );
    expect(useUi.getState().notices.at(-1)?.message('en')).not.toMatch(/[\u4e00-\u9fff]/);
    await waitFor(() => expect(within(row('国内口岸代码')).getAllByRole('cell')[2]?.textContent).toMatch(/^导入/));
    expect(within(row('国内口岸代码')).getByRole('button', { name: /恢复内置代码表/ })).toBeTruthy();
  });

  it('lists a bad file’s problems by line in the UI language and offers no import', async () => {
    const fake = open({ 'codes.previewImport': () => ok(badPreview) });
    await choose('bad.csv', 'code,name_zh\n470101,蛇口\n470101,赤湾\n');
    const problems = await screen.findByRole('alert');
    expect(problems.textContent).toContain('有 1 处问题，不能导入');
    expect(within(problems).getByRole('listitem').textContent).toBe('第 3 行：代码 470101 重复（首次出现在第 2 行）');
    expect((screen.getByRole('button', { name: '导入' }) as HTMLButtonElement).disabled).toBe(true);
    useUi.setState({ locale: 'en' });
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getByRole('listitem').textContent).toBe(
        'Line 3: code 470101 repeats (first on line 2)',
      ),
    );
    expect(fake.calls.some((c) => c.method === 'codes.import')).toBe(false);
  });

  it('shows a malformed file’s refusal, naming the file, with no preview and nothing imported', async () => {
    const fake = open({
      'codes.previewImport': () => ({
        ok: false,
        error: {
          code: 'IMPORT_FAILED',
          message: '"ports.xlsx" is not a readable .xlsx workbook: it is not an Excel workbook',
          reason: 'codetables.bad-xlsx',
          params: { file: 'ports.xlsx', kind: 'not-a-workbook', detail: 'Corrupted zip' },
        },
      }),
    });
    await choose('ports.xlsx', 'not a workbook');
    // What is wrong, worded; the zip library's English is not in the sentence.
    expect((await screen.findByRole('alert')).textContent).toBe(
      '"ports.xlsx" 不是可读取的 .xlsx 工作簿：它不是 Excel 工作簿，可能是改名为 .xlsx 的其他文件',
    );
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('button', { name: '导入' })).toBeNull();
    expect(fake.calls.some((c) => c.method === 'codes.import')).toBe(false);
  });

  it('puts the built-in table back in use for an imported one', async () => {
    const fake = open({ 'codes.remove': () => ok({ removed: true }) }, [imported, tariff, licences]);
    fireEvent.click(await screen.findByRole('button', { name: '删除导入的国内口岸代码，恢复内置代码表' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.method === 'codes.remove')?.input).toEqual({ table: 'entry-exit-ports' }),
    );
    await waitFor(() => expect(useUi.getState().notices.at(-1)?.message('zh-CN')).toBe('已恢复内置的国内口岸代码'));
  });
});
