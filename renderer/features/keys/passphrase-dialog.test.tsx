import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { keyStatus } from '../../../test-support/shared/records';
import { refusedMismatch } from '../../../test-support/renderer/new-passphrase';
import { expectSaidUnder } from '../../../test-support/renderer/said-under';
import { PassphraseDialog } from './passphrase-dialog';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });

function show(answers: Record<string, (input: unknown) => ApiResult<unknown>>) {
  const fake = createFakeBridge({ 'keys.status': () => ok(keyStatus({ unlocked: false })), ...answers });
  setBridge(fake.bridge);
  useUi.setState({ locale: 'zh-CN', passphraseOpen: true, notices: [] });
  render(<PassphraseDialog />);
  return fake;
}

async function enterPassphrase(): Promise<void> {
  // The stored key's passphrase is recalled, not chosen: a password manager fills it in.
  expect(screen.getByLabelText('口令').getAttribute('autocomplete')).toBe('current-password');
  expect(screen.queryByLabelText('确认口令（再输入一次）')).toBeNull();
  fireEvent.change(screen.getByLabelText('口令'), { target: { value: 'correct horse battery' } });
  // A stored key is unlocked (解锁), not made.
  fireEvent.click(screen.getByRole('button', { name: '解锁' }));
}

describe('the passphrase dialog (fake bridge)', () => {
  beforeEach(() => useUi.setState({ passphraseOpen: false }));
  afterEach(cleanup);

  it('in the desktop app with a keychain, offers to protect the key with it once the passphrase is accepted', async () => {
    const fake = show({
      'keys.unlock': () => ok(keyStatus({ keychain: true })),
      'keys.reseal': () => ok(keyStatus({ keychain: true, protection: 'safe-storage' })),
    });
    await enterPassphrase();
    expect(await screen.findByText(/以后改用操作系统的钥匙串保护签名密钥吗/)).toBeTruthy();
    expect(useUi.getState().passphraseOpen).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '用钥匙串保护' }));
    await waitFor(() => expect(useUi.getState().passphraseOpen).toBe(false));
    expect(fake.calls.filter((c) => c.method !== 'keys.status').map((c) => [c.method, c.input])).toEqual([
      ['keys.unlock', { passphrase: 'correct horse battery' }],
      ['keys.reseal', { protection: 'safe-storage' }],
    ]);
  });

  it('keeps the passphrase when the broker says so, and offers nothing where there is no keychain', async () => {
    const fake = show({ 'keys.unlock': () => ok(keyStatus({ keychain: false })) });
    await enterPassphrase();
    await waitFor(() => expect(useUi.getState().passphraseOpen).toBe(false));
    expect(screen.queryByText(/钥匙串/)).toBeNull();
    expect(fake.calls.map((c) => c.method).filter((m) => m !== 'keys.status')).toEqual(['keys.unlock']);
  });

  it('asks for a new passphrase, twice, where no key is stored yet: the key is made under it', async () => {
    const fake = show({
      'keys.status': () => ok(keyStatus({ exists: false, unlocked: false, keyId: null, algorithm: null })),
      'keys.unlock': () => ok(keyStatus()),
    });
    expect(await screen.findByText(/首次使用时将以此口令创建密钥/)).toBeTruthy();
    const box = screen.getByLabelText('口令');
    expect(box.getAttribute('autocomplete')).toBe('new-password');
    // The key is made under what is typed: a typo in the confirm box is said under it, and nothing is sent.
    refusedMismatch('口令', () => fireEvent.click(screen.getByRole('button', { name: '确定' })));
    expect(fake.calls.some((c) => c.method === 'keys.unlock')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(useUi.getState().passphraseOpen).toBe(false));
    expect(fake.calls.find((c) => c.method === 'keys.unlock')?.input).toEqual({ passphrase: 'correct horse battery' });
  });

  it("says a stored key's short passphrase under its box in zh and en, not in the browser's bubble, and sends nothing", async () => {
    const fake = show({ 'keys.unlock': () => ok(keyStatus()) });
    const box = await screen.findByLabelText('口令');
    expect(box.closest('form')?.noValidate).toBe(true);
    fireEvent.change(box, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    expectSaidUnder(box, { zh: '至少 8 个字符', en: 'At least 8 characters' });
    expect(fake.calls.some((c) => c.method === 'keys.unlock')).toBe(false);
  });

  it('opens again empty after a cancel: neither what was typed nor what was said under the box stays', async () => {
    show({ 'keys.unlock': () => ok(keyStatus()) });
    const box = await screen.findByLabelText('口令');
    fireEvent.change(box, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    expectSaidUnder(box, { zh: '至少 8 个字符', en: 'At least 8 characters' });
    act(() => useUi.setState({ locale: 'zh-CN' }));
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(useUi.getState().passphraseOpen).toBe(false);
    act(() => useUi.setState({ passphraseOpen: true }));
    const again = screen.getByLabelText('口令');
    expect((again as HTMLInputElement).value).toBe('');
    expect(again.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('至少 8 个字符')).toBeNull();
  });

  it('says a wrong passphrase in the UI language and stays open', async () => {
    show({
      'keys.unlock': () => ({
        ok: false,
        error: { code: 'KEY_ERROR', message: 'wrong', reason: 'keys.wrong-passphrase', params: {} },
      }),
    });
    await enterPassphrase();
    expect((await screen.findByRole('alert')).textContent).toBe('口令不正确，或保存的签名密钥已被改动');
    expect(useUi.getState().passphraseOpen).toBe(true);
  });
});
