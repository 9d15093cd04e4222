import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ColumnHeads } from './column-heads';

describe('a table’s column heads', () => {
  afterEach(cleanup);

  it('heads each column in order, an empty label heading the row actions with nothing', () => {
    render(
      <table>
        <ColumnHeads labels={['创建时间', '类型', '大小', '']} />
        <tbody>
          <tr>
            <td>2026-12-06</td>
            <td>自动</td>
            <td>1 MB</td>
            <td>
              <button type="button">恢复</button>
            </td>
          </tr>
        </tbody>
      </table>,
    );
    const heads = screen.getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['创建时间', '类型', '大小', '']);
    expect(heads.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(heads[3]?.childNodes).toHaveLength(0);
  });
});
