import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchOp } from '../../../shared/api';
import { queryClient } from '../../api/queries';
import { useEditorUi } from './editor-store';
import { testFieldContext } from '../../../test-support/renderer/field-context';
import { footerGroups, headGroups, lineDetailColumns, moreHeadFields } from './form-layout';
import { FieldGroups, MoreHead } from './head-form';
import { LineDetail } from './line-detail';
import { LinesGrid } from './lines-grid';
import { SubTables } from './sub-tables';

// Chromium's autofill reads, on every change of a field that belongs to no form, every such field in the page (some
// 300 style checks per keystroke on the editor); a field in a small form makes it read that form only. These tests
// hold the editor's fields in forms of their own, each no larger than the goods grid's current line.
/** The largest sets of fields shown together: a goods line's details, the head's fields beyond the printed form. */
const LARGEST_PANEL = Math.max(lineDetailColumns.length, moreHeadFields('I').length);
const lines = Array.from({ length: 12 }, (_, i) => ({ GName: `苹果${i + 1}`, CodeTS: '0808100000' }));

function renderEditorParts() {
  const ctx = testFieldContext({
    head: { IEFlag: 'I', TradeName: '上海鲜果' },
    lines,
    tables: { containers: [{}, {}] },
  });
  const noOp = (_op: PatchOp) => undefined;
  return render(
    <QueryClientProvider client={queryClient}>
      <FieldGroups groups={headGroups} ctx={ctx} />
      <MoreHead ctx={ctx} />
      <LinesGrid ctx={ctx} onOp={noOp} />
      <LineDetail ctx={ctx} />
      <FieldGroups groups={footerGroups} ctx={ctx} />
      <SubTables ctx={ctx} onOp={noOp} />
    </QueryClientProvider>,
  );
}

describe('the editor keeps its fields in small forms (autofill reads the changed field’s form only)', () => {
  const height = () =>
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('grid-scroll') ? 300 : 0;
      },
    });
  beforeEach(() => {
    useEditorUi.getState().reset();
    useEditorUi.setState({ moreOpen: true, detailOpen: true });
    height();
  });
  afterEach(() => {
    cleanup();
    delete (HTMLElement.prototype as Partial<Record<'clientHeight', number>>).clientHeight;
  });

  it('every input of the head, the goods grid, the line details, the signature block and a sub-table is in a form', () => {
    const { container } = renderEditorParts();
    const inputs = [...container.querySelectorAll('input')];
    // The head's ≈ 75 boxes and more, the grid's current line, the details, two container rows.
    expect(inputs.length).toBeGreaterThan(100);
    const outside = inputs.filter((input) => input.form === null).map((input) => input.dataset.path ?? input.id);
    expect(outside).toEqual([]);
  });

  it('no form holds more fields than the largest panel (a line’s details), and none sits inside another', () => {
    const { container } = renderEditorParts();
    const forms = [...container.querySelectorAll('form')];
    expect(forms.length).toBeGreaterThan(10);
    for (const form of forms) {
      expect(form.querySelectorAll('input').length).toBeLessThanOrEqual(LARGEST_PANEL);
      expect(form.parentElement?.closest('form')).toBeNull();
    }
  });

  it('the forms are drawn as if they were not there (no box of their own: the layout is as without them)', () => {
    const { container } = renderEditorParts();
    for (const form of container.querySelectorAll('form')) expect(form.style.display).toBe('contents');
  });
});
