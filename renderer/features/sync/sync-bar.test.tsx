import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/api';
import { reasonMessage } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { setBridge } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { expectDetailFolded } from '../../../test-support/renderer/detail-fold';
import { createFakeBridge, type FakeCall } from '../../../test-support/renderer/fake-bridge';
import { screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { syncStatus } from '../../../test-support/shared/records';
import { PassphraseDialog } from '../keys/passphrase-dialog';
import { SyncBar } from './sync-bar';

const lockedStatus = syncStatus({
  state: 'offline',
  hubUrl: 'http://127.0.0.1:1',
  clientId: 'c1',
  outbox: { queued: 2, sending: 0, rejected: 0 },
  keyLocked: true,
  lastError: reasonMessage('sync.key-locked'),
});
const keyStatus = (exists: boolean, unlocked: boolean) => ({
  exists,
  unlocked,
  algorithm: exists ? 'ed25519' : null,
  keyId: exists ? 'k1' : null,
  publicKey: exists ? 'pk' : null,
  protection: 'passphrase',
  keychain: false,
});

// A restart without the passphrase file leaves the stored key locked: the bar must say so in the UI language
// and offer to unlock it, the prompt must say unlock (not create), and 同步 goes on once it is unlocked.
describe('sync bar with a locked signing key (fake bridge)', () => {
  let calls: FakeCall[];
  let status: SyncStatus;
  let keyExists: boolean;

  function mount(locale: Locale) {
    useUi.getState().setLocale(locale);
    return render(
      <QueryClientProvider client={queryClient}>
        <SyncBar />
        <PassphraseDialog />
      </QueryClientProvider>,
    );
  }

  beforeEach(() => {
    queryClient.clear();
    useUi.getState().setPassphraseOpen(false);
    status = lockedStatus;
    keyExists = true;
    const fake = createFakeBridge({
      'sync.status': () => ({ ok: true, value: status }),
      'sync.now': () => ({ ok: true, value: status }),
      'outbox.list': () => ({ ok: true, value: [] }),
      'keys.status': () => ({ ok: true, value: keyStatus(keyExists, false) }),
      'keys.unlock': (input) => {
        if ((input as { passphrase: string }).passphrase !== 'correct horse battery')
          return { ok: false, error: { code: 'KEY_ERROR', message: 'wrong', reason: 'keys.wrong-passphrase' } };
        status = { ...lockedStatus, state: 'online', keyLocked: false, lastError: null };
        return { ok: true, value: keyStatus(true, true) };
      },
    });
    calls = fake.calls;
    setBridge(fake.bridge);
  });
  afterEach(cleanup);

  it('says 密钥未解锁 with an unlock button, and the prompt unlocks the stored key', async () => {
    mount('zh-CN');
    const locked = await screen.findByTestId('key-locked');
    expect(locked.textContent).toContain('密钥未解锁');
    expect(locked.title).toBe('签名密钥未解锁：解锁后才能发送报关单和接收回执');
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    const dialog = await screen.findByRole('dialog', { name: '解锁签名密钥' });
    expect(dialog.textContent).toContain('尚未解锁');
    expect(dialog.textContent).not.toContain('创建');
  });

  it('同步 while locked asks for the passphrase first, and syncs once it is unlocked (not on a wrong one)', async () => {
    mount('zh-CN');
    await screen.findByTestId('key-locked');
    fireEvent.click(screen.getByRole('button', { name: '同步' }));
    const dialog = await screen.findByRole('dialog', { name: '解锁签名密钥' });
    expect(calls.filter((c) => c.method === 'sync.now')).toEqual([]);

    const input = screen.getByLabelText('口令');
    fireEvent.change(input, { target: { value: 'wrong passphrase' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '解锁' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'keys.unlock')).toHaveLength(1));
    expect(calls.filter((c) => c.method === 'sync.now')).toEqual([]);

    fireEvent.change(input, { target: { value: 'correct horse battery' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '解锁' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'sync.now')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('key-locked')).toBeNull());
  });

  it('says it in English in the English UI', async () => {
    mount('en');
    const locked = await screen.findByTestId('key-locked');
    expect(locked.textContent).toContain('Key locked');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('dialog', { name: 'Unlock the signing key' });
  });

  it('the prompt says a key will be created when none is stored yet', async () => {
    keyExists = false;
    mount('zh-CN');
    await screen.findByTestId('key-locked');
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    const dialog = await screen.findByRole('dialog', { name: '签名密钥口令' });
    expect(dialog.textContent).toContain('创建');
  });
});

/** The bar alone, in Chinese, on main's sync status as `status` gives it at each read. */
function showBar(status: () => SyncStatus): void {
  queryClient.clear();
  setBridge(createFakeBridge({ 'sync.status': () => ({ ok: true, value: status() }) }).bridge);
  useUi.getState().setLocale('zh-CN');
  render(
    <QueryClientProvider client={queryClient}>
      <SyncBar />
    </QueryClientProvider>,
  );
}

// 随附单据 files go to the hub before their submissions; ten 4 MB files take a while, so the bar shows how far.
describe('sync bar while attached files upload (fake bridge)', () => {
  afterEach(cleanup);

  it('shows the upload’s progress in the UI language, and nothing once it is done', async () => {
    let status: SyncStatus = {
      ...lockedStatus,
      state: 'syncing',
      keyLocked: false,
      lastError: null,
      upload: { sentBytes: 3 * 1024 * 1024, totalBytes: 12 * 1024 * 1024 },
    };
    showBar(() => status);
    const progress = await screen.findByTestId('upload-progress');
    // A few words in the bar, the whole sentence as its title and for a screen reader.
    expect(progress.title).toBe('上传随附单据 25%（共 12.0 MB）');
    expect(progress.querySelector('[aria-hidden="true"]:not(progress)')?.textContent).toBe('25%');
    expect(progress.querySelector('.sr-only')?.textContent).toBe(progress.title);
    expect(progress.querySelector('progress')?.value).toBe(3 * 1024 * 1024);
    useUi.getState().setLocale('en');
    await waitFor(() => expect(screen.getByTestId('upload-progress').title).toContain('Uploading attached'));
    status = { ...status, state: 'online', upload: null };
    await queryClient.invalidateQueries({ queryKey: keys.sync });
    await waitFor(() => expect(screen.queryByTestId('upload-progress')).toBeNull());
  });
});

// The last sync error was a tooltip, which cannot hold the program's words: support had nowhere to read them.
describe('sync bar after a failed sync (fake bridge)', () => {
  screenPerTest();

  it('opens from the state to the worded failure, the library’s words under 详情, in zh-CN and en', async () => {
    const detail = 'fetch failed: connect ECONNREFUSED 127.0.0.1:1';
    const status: SyncStatus = {
      ...lockedStatus,
      keyLocked: false,
      lastError: reasonMessage('sync.hub-unreachable', {
        url: 'http://127.0.0.1:1',
        cause: 'connection-refused',
        detail,
      }),
    };
    showBar(() => status);
    // The tooltip keeps the sentence for a glance; the state opens it with its 详情.
    await waitFor(() => expect(screen.getByTestId('connection-state').title).toMatch(/^无法连接数据交换中心/));
    const state = screen.getByTestId('connection-state');
    expect(state.textContent).toBe('离线');
    fireEvent.click(state);
    const panel = screen.getByRole('region', { name: '上次同步的问题' });
    const sentence = within(panel).getByText(/^无法连接数据交换中心/);
    expect(sentence.textContent).toBe('无法连接数据交换中心 http://127.0.0.1:1：该地址和端口上没有程序应答');
    expectDetailFolded(panel, sentence, detail, 'zh-CN');

    act(() => useUi.getState().setLocale('en'));
    const english = screen.getByRole('region', { name: 'The last sync problem' });
    expect(screen.getByTestId('connection-state').textContent).toBe('Offline');
    const said = within(english).getByText(/^Cannot reach the hub/);
    expect(said.textContent).toBe(
      'Cannot reach the hub at http://127.0.0.1:1: nothing answers at that address and port',
    );
    expectDetailFolded(english, said, detail, 'en');
  });
});
