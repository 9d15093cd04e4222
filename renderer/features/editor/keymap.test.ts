import { describe, expect, it } from 'vitest';
import { actionFor, comboText, keymap, loadKeymap } from './keymap';

const key = (k: string, mods: { alt?: boolean; ctrl?: boolean; shift?: boolean; code?: string } = {}) => ({
  key: k,
  code: mods.code ?? (k.length === 1 ? `Key${k.toUpperCase()}` : k),
  altKey: !!mods.alt,
  ctrlKey: !!mods.ctrl,
  metaKey: false,
  shiftKey: !!mods.shift,
});

describe('keymap', () => {
  it('maps each editor shortcut, with modifiers matched exactly', () => {
    expect(actionFor(key('a', { alt: true }), 'editor')).toBe('add-line');
    expect(actionFor(key('c', { alt: true }), 'editor')).toBe('copy-line');
    expect(actionFor(key('Delete', { alt: true }), 'editor')).toBe('delete-line');
    expect(actionFor(key('ArrowUp', { alt: true, shift: true }), 'editor')).toBe('move-line-up');
    expect(actionFor(key('ArrowDown', { alt: true, shift: true }), 'editor')).toBe('move-line-down');
    expect(actionFor(key('ArrowDown', { alt: true }), 'editor')).toBe('open-lookup');
    expect(actionFor(key('F8'), 'editor')).toBe('next-error');
    expect(actionFor(key('F8', { shift: true }), 'editor')).toBe('prev-error');
    expect(actionFor(key('F9'), 'editor')).toBe('declare');
    expect(actionFor(key('s', { ctrl: true }), 'editor')).toBe('save-now');
    expect(actionFor(key('S', { ctrl: true, shift: true, code: 'KeyS' }), 'editor')).toBe('save-template');
    expect(actionFor(key('e', { alt: true }), 'editor')).toBe('gmodel');
    expect(actionFor(key('a'), 'editor')).toBeNull();
    expect(actionFor(key('a', { alt: true, ctrl: true }), 'editor')).toBeNull();
  });

  it('matches letters by physical key, whatever the layout or input method produces', () => {
    // Alt+A on macOS gives "å"; a Chinese input method may give "Process".
    expect(actionFor({ ...key('å', { alt: true }), code: 'KeyA' }, 'editor')).toBe('add-line');
    expect(actionFor({ ...key('Process', { alt: true }), code: 'KeyN' }, 'app')).toBe('new-import');
  });

  it('keeps editor shortcuts out of the app scope and app shortcuts everywhere', () => {
    expect(actionFor(key('F8'), 'app')).toBeNull();
    expect(actionFor(key('F1'), 'editor')).toBe('help');
    expect(actionFor(key('n', { alt: true, shift: true, code: 'KeyN' }), 'app')).toBe('new-export');
    expect(actionFor(key('l', { alt: true }), 'app')).toBe('to-list');
  });

  it('has the repeat-shipment keys: a template (Alt+T), the libraries (Alt+K), a library pick (F3), a copy (Alt+Shift+C)', () => {
    expect(actionFor(key('t', { alt: true }), 'app')).toBe('new-from-template');
    expect(actionFor(key('k', { alt: true }), 'app')).toBe('libraries');
    expect(actionFor(key('F3'), 'editor')).toBe('library-lookup');
    expect(actionFor(key('F3'), 'app')).toBeNull();
    expect(actionFor(key('C', { alt: true, shift: true, code: 'KeyC' }), 'editor')).toBe('copy-declaration');
    expect(actionFor(key('c', { alt: true }), 'editor')).toBe('copy-line');
  });

  it('binds no combination twice and describes every binding in both languages', () => {
    const seen = new Set<string>();
    for (const binding of keymap) {
      expect(binding.zh).not.toBe('');
      expect(binding.en).not.toBe('');
      for (const combo of binding.combos) {
        const text = comboText(combo);
        expect(seen.has(text), text).toBe(false);
        seen.add(text);
      }
    }
    expect(comboText({ key: 'ArrowUp', alt: true, shift: true })).toBe('Alt+Shift+↑');
    expect(comboText({ key: 'KeyS', ctrl: true, shift: true })).toBe('Ctrl+Shift+S');
  });

  it('refuses keymap data that binds an action twice or not at all, names an unknown one or a modifier it lacks', () => {
    const json = /^renderer\/features\/editor\/keymap\.json: /;
    expect(loadKeymap(keymap)).toEqual(keymap);
    const [first, ...rest] = keymap;
    expect(() => loadKeymap(rest)).toThrow(json);
    expect(() => loadKeymap(rest)).toThrow(`${first?.action} is bound 0 times`);
    expect(() => loadKeymap([...keymap, { ...first, combos: [{ key: 'F12' }] }])).toThrow('is bound 2 times');
    expect(() => loadKeymap([...rest, { ...first, action: 'print' }])).toThrow(/at \[\d+\]\.action/);
    expect(() => loadKeymap([...rest, { ...first, combos: [{ key: 'KeyP', meta: true }] }])).toThrow(/"meta"/);
  });
});
