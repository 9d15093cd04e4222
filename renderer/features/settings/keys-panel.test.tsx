import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiResult, MethodOutput } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { keyStatus } from '../../../test-support/shared/records';
import { KeysPanel } from './keys-panel';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
type KeyInfo = MethodOutput<'keys.list'>[number];
const key = (keyId: string, algorithm: KeyInfo['algorithm'], active: boolean): KeyInfo => ({
  keyId,
  algorithm,
  active,
  createdAt: '2026-12-01T08:00:00.000Z',
  retiredAt: null,
});
const refused = (reason: 'keys.sm2-format' | 'keys.passphrase-required-for') => ({
  ok: false as const,
  error: (reason === 'keys.sm2-format'
    ? new AppError('keys.sm2-format', {})
    : new AppError('keys.passphrase-required-for', { action: 'change' })
  ).toApiError(),
});

/** The key panel on a desk whose key k1 (Ed25519) is replaced by k2 (SM2) when keys.rotate answers as `rotate` says. */
function showKeys(rotate: () => ApiResult<unknown>) {
  let keys = [key('k1', 'ed25519', true)];
  return renderWithBridge(
    {
      'keys.status': () => {
        const active = keys.find((k) => k.active);
        return ok(keyStatus({ keyId: active?.keyId ?? null, algorithm: active?.algorithm ?? null }));
      },
      'keys.list': () => ok(keys),
      'keys.rotate': () => {
        const answer = rotate();
        if (answer.ok) keys = [key('k1', 'ed25519', false), key('k2', 'sm2', true)];
        return answer;
      },
    },
    <KeysPanel />,
  );
}

/** The replacement form: its heading, what it says, and its own boxes and button. */
const rotateForm = () => screen.getByRole('heading', { name: '更换密钥' }).closest('form') as HTMLFormElement;

describe('replacing the signing key in Settings (fake bridge)', () => {
  screenPerTest();

  it('heads the key list’s columns and says which key is current, with the language’s colon, in zh and en', async () => {
    showKeys(() => ok(keyStatus({ keyId: 'k1', algorithm: 'ed25519' })));
    const list = await screen.findByRole('table', { name: '全部密钥' });
    await within(list).findByText('k1');
    const heads = () =>
      within(list)
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
    expect(heads()).toEqual(['密钥编号', '算法', '状态', '创建时间']);
    expect(screen.getByText('k1 (ed25519)').parentElement?.textContent).toBe('当前密钥：k1 (ed25519)');
    act(() => useUi.setState({ locale: 'en' }));
    expect(heads()).toEqual(['Key', 'Algorithm', 'State', 'Created']);
    expect(screen.getByText('k1 (ed25519)').parentElement?.textContent).toBe('Current key: k1 (ed25519)');
  });

  it('shows the form, sends the algorithm and the pasted key, says it is done and lists the new key', async () => {
    const fake = showKeys(() => ok(keyStatus({ keyId: 'k2', algorithm: 'sm2' })));
    expect(await screen.findByText('k1 (ed25519)')).toBeTruthy();
    const form = within(rotateForm());
    expect(form.getByText(/^生成新密钥（或导入私钥）/)).toBeTruthy();
    const algorithm = form.getByLabelText('算法') as HTMLSelectElement;
    expect([...algorithm.options].map((o) => o.text)).toEqual(['Ed25519', 'SM2']);
    expect(algorithm.value).toBe('ed25519');
    fireEvent.change(algorithm, { target: { value: 'sm2' } });
    fireEvent.change(form.getByLabelText('导入私钥（可选）'), { target: { value: ` ${'ab'.repeat(32)}\n` } });
    fireEvent.click(form.getByRole('button', { name: '更换密钥' }));
    expect(await screen.findByText('k2 (sm2)')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'keys.rotate').map((c) => c.input)).toEqual([
      { algorithm: 'sm2', privateKey: 'ab'.repeat(32) },
    ]);
    expect(useUi.getState().notices.map((n) => n.message('zh-CN'))).toEqual(['已更换签名密钥']);
    expect((form.getByLabelText('导入私钥（可选）') as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('makes a new key without one pasted, and words a refusal under the form in zh and en, keeping what was typed', async () => {
    let answer = refused('keys.sm2-format');
    const fake = showKeys(() => answer);
    await screen.findByText('k1 (ed25519)');
    const form = within(rotateForm());
    fireEvent.change(form.getByLabelText('算法'), { target: { value: 'sm2' } });
    fireEvent.change(form.getByLabelText('导入私钥（可选）'), { target: { value: 'not hex' } });
    fireEvent.click(form.getByRole('button', { name: '更换密钥' }));
    expect((await screen.findByRole('alert')).textContent).toBe('SM2 私钥应为 64 位十六进制数字');
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toBe('An SM2 private key is 64 hexadecimal digits');
    expect((screen.getByLabelText('Import a private key (optional)') as HTMLTextAreaElement).value).toBe('not hex');
    expect(useUi.getState().passphraseOpen).toBe(false);
    // A locked key: the passphrase dialog is opened, and the form says why in the UI language.
    answer = refused('keys.passphrase-required-for');
    fireEvent.change(screen.getByLabelText('Import a private key (optional)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replace the key' }));
    expect(await screen.findByText(/^Enter the passphrase that protects your signing key to/)).toBeTruthy();
    expect(useUi.getState().passphraseOpen).toBe(true);
    expect(fake.calls.filter((c) => c.method === 'keys.rotate').map((c) => c.input)).toEqual([
      { algorithm: 'sm2', privateKey: 'not hex' },
      { algorithm: 'sm2' },
    ]);
  });
});
