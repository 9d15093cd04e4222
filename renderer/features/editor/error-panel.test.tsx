import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { findElement, goodsDeclaration } from '../../../shared/catalog';
import { FieldInput } from '../../components/field-input';
import { useUi } from '../../state/ui-store';
import { ErrorPanel } from './error-panel';
import { orderKey } from './form-layout';
import type { ListedFinding } from './use-findings';

// A new declaration has some 25 empty required fields: they are marked as still to fill, not shown as errors.

const finding = (path: string, message: string, required: boolean): ListedFinding => ({
  path,
  severity: 'error',
  message,
  key: orderKey(path, 'I'),
  required,
});

describe('empty required fields: marked, not red', () => {
  afterEach(cleanup);

  it('the panel counts them apart from wrong values, and lists them unmarked as errors', () => {
    const findings = [
      finding('head.TradeName', '境内收发货人：必填', true),
      finding('head.PackNo', '件数：应为整数', false),
      finding('head.IEPort', '进境关别：必填', true),
    ];
    render(<ErrorPanel findings={findings} errorCount={3} refusal={null} onJump={() => undefined} />);
    const heading = screen.getByRole('heading');
    expect(heading.textContent).toBe('1 处需要修改 · 2 项必填未填');
    expect(heading.className).toBe('bad');
    const items = within(screen.getByRole('region', { name: '检查结果' })).getAllByRole('listitem');
    expect(items.map((li) => li.className)).toEqual([
      'finding finding-required',
      'finding finding-error',
      'finding finding-required',
    ]);
  });

  it('a new declaration with only required fields to fill says so, not that it has errors', () => {
    const findings = [finding('head.TradeName', '境内收发货人：必填', true)];
    render(<ErrorPanel findings={findings} errorCount={1} refusal={null} onJump={() => undefined} />);
    const heading = screen.getByRole('heading');
    expect(heading.textContent).toBe('1 项必填未填');
    expect(heading.className).toBe('to-fill');
  });

  it('a field still to fill is required, not invalid; a wrong value is invalid', () => {
    const def = findElement(goodsDeclaration, 'head', 'PackNo');
    if (!def) throw new Error('no PackNo in the catalog');
    const field = (value: string, quiet: boolean) => (
      <FieldInput
        id={`f-${quiet}`}
        path="head.PackNo"
        def={def}
        label="件数"
        value={value}
        locale="zh-CN"
        variant="form"
        readOnly={false}
        error={quiet ? '件数：必填' : '件数：应为整数'}
        quiet={quiet}
        onChange={() => undefined}
        onCommit={() => undefined}
      />
    );
    render(
      <>
        {field('', true)}
        {field('1.5', false)}
      </>,
    );
    const [empty, wrong] = screen.getAllByLabelText('件数');
    if (!empty || !wrong) throw new Error('two fields');
    expect(empty.getAttribute('aria-invalid')).toBeNull();
    expect(empty.getAttribute('aria-required')).toBe('true');
    expect(empty.closest('.field')?.className).toBe('field field-form field-required');
    expect((wrong as HTMLInputElement).value).toBe('1.5');
    expect(wrong.getAttribute('aria-invalid')).toBe('true');
    expect(wrong.getAttribute('aria-required')).toBeNull();
    expect(wrong.closest('.field')?.className).toBe('field field-form field-error');
  });
});

describe("the panel's keyboard hint", () => {
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it('names the keys that work on it, from the keymap, in zh and en', () => {
    for (const [locale, hint] of [
      ['zh-CN', 'Alt+4 跳到此处 · F8 / Shift+F8 下一处 / 上一处错误 · F1 键盘操作'],
      ['en', 'Alt+4 comes here · F8 / Shift+F8 next / previous error · F1 Keyboard'],
    ] as const) {
      useUi.setState({ locale });
      const { container, unmount } = render(
        <ErrorPanel findings={[]} errorCount={0} refusal={null} onJump={() => undefined} />,
      );
      expect(container.querySelector('.hint')?.textContent).toBe(hint);
      unmount();
    }
  });
});
