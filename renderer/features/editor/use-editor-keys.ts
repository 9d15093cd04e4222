import { useEffect, useRef, type KeyboardEvent } from 'react';
import { MAX_LINES } from '../../../shared/catalog';
import { partySlotOf } from '../../../shared/libraries';
import { onEnterNavigate } from '../../components/enter-navigation';
import { lineDefaults } from '../libraries/library-pickers';
import { useExtract } from '../extract/extract-store';
import { useLibraryUi } from '../libraries/library-store';
import { useUi } from '../../state/ui-store';
import { useEditorUi } from './editor-store';
import { compareKeys, gridColumns, orderKey, tabSections } from './form-layout';
import { flowMessages } from './flow-messages';
import { actionFor } from './keymap';
import { copyTradeToOwner } from './same-as-trade';
import { moveToField } from './text-cell';
import type { DocEditor } from './use-doc-editor';
import type { ListedFinding } from './use-findings';

interface Deps {
  editor: DocEditor;
  /** The editor's row operations as the goods lines' computed amounts follow them (use-line-amounts.ts). */
  structural?: DocEditor['structural'];
  ieFlag: 'I' | 'E';
  editable: boolean;
  findings: readonly ListedFinding[];
  declare(): void;
  /** 完整申报 of a released 概要 (nothing on another declaration). */
  complete?(): void;
  /**
   * Set on the 修改申请 copy, whose goods lines are the ones declared (a request changes their values only): says why
   * a line cannot be added, copied, removed or moved, instead of doing it.
   */
  refuseRows?(): void;
}

/** The shortcuts that add, remove or reorder goods lines. */
const rowActions: ReadonlySet<string> = new Set([
  'add-line',
  'copy-line',
  'delete-line',
  'move-line-up',
  'move-line-down',
  'extract-invoice',
]);

/** The next (or previous) error after the current field, in screen order, wrapping around. */
export function nextErrorPath(
  findings: readonly ListedFinding[],
  current: string | null,
  ieFlag: 'I' | 'E',
  backwards: boolean,
): string | null {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return null;
  if (!current) return (backwards ? errors[errors.length - 1] : errors[0])?.path ?? null;
  const here = orderKey(current, ieFlag);
  if (backwards) {
    const before = errors.filter((f) => compareKeys(f.key, here) < 0);
    return (before[before.length - 1] ?? errors[errors.length - 1])?.path ?? null;
  }
  return (errors.find((f) => compareKeys(f.key, here) > 0) ?? errors[0])?.path ?? null;
}

function columnOf(path: string | null): string {
  const match = path ? /^lines\[\d+\]\.(\w+)$/.exec(path) : null;
  return match?.[1] && gridColumns.includes(match[1]) ? match[1] : (gridColumns[0] ?? 'CodeTS');
}

/** Enter and Shift+Enter between the editor's fields (on the editor itself). */
export function onEditorEnter(event: KeyboardEvent<HTMLElement>): void {
  // Dialogs (申报要素, template name) keep their keys to themselves.
  if (event.defaultPrevented || (event.target as HTMLElement).closest('dialog')) return;
  if (event.key === 'Enter' && !event.altKey && !event.ctrlKey) onEnterNavigate(event, moveToField);
}

/**
 * Every editor shortcut of keymap.ts, on the window while the editor is open: they work wherever
 * focus is (a declared, read-only declaration has no field to be in), except inside a dialog.
 */
