import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useUi } from '../../state/ui-store';
import { useInterchange } from './interchange-store';
import { lineReport } from './grid-paste';
import { LineReport } from './line-report';
import { ambiguousDistrict } from '../../../test-support/shared/records';

// As a refused paste reports it (grid-paste's own report), a name two codes of 国内地区 carry.
const refused = lineReport([ambiguousDistrict(1, 'A 境内目的地')], 1, [], false);

describe('the import report says what was refused', () => {
  afterEach(() => {
    cleanup();
    act(() => useInterchange.getState().close());
    act(() => useUi.getState().setLocale('zh-CN'));
  });

  it('names the file to fix when a file was refused', () => {
    act(() => useInterchange.getState().showReport(refused));
    render(<LineReport />);
    expect(screen.getByRole('alert').textContent).toBe('有 1 处错误，未导入任何内容；请修改文件后重试');
  });

  it('counts one error, and one line imported, in the singular in English', () => {
    act(() => useUi.getState().setLocale('en'));
    act(() => useInterchange.getState().showReport(refused));
    render(<LineReport />);
    expect(screen.getByRole('alert').textContent).toBe('1 error: nothing was imported; correct the file and try again');
    act(() => useInterchange.getState().showReport(lineReport([], 1, [], true)));
    expect(screen.getByRole('status').textContent).toBe('Imported 1 goods line');
  });

  it('speaks of the pasted cells, not a file, when a paste was refused — in the UI language', () => {
    act(() => useInterchange.getState().showReport(refused, 'paste'));
    render(<LineReport />);
    expect(screen.getByRole('alert').textContent).toBe('粘贴的内容有错误，未写入');
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toBe('The pasted cells have errors: nothing was written');
    act(() => useUi.getState().setLocale('zh-CN'));
  });

  it('gives each declaration of a split its count of goods lines with the unit, in zh and en', () => {
    const created = [0, 1].map((i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      clientSeqNo: `SPLIT000${i}`,
      lineCount: 50 - i * 49,
    }));
    act(() => useInterchange.getState().showReport({ ...lineReport([], 51, [], true), created }));
    render(<LineReport />);
    const items = () => screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items()).toEqual(['SPLIT0000（50 项商品）', 'SPLIT0001（1 项商品）']);
    act(() => useUi.getState().setLocale('en'));
    expect(items()).toEqual(['SPLIT0000 (50 goods lines)', 'SPLIT0001 (1 goods line)']);
  });
});
