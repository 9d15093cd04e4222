import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, MethodOutput } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import { declarationRecord, lineImportWritten } from '../../../test-support/shared/records';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { useUi } from '../../state/ui-store';
import { useInterchange } from './interchange-store';
import { LinesDialog } from './lines-dialog';

const record = declarationRecord();

/** What previewLines reads from a sheet of `rowCount` rows under one header, 商品名称. */
function preview(rowCount: number): MethodOutput<'interchange.previewLines'> {
  return {
    sheets: [],
    sheet: null,
    headerRow: 1,
    columns: [{ index: 0, letter: 'A', header: '商品名称', samples: rowCount > 0 ? ['鲜苹果'] : [] }],
    rowCount,
    mapping: { sheet: null, headerRow: 1, columns: [{ index: 0, header: '商品名称', target: 'GName' }] },
    profileId: null,
    targets: [{ target: 'GName', zh: '商品名称', en: 'Goods name' }],
  };
}

async function chooseFile(name = 'lines.csv'): Promise<void> {
  const input = screen.getByLabelText(/选择文件|Choose a file/);
  const file = new File(['商品名称\n鲜苹果\n'], name, { type: 'text/csv' });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

describe('the goods-line import dialog (fake bridge)', () => {
  screenPerTest();
  afterEach(() => act(() => useInterchange.getState().close()));

  it('offers no import of a sheet with no rows under its header, and says so', async () => {
    act(() => useInterchange.getState().open('lines', record.id));
    renderWithBridge(
      {
        'declarations.get': () => ({ ok: true, value: record }),
        'interchange.previewLines': () => ({ ok: true, value: preview(0) }),
      },
      <LinesDialog />,
    );
    await chooseFile();
    expect(await screen.findByText('标题行之下没有可导入的行')).toBeTruthy();
    expect(screen.getByRole('button', { name: '导入' }).hasAttribute('disabled')).toBe(true);
    act(() => useUi.setState({ locale: 'en' }));
    expect(screen.getByText('no rows to import under the header row')).toBeTruthy();
  });

  it('a second file refused leaves nothing of the first on screen: no columns, no 导入 of the first file', async () => {
    act(() => useInterchange.getState().open('lines', record.id));
    const empty = new AppError('interchange.bad-xlsx', { file: 'empty.xlsx', kind: 'empty', detail: 'End of data' });
    const fake = renderWithBridge(
      {
        'declarations.get': () => ({ ok: true, value: record }),
        'interchange.previewLines': (input) =>
          (input as { source: { fileName: string } }).source.fileName === 'empty.xlsx'
            ? { ok: false, error: empty.toApiError() }
            : { ok: true, value: preview(1) },
      },
      <LinesDialog />,
    );
    await chooseFile('good.csv');
    expect(await screen.findByRole('button', { name: '导入' })).toBeTruthy();
    await chooseFile('empty.xlsx');
    expect(await screen.findByText('"empty.xlsx" 不是可读取的 .xlsx 工作簿（文件是空的）')).toBeTruthy();
    expect(screen.queryByText('商品名称')).toBeNull();
    expect(screen.getByRole('button', { name: '导入' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(fake.calls.map((c) => c.method)).not.toContain('interchange.importLines');
  });

  it('says it is importing while a long file is checked and written, in the UI language', async () => {
    let answer: (result: ApiResult<unknown>) => void = () => undefined;
    act(() => useInterchange.getState().open('lines', record.id));
    renderWithBridge(
      {
        'declarations.get': () => ({ ok: true, value: record }),
        'interchange.previewLines': () => ({ ok: true, value: preview(3000) }),
        'interchange.importLines': () => new Promise((resolve) => (answer = resolve)),
      },
      <LinesDialog />,
    );
    await chooseFile();
    const importButton = await screen.findByRole('button', { name: '导入' });
    await expect.poll(() => importButton.hasAttribute('disabled')).toBe(false);
    fireEvent.click(importButton);
    expect((await screen.findByRole('status')).textContent).toBe('正在检查并导入，行数多时需要一些时间…');
    act(() => useUi.setState({ locale: 'en' }));
    expect(screen.getByRole('status').textContent).toBe('Checking and importing; a long file takes a while…');
    await act(async () => answer({ ok: true, value: lineImportWritten({ rowCount: 3000, imported: 3000 }) }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