export function useEditorShortcuts(deps: Deps): void {
  const latest = useRef(deps);
  useEffect(() => {
    latest.current = deps;
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || (event.target instanceof Element && event.target.closest('dialog'))) return;
      if (handleShortcut(event, latest.current)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Reading an invoice begins at the saved revision: however the screen is opened (Alt+I or the 导入/导出 menu), this
  // editor's pending edits are saved first.
  const { flush } = deps.editor;
  useEffect(() => {
    const extract = useExtract.getState();
    extract.setSaveEditor(flush);
    return () => {
      if (useExtract.getState().saveEditor === flush) useExtract.getState().setSaveEditor(null);
    };
  }, [flush]);
}

function handleShortcut(
  event: globalThis.KeyboardEvent,
  { editor, structural = editor.structural, ieFlag, editable, findings, declare, complete, refuseRows }: Deps,
): boolean {
  const action = actionFor(event, 'editor');
  if (!action) return false;
  if (refuseRows && rowActions.has(action)) {
    refuseRows();
    return true;
  }
  const state = useEditorUi.getState();
  const lines = editor.docRef.current.lines;
  const line = Math.min(state.currentLine, Math.max(0, lines.length - 1));
  const focus = (path: string) => state.requestFocus(path, ieFlag);
  const column = columnOf(state.currentPath);
  const lineOp = editable && lines.length > 0;
  switch (action) {
    case 'add-line': {
      if (!editable || lines.length >= MAX_LINES) break;
      // A new line starts with the operator's goods-line defaults (征免 …).
      const row = lineDefaults(ieFlag);
      structural({ op: 'insertRow', table: 'lines', ...(Object.keys(row).length > 0 ? { row } : {}) });
      focus(`lines[${lines.length}].${gridColumns[0] ?? 'CodeTS'}`);
      break;
    }
    case 'copy-line':
      if (!lineOp || lines.length >= MAX_LINES) break;
      structural({ op: 'insertRow', table: 'lines', index: line + 1, row: { ...lines[line] } });
      focus(`lines[${line + 1}].${column}`);
      break;
    case 'delete-line':
      if (!lineOp) break;
      structural({ op: 'removeRow', table: 'lines', index: line });
      if (lines.length > 1) focus(`lines[${Math.max(0, line - (line === lines.length - 1 ? 1 : 0))}].${column}`);
      else document.getElementById('add-line')?.focus();
      break;
    case 'move-line-up':
    case 'move-line-down': {
      const to = line + (action === 'move-line-up' ? -1 : 1);
      if (!lineOp || to < 0 || to >= lines.length) break;
      structural({ op: 'moveRow', table: 'lines', from: line, to });
      focus(`lines[${to}].${column}`);
      break;
    }
    case 'gmodel':
      if (lineOp) state.setGmodelLine(line);
      break;
    case 'next-error':
    case 'prev-error': {
      const path = nextErrorPath(findings, state.currentPath, ieFlag, action === 'prev-error');
      if (path) focus(path);
      break;
    }
    case 'declare':
      declare();
      break;
    case 'save-now':
      void editor.flush();
      break;
    case 'save-template':
      void editor.flush();
      state.setTemplateOpen(true);
      break;
    case 'library-lookup': {
      // In a party box: the party library for that box; in a goods line: the product library.
      if (!editable) break;
      const slot = state.currentPath ? partySlotOf(state.currentPath, ieFlag) : null;
      if (slot) useLibraryUi.getState().openPartyPicker(slot);
      else if (state.currentPath?.startsWith('lines[') && lines[line]) useLibraryUi.getState().openProductPicker(line);
      else return false;
      break;
    }
    case 'same-as-trade': {
      if (!editable) break;
      const { notify } = useUi.getState();
      if (copyTradeToOwner(editor.docRef.current.head, ieFlag, editor.setField, editor.commit))
        notify({ kind: 'info', message: (l) => flowMessages[l].sameAsTrade(ieFlag) });
      break;
    }
    case 'complete-declaration':
      complete?.();
      break;
    case 'extract-invoice': {
      // The store saves the editor first, as from the menu: accepting builds on the revision the reading began at.
      const id = useUi.getState().selectedId;
      if (editable && id) void useExtract.getState().open(id);
      break;
    }
    case 'copy-declaration':
      void editor.flush();
      useLibraryUi.getState().setCopyOpen(true);
      break;
    case 'go-head':
      document.querySelector<HTMLElement>('.head-form [data-enter-nav]')?.focus();
      break;
    case 'go-lines':
      if (lines.length > 0) focus(`lines[${line}].${column}`);
      else document.getElementById('add-line')?.focus();
      break;
    case 'go-tables':
      document
        .getElementById(`tab-${tabSections.includes(state.activeTab) ? state.activeTab : tabSections[0]}`)
        ?.focus();
      break;
    case 'go-errors':
      document.getElementById('error-panel-heading')?.focus();
      break;
    default:
      return false;
  }
  return true;
}
