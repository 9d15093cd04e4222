import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatchOp } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { queryClient } from '../../api/queries';
import { useEditorUi } from './editor-store';
import type { FieldContext } from './field-context';
import { testFieldContext } from '../../../test-support/renderer/field-context';
import { fieldPropsFor } from './field-context';
import { messages } from '../../i18n/messages';
import { LinesGrid } from './lines-grid';
import { onEditorEnter } from './use-editor-keys';

// The real field props, counted: a grid row works out its cells' props each time it renders.
vi.mock('./field-context', async (importOriginal) => {
  const real = await importOriginal<{ fieldPropsFor: typeof fieldPropsFor }>();
  return { ...real, fieldPropsFor: vi.fn(real.fieldPropsFor) };
});

const noCommit = () => undefined;

function renderGrid(
  edits: Array<[string, string]>,
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void,
  over: Partial<FieldContext> = {},
) {
  const doc: DeclarationDoc = {
    head: { IEFlag: 'I' },
    lines: [{ GName: '苹果', CodeTS: '0808100000' }, { GName: '梨' }, { GName: '桃' }],
    tables: {},
  };
  const ctx = testFieldContext(doc, { setField: (path, value) => void edits.push([path, value]), ...over });
  render(
    <QueryClientProvider client={queryClient}>
      <section onKeyDown={onKeyDown}>
        <LinesGrid ctx={ctx} onOp={(_op: PatchOp) => undefined} />
      </section>
    </QueryClientProvider>,
  );
}

