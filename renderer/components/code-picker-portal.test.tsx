import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderOnOwnClient } from '../../test-support/renderer/render-with-bridge';
import { CodePicker } from './code-picker';

// A box of the form is a containing block for what it holds (content-visibility makes it one), so a
// list inside it is clipped to it whatever its position. The list belongs to the page (or the dialog).

function Picker() {
  return (
    <CodePicker
      id="port"
      table="customs-districts"
      value=""
      locale="zh-CN"
      ariaLabel="进境关别"
      invalid={false}
      readOnly={false}
      path="head.IEPort"
      onChange={() => undefined}
      onCommit={() => undefined}
    />
  );
}

describe('the code picker’s list', () => {
  afterEach(cleanup);

  function mount(inDialog: boolean) {
    renderOnOwnClient(
      { 'codes.search': () => ({ ok: true, value: [{ code: '2248', name_zh: '洋山港区', name_en: '', rank: 1 }] }) },
      inDialog ? (
        <dialog open>
          <fieldset className="group">
            <Picker />
          </fieldset>
        </dialog>
      ) : (
        <fieldset className="group">
          <Picker />
        </fieldset>
      ),
    );
  }

  it('is not inside the field’s box but a child of the page, fixed in the window', async () => {
    mount(false);
    fireEvent.keyDown(screen.getByRole('combobox', { name: '进境关别' }), { key: 'F4' });
    await screen.findByRole('option', { name: /2248/ });
    const list = screen.getByRole('listbox');
    expect(list.parentElement).toBe(document.body);
    expect(list.closest('.group')).toBeNull();
    expect(list.style.position).toBe('fixed');
    expect(screen.getByRole('combobox').getAttribute('aria-controls')).toBe(list.id);
  });

  it('stays inside a dialog (the dialog is drawn above the page)', async () => {
    mount(true);
    fireEvent.keyDown(screen.getByRole('combobox', { name: '进境关别' }), { key: 'F4' });
    await screen.findByRole('option', { name: /2248/ });
    const list = screen.getByRole('listbox');
    expect(list.parentElement?.tagName).toBe('DIALOG');
    expect(list.closest('.group')).toBeNull();
  });
});
