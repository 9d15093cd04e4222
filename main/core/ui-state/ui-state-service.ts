import { z } from 'zod';
import type { UiState } from '../../../shared/api';
import { defaultUiState, uiStateSchema } from '../../../shared/api';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import type { EventSink } from '../context';

const KEY = 'ui.state';

/**
 * Where the user was — the declaration and field, the view, the language, the list's columns —
 * kept in the settings table so that reopening the window (after closing it, or after a crash)
 * returns there. Each part is read on its own: a damaged or outdated part falls back to its
 * default without losing the others.
 */
export function createUiStateService(deps: { settings: SettingsRepo; events?: EventSink }) {
  function get(): UiState {
    const stored = deps.settings.read(KEY, z.record(z.string(), z.unknown()), {});
    const state: Record<string, unknown> = { ...defaultUiState };
    for (const [key, schema] of Object.entries(uiStateSchema.shape)) {
      const parsed = schema.safeParse(stored[key]);
      if (parsed.success) state[key] = parsed.data;
    }
    return uiStateSchema.parse(state);
  }
  return {
    get,
    set(patch: Partial<UiState>): UiState {
      const previous = get();
      const next = { ...previous, ...patch };
      deps.settings.write(KEY, next);
      // The shell's native menu and other windows follow the language.
      if (next.locale !== previous.locale) deps.events?.emit('ui.locale', { locale: next.locale });
      return next;
    },
  };
}

export type UiStateService = ReturnType<typeof createUiStateService>;