describe('goods grid: an input in the current cell only (happy-dom lays nothing out: the grid is given its height)', () => {
  // The virtualizer reads the scroller's client size.
  const size = (axis: 'clientHeight' | 'clientWidth', px: number) =>
    Object.defineProperty(HTMLElement.prototype, axis, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('grid-scroll') ? px : 0;
      },
    });
  beforeEach(() => {
    useEditorUi.getState().reset();
    size('clientHeight', 300);
    size('clientWidth', 1200);
  });
  afterEach(() => {
    cleanup();
    delete (HTMLElement.prototype as Partial<Record<'clientHeight' | 'clientWidth', number>>).clientHeight;
    delete (HTMLElement.prototype as Partial<Record<'clientHeight' | 'clientWidth', number>>).clientWidth;
  });

  it('re-renders only the row of the cell typed in', () => {
    // The editor as it holds the document: a keystroke replaces the typed line and keeps the others as they were.
    function Keyed() {
      const [doc, setDoc] = useState<DeclarationDoc>(() => ({
        head: { IEFlag: 'I' },
        lines: [{ GName: '苹果' }, { GName: '梨' }, { GName: '桃' }],
        tables: {},
      }));
      const setField = useCallback((path: string, value: string) => {
        const index = Number(/^lines\[(\d+)\]/.exec(path)?.[1]);
        const xml = path.split('.')[1] ?? '';
        setDoc((d) => ({ ...d, lines: d.lines.map((l, i) => (i === index ? { ...l, [xml]: value } : l)) }));
      }, []);
      const ctx: FieldContext = useMemo(() => testFieldContext(doc, { setField }), [doc, setField]);
      return <LinesGrid ctx={ctx} onOp={noCommit} />;
    }
    render(
      <QueryClientProvider client={queryClient}>
        <Keyed />
      </QueryClientProvider>,
    );
    const row = (n: number) => screen.getByRole('row', { name: `第${n}项` });
    fireEvent.focus(within(row(1)).getByRole('textbox', { name: '商品名称' }));
    const rendered = vi.mocked(fieldPropsFor);
    rendered.mockClear();
    fireEvent.change(within(row(1)).getByLabelText('商品名称'), { target: { value: '富士苹果' } });
    expect(within(row(1)).getByLabelText<HTMLInputElement>('商品名称').value).toBe('富士苹果');
    const linesRendered = new Set(rendered.mock.calls.map(([path]) => /^lines\[(\d+)\]/.exec(path)?.[1]));
    expect([...linesRendered]).toEqual(['0']);
  });

  it('shows every cell but the current one as named text; focusing one makes it the input, focused and selected', () => {
    const edits: Array<[string, string]> = [];
    renderGrid(edits);
    const row = (n: number) => screen.getByRole('row', { name: `第${n}项` });
    // Before any cell is focused the grid holds no input; each cell holds its value as text, named by its column.
    expect(document.querySelectorAll('.grid-scroll input')).toHaveLength(0);
    fireEvent.focus(within(row(1)).getByRole('textbox', { name: '商品名称' }));
    expect(within(row(1)).getByLabelText('商品名称').tagName).toBe('INPUT');
    // The rest of the current line is text, 商品编号 (a code picker when focused) too.
    expect(within(row(1)).getByRole('textbox', { name: '商品编号' }).tagName).toBe('SPAN');
    expect(row(1).querySelectorAll('input')).toHaveLength(1);
    const pear = within(row(2)).getByRole('textbox', { name: '商品名称' });
    expect(pear.tagName).toBe('SPAN');
    expect(pear.textContent).toBe('梨');
    expect(row(2).querySelectorAll('input')).toHaveLength(0);

    fireEvent.focus(pear);
    const input = within(row(2)).getByLabelText('商品名称') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 1]);
    expect(useEditorUi.getState()).toMatchObject({ currentLine: 1, currentPath: 'lines[1].GName' });
    // The cell left behind is text again; typing edits the focused cell.
    expect(within(row(1)).getByRole('textbox', { name: '商品名称' }).tagName).toBe('SPAN');
    fireEvent.change(input, { target: { value: '香梨' } });
    expect(edits).toEqual([['lines[1].GName', '香梨']]);
  });

  it('moving the cursor to the next goods line mounts one input and removes one, not a line of them', () => {
    renderGrid([]);
    const row = (n: number) => screen.getByRole('row', { name: `第${n}项` });
    fireEvent.focus(within(row(1)).getByRole('textbox', { name: '商品编号' }));
    const grid = document.querySelector('.grid-scroll') as Element;
    const watch = new MutationObserver(() => undefined);
    watch.observe(grid, { childList: true, subtree: true });
    fireEvent.focus(within(row(2)).getByRole('textbox', { name: '商品编号' }));
    const records = watch.takeRecords();
    watch.disconnect();
    const inputsIn = (nodes: Node[]) =>
      nodes
        .flatMap((n) => (n instanceof Element ? [n, ...n.querySelectorAll('*')] : []))
        .filter((n) => n instanceof HTMLInputElement).length;
    expect(inputsIn(records.flatMap((r) => [...r.addedNodes]))).toBe(1);
    expect(inputsIn(records.flatMap((r) => [...r.removedNodes]))).toBe(1);
    expect(grid.querySelectorAll('input')).toHaveLength(1);
    expect(document.activeElement).toBe(within(row(2)).getByLabelText('商品编号'));
  });

  it('↑ and ↓ move the cursor to the same column of the line above and below', () => {
    renderGrid([]);
    const row = (n: number) => screen.getByRole('row', { name: `第${n}项` });
    fireEvent.focus(within(row(2)).getByRole('textbox', { name: '商品名称' }));
    const input = within(row(2)).getByLabelText('商品名称');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(useEditorUi.getState().pendingFocus).toBe('lines[2].GName');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(useEditorUi.getState().pendingFocus).toBe('lines[0].GName');
    // Alt+↓ is the code picker's, Alt+Shift+↓ moves the line: neither moves the cursor.
    useEditorUi.getState().focusDone();
    fireEvent.keyDown(input, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(input, { key: 'ArrowDown', altKey: true, shiftKey: true });
    expect(useEditorUi.getState().pendingFocus).toBeNull();
  });

  it("Enter hands the focus straight to the next cell's input: the text cell is not focused on the way, nothing scrolls at once", () => {
    renderGrid([], onEditorEnter);
    const row = (n: number) => screen.getByRole('row', { name: `第${n}项` });
    fireEvent.focus(within(row(1)).getByRole('textbox', { name: '商品名称' }));
    const from = within(row(1)).getByLabelText('商品名称');
    from.focus();
    // Each focus() on the way, with its options: focusing a text cell on the way, or focusing with the browser's scroll
    // into view, made the browser lay the page out there and then (twice per Enter in a goods line).
    const seen: Array<[Element, FocusOptions | undefined]> = [];
    const real = HTMLElement.prototype.focus;
    HTMLElement.prototype.focus = function (this: HTMLElement, options?: FocusOptions) {
      seen.push([this, options]);
      real.call(this, options);
    };
    try {
      fireEvent.keyDown(from, { key: 'Enter' });
    } finally {
      HTMLElement.prototype.focus = real;
    }
    const to = within(row(1)).getByLabelText<HTMLInputElement>('规格型号');
    expect(to.tagName).toBe('INPUT');
    expect(document.activeElement).toBe(to);
    expect(seen.map(([el, options]) => [el.tagName, options?.preventScroll])).toEqual([['INPUT', true]]);
    expect(useEditorUi.getState().currentPath).toBe('lines[0].GModel');
  });

  it('heads every column, the row actions’ too, with the app’s one word for them, in Chinese and English', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      renderGrid([], undefined, { locale });
      const heads = screen.getAllByRole('columnheader').map((th) => th.textContent ?? '');
      expect(heads.filter((head) => head === '')).toEqual([]);
      expect(heads.at(-1)).toBe(messages[locale].actionsColumn);
      cleanup();
    }
  });

  it('on the 修改申请 copy offers no line to add or delete, and says why, in Chinese and English', () => {
    renderGrid([]);
    expect(screen.getByRole('button', { name: '添加商品' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '删除第1项' })).toBeTruthy();
    cleanup();
    renderGrid([], undefined, { fixedRows: true });
    expect(screen.queryByRole('button', { name: '添加商品' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^删除/ })).toEqual([]);
    expect(document.getElementById('lines-fixed')?.textContent).toBe(
      '修改申请不能增加、删除或移动商品项，只能改已申报商品项的内容；需要增删商品项请撤单后重新申报',
    );
    // The values stay editable: the copy is for changing them.
    fireEvent.focus(within(screen.getByRole('row', { name: '第1项' })).getByRole('textbox', { name: '商品名称' }));
    expect(
      within(screen.getByRole('row', { name: '第1项' })).getByLabelText<HTMLInputElement>('商品名称').readOnly,
    ).toBe(false);
    cleanup();
    renderGrid([], undefined, { fixedRows: true, locale: 'en' });
    expect(screen.queryByRole('button', { name: 'Add goods line' })).toBeNull();
    expect(document.getElementById('lines-fixed')?.textContent).toMatch(/^A modification request cannot add, delete/);
  });
});
