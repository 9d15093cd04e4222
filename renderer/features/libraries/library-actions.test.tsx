import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { noticeText, useUi } from '../../state/ui-store';
import { LibraryFileButtons, RecordActions } from './library-actions';
import { useLibraryUi } from './library-store';

const id = '01a2049e-b64f-7413-8ff9-000000000001';

describe("a library's own buttons and a row's 编辑 / 删除", () => {
  screenPerTest();
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    useLibraryUi.setState({ importing: null });
  });

  it('deletes a record only once the broker confirms, by its id, and says how many went', async () => {
    // happy-dom has no window.confirm: the broker's two answers, no and then yes.
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    const onEdit = vi.fn();
    const fake = renderWithBridge(
      { 'products.delete': () => ({ ok: true, value: { deleted: 1 } }) },
      <RecordActions kind="products" id={id} name="鲜苹果" onEdit={onEdit} />,
    );
    fireEvent.click(screen.getByRole('button', { name: '编辑 鲜苹果' }));
    expect(onEdit).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: '删除 鲜苹果' }));
    expect(confirm).toHaveBeenLastCalledWith('删除“鲜苹果”？');
    expect(fake.calls).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '删除 鲜苹果' }));
    await waitFor(() => expect(useUi.getState().notices.map((n) => noticeText(n, 'zh-CN'))).toEqual(['已删除 1 条']));
    expect(fake.calls).toEqual([{ method: 'products.delete', input: { ids: [id] } }]);
  });

  it('adds, opens the import of its own kind, and exports the library as Excel or CSV', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:library');
    const onAdd = vi.fn();
    const file = { fileName: '企业库.csv', mimeType: 'text/csv', contentBase64: '' };
    const fake = renderWithBridge(
      { 'libraries.export': () => ({ ok: true, value: file }) },
      <LibraryFileButtons kind="parties" onAdd={onAdd} />,
    );
    fireEvent.click(screen.getByRole('button', { name: '新增' }));
    expect(onAdd).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: '导入 (Excel/CSV)…' }));
    expect(useLibraryUi.getState().importing).toBe('parties');

    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() =>
      expect(fake.calls).toEqual([
        { method: 'libraries.export', input: { kind: 'parties', format: 'xlsx' } },
        { method: 'libraries.export', input: { kind: 'parties', format: 'csv' } },
      ]),
    );
  });
});
