import { z } from 'zod';
import keymapJson from './keymap.json' with { type: 'json' };

/**
 * Every keyboard shortcut of the desk, in one place (keymap.json, checked on loading): the editor and the app shell
 * match events against it and the help overlay (F1) lists it. Letters are matched by physical key (event.code) so Alt
 * combinations work whatever the keyboard layout or input method.
 */
export const keyActions = [
  'next-field',
  'prev-field',
  'add-line',
  'copy-line',
  'delete-line',
  'move-line-up',
  'move-line-down',
  'gmodel',
  'extract-invoice',
  'open-lookup',
  'next-error',
  'prev-error',
  'declare',
  'save-now',
  'save-template',
  'library-lookup',
  'same-as-trade',
  'copy-declaration',
  'complete-declaration',
  'go-head',
  'go-lines',
  'go-tables',
  'go-errors',
  'submit-review',
  'approve-review',
  'return-review',
  'review-differences',
  'review-queue',
  'modify-request',
  'cancel-request',
  'new-import',
  'new-export',
  'new-from-template',
  'libraries',
  'to-list',
  'switch-language',
  'help',
] as const;
export type KeyAction = (typeof keyActions)[number];

export interface KeyCombo {
  /** `event.key` for named keys (Enter, F8, Delete, ArrowUp), `event.code` for letters and digits (KeyA, Digit1). */
  key: string;
  alt?: boolean;
  ctrl?: boolean;
  shift?: boolean;
}

export interface KeyBinding {
  action: KeyAction;
  combos: readonly KeyCombo[];
  /** Where it works: everywhere, or in the declaration editor. */
  scope: 'app' | 'editor';
  zh: string;
  en: string;
}

const comboSchema = z
  .object({
    key: z.string().min(1),
    alt: z.boolean().optional(),
    ctrl: z.boolean().optional(),
    shift: z.boolean().optional(),
  })
  .strict();

const bindingSchema = z
  .object({
    action: z.enum(keyActions),
    combos: z.array(comboSchema).min(1),
    scope: z.enum(['app', 'editor']),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();

/**
 * The bindings as keymap.json lists them (in the help overlay's order), refused whole when one is malformed or an
 * action is bound in none or in two: every action the desk names has its keys and its line in the help.
 */
export function loadKeymap(data: unknown): readonly KeyBinding[] {
  const parsed = z
    .array(bindingSchema)
    .superRefine((bindings, ctx) => {
      for (const action of keyActions) {
        const count = bindings.filter((b) => b.action === action).length;
        if (count !== 1) ctx.addIssue({ code: 'custom', message: `${action} is bound ${count} times` });
      }
    })
    .safeParse(data);
  if (!parsed.success) throw new Error(`renderer/features/editor/keymap.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const keymap = loadKeymap(keymapJson);

interface KeyEventLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

function comboMatches(combo: KeyCombo, event: KeyEventLike): boolean {
  const named = !/^(Key[A-Z]|Digit\d)$/.test(combo.key);
  const keyOk = named ? event.key === combo.key : event.code === combo.key;
  return (
    keyOk &&
    !!combo.alt === event.altKey &&
    !!combo.ctrl === (event.ctrlKey || event.metaKey) &&
    !!combo.shift === event.shiftKey
  );
}

/** The action an event triggers in a scope (app-wide bindings apply everywhere). */
export function actionFor(event: KeyEventLike, scope: 'app' | 'editor'): KeyAction | null {
  for (const binding of keymap) {
    if (binding.scope === 'editor' && scope !== 'editor') continue;
    if (binding.combos.some((c) => comboMatches(c, event))) return binding.action;
  }
  return null;
}

/**
 * The keys that do an action as the help overlay writes them ("F8", "Alt+4"): a hint on screen names its keys from
 * here, so it can never name a key the keymap does not hold.
 */
export function keysOf(action: KeyAction): string {
  return (keymap.find((b) => b.action === action)?.combos ?? []).map(comboText).join(' / ');
}

/** A combo as the help overlay shows it, e.g. "Alt+Shift+↑". */
export function comboText(combo: KeyCombo): string {
  const names: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', Delete: 'Delete', Enter: 'Enter' };
  const key = combo.key.replace(/^Key/, '').replace(/^Digit/, '');
  return [combo.ctrl ? 'Ctrl' : '', combo.alt ? 'Alt' : '', combo.shift ? 'Shift' : '', names[combo.key] ?? key]
    .filter(Boolean)
    .join('+');
}
