import { describe, expect, it } from 'vitest';
import { pageKeys } from '../main/electron/app-menu';
import type { KeyCombo } from '../renderer/features/editor/keymap';
import { keymap } from '../renderer/features/editor/keymap';

// The Electron menu shows the page's own keys for its actions (without registering them); this
// holds the two lists together, since main may not import the renderer.

function accelerator(combo: KeyCombo): string {
  const key = combo.key.replace(/^Key/, '').replace(/^Digit/, '');
  return [combo.ctrl ? 'Ctrl' : '', combo.alt ? 'Alt' : '', combo.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

describe('menu keys match the page keymap', () => {
  it.each(Object.entries(pageKeys))('%s is %s in both', (action, key) => {
    const binding = keymap.find((b) => b.action === action);
    expect(binding, `no ${action} in renderer/features/editor/keymap.json`).toBeDefined();
    expect(binding?.combos.map(accelerator)).toContain(key);
  });
});
