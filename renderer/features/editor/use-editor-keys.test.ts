import { act, cleanup, fireEvent, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { declarationRecord } from '../../../test-support/shared/records';
import { useEditorUi } from './editor-store';
import { compareKeys, orderKey } from './form-layout';
import { useDocEditor } from './use-doc-editor';
import { nextErrorPath, useEditorShortcuts } from './use-editor-keys';
import type { ListedFinding } from './use-findings';

const finding = (path: string, severity: 'error' | 'warning' = 'error'): ListedFinding => ({
  path,
  severity,
  message: path,
  key: orderKey(path, 'I'),
  required: false,
});
const findings = ['head.TradeName', 'head.PackNo', 'lines[0].GName', 'lines[4].CodeTS', 'head.AgentName']
  .map((p) => finding(p))
  .concat(finding('lines[1].CiqCode', 'warning'));

describe('next error', () => {
  it('goes to the next error after the current field in screen order, wrapping around, skipping warnings', () => {
    // The panel lists findings in screen order; so does this.
    const sorted = [...findings].sort((a, b) => compareKeys(a.key, b.key));
    expect(nextErrorPath(sorted, null, 'I', false)).toBe('head.TradeName');
    expect(nextErrorPath(sorted, 'head.TradeName', 'I', false)).toBe('head.PackNo');
    expect(nextErrorPath(sorted, 'lines[0].GName', 'I', false)).toBe('lines[4].CodeTS');
    expect(nextErrorPath(sorted, 'lines[4].CodeTS', 'I', false)).toBe('head.AgentName');
    expect(nextErrorPath(sorted, 'head.AgentName', 'I', false)).toBe('head.TradeName');
    expect(nextErrorPath(sorted, 'head.PackNo', 'I', true)).toBe('head.TradeName');
    expect(nextErrorPath(sorted, 'head.TradeName', 'I', true)).toBe('head.AgentName');
    expect(nextErrorPath([finding('lines[1].CiqCode', 'warning')], null, 'I', false)).toBeNull();
  });
});

describe('the goods-line keys on the 修改申请 copy', () => {
  afterEach(cleanup);

  it('say why (refuseRows) instead of adding, copying, deleting or moving a line; the other keys still work', () => {
    const record = declarationRecord({
      workflow: 'sent',
      status: 'released',
      entryId: '310120261000012345',
      doc: { head: { IEFlag: 'I' }, lines: [{ GName: '苹果' }, { GName: '梨' }], tables: {} },
    });
    const refuseRows = vi.fn();
    const declare = vi.fn();
    useEditorUi.getState().reset();
    const { result } = renderHook(() => {
      const editor = useDocEditor(record, 'copy');
      useEditorShortcuts({ editor, ieFlag: 'I', editable: true, findings: [], declare, refuseRows });
      return editor;
    });
    const press = (init: KeyboardEventInit) => act(() => void fireEvent.keyDown(window, init));
    press({ key: 'a', code: 'KeyA', altKey: true });
    press({ key: 'c', code: 'KeyC', altKey: true });
    press({ key: 'Delete', code: 'Delete', altKey: true });
    press({ key: 'ArrowDown', code: 'ArrowDown', altKey: true, shiftKey: true });
    press({ key: 'ArrowUp', code: 'ArrowUp', altKey: true, shiftKey: true });
    expect(refuseRows).toHaveBeenCalledTimes(5);
    expect(result.current.doc.lines).toEqual([{ GName: '苹果' }, { GName: '梨' }]);
    press({ key: 'F9', code: 'F9' });
    expect(declare).toHaveBeenCalledTimes(1);
  });
});
