import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { LibraryImportDialog } from './library-import-dialog';
import { useLibraryUi } from './library-store';

/** What libraries.preview reads from a sheet of one product under its header, 商品名称. */
const preview: MethodOutput<'libraries.preview'> = {
  sheets: [],
  sheet: null,
  headerRow: 1,
  columns: [{ index: 0, letter: 'A', header: '商品名称', samples: ['鲜苹果'] }],
  rowCount: 1,
  mapping: { sheet: null, headerRow: 1, columns: [{ index: 0, header: '商品名称', target: 'GName' }] },
  profileId: null,
  targets: [{ target: 'GName', zh: '商品名称', en: 'Goods name' }],
};

async function chooseFile(name: string): Promise<void> {
  const input = screen.getByLabelText('选择文件（.xlsx / .csv）');
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File(['商品名称\n鲜苹果\n'], name)] } });
  });
}

describe('the library import dialog (fake bridge)', () => {
  screenPerTest();
  afterEach(() => act(() => useLibraryUi.getState().openImport(null)));

  it('a second file refused leaves nothing of the first on screen: no columns, no 导入 of the first file', async () => {
    act(() => useLibraryUi.getState().openImport('products'));
    const empty = new AppError('interchange.bad-xlsx', { file: 'empty.xlsx', kind: 'empty', detail: 'End of data' });
    const fake = renderWithBridge(
      {
        'libraries.preview': (input) =>
          (input as { source: { fileName: string } }).source.fileName === 'empty.xlsx'
            ? { ok: false, error: empty.toApiError() }
            : { ok: true, value: preview },
      },
      <LibraryImportDialog />,
    );
    await chooseFile('products.csv');
    expect(await screen.findByText('商品名称', { selector: 'td, th' })).toBeTruthy();
    await chooseFile('empty.xlsx');
    expect(await screen.findByText('"empty.xlsx" 不是可读取的 .xlsx 工作簿（文件是空的）')).toBeTruthy();
    expect(screen.queryByText('商品名称', { selector: 'td, th' })).toBeNull();
    expect(screen.getByRole('button', { name: '导入' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(fake.calls.map((c) => c.method)).not.toContain('libraries.import');
  });
});
