import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUi } from '../state/ui-store';
import type { ByLocale } from './by-locale';
import { messages, type Messages } from './messages';
import { en } from './messages-en';
import { zh } from './messages-zh';
import { useT } from './use-t';

// The one way the renderer's message tables are written: a file a language, the English table declared with the
// Chinese one's type, joined in a ByLocale table whose hook comes from messagesHook (useT is one).

describe('a message table in each UI language', () => {
  it('gives the table of the UI language, and the other one as soon as the language switches', () => {
    act(() => useUi.getState().setLocale('zh-CN'));
    const { result } = renderHook(() => useT());
    expect(result.current).toBe(messages['zh-CN']);
    expect(result.current.restored(2)).toBe('已恢复 2 处上次未保存的修改');
    act(() => useUi.getState().setLocale('en'));
    expect(result.current).toBe(messages.en);
    expect(result.current.restored(2)).toBe('Restored 2 unsaved changes from last time');
    act(() => useUi.getState().setLocale('zh-CN'));
    expect(result.current.saved).toBe('已保存');
  });

  it('refuses at typecheck an English table that lacks a key, has one more or takes other parameters', () => {
    const { restored: _dropped, ...withoutRestored } = en;
    // @ts-expect-error the English table lacks `restored`
    const lacking: Messages = withoutRestored;
    // @ts-expect-error `restored` takes a number of changes, not text
    const otherParameters: Messages = { ...en, restored: (n: string) => n };
    // @ts-expect-error a key the Chinese table does not have
    const oneMore: Messages = { ...en, restoredAll: 'Restored' };
    // @ts-expect-error a table must be written in every UI language
    const chineseOnly: ByLocale<Messages> = { 'zh-CN': zh };
    // What the compiler lets through is still what it was given at run time.
    expect([lacking, otherParameters, oneMore, chineseOnly].every((table) => typeof table === 'object')).toBe(true);
  });
});
