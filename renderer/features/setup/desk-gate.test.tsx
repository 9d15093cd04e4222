import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, DeskStatus } from '../../../shared/api';
import { defaultUiState, reasonMessage } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { renderOnOwnClient } from '../../../test-support/renderer/render-with-bridge';
import { keyStatus } from '../../../test-support/shared/records';
import { refusedMismatch } from '../../../test-support/renderer/new-passphrase';
import { useSettings } from '../settings/settings-store';
import { DeskGate } from './desk-gate';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const normal: DeskStatus = { mode: 'normal', problem: null, dataDir: '/data', needsSetup: false, latestBackup: null };
const backup = {
  name: 'swdesk-daily-20261121T080000000Z.sqlite',
  kind: 'daily' as const,
  createdAt: '2026-11-21T08:00:00.000Z',
  sizeBytes: 4096,
  schemaVersion: 5,
};

/** What main answers to profiles.create of `input`: the profile made, current, with both roles (none were asked). */
function createdProfile(input: unknown) {
  return ok({
    id: '01a2049e-b64f-7413-8ff9-f1a7a1258340',
    ...(input as object),
    roles: ['preparer', 'reviewer'],
    current: true,
    createdAt: 't',
    updatedAt: 't',
  });
}

function setup(status: () => DeskStatus, extra: Record<string, (input: unknown) => ApiResult<unknown>> = {}) {
  return renderOnOwnClient(
    {
      'desk.status': () => ok(status()),
      'ui.getState': () => ok(defaultUiState),
      'keys.status': () => ok(keyStatus()),
      'keys.list': () => ok([]),
      ...extra,
    },
    <DeskGate>
      <p>the desk</p>
    </DeskGate>,
  );
}

const byLabel = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(byLabel(label), { target: { value } });

/** The setup's company and operator steps filled in as they pass, up to the hub step. */
async function toHubStep(): Promise<void> {
  await screen.findByRole('heading', { name: '欢迎使用 SW Desk' });
  type('申报单位名称', '上海捷通报关有限公司');
  type('海关编码（10位）', '3120980123');
  type('统一社会信用代码', '91310115MA1H7AAA0F');
  fireEvent.click(screen.getByRole('button', { name: '下一步' }));
  type('录入员姓名', '王芳');
  type('IC卡号', '8931000012345');
  fireEvent.click(screen.getByRole('button', { name: '下一步' }));
}

describe('what the window shows first (fake bridge)', () => {
  beforeEach(() => {
    useUi.setState({ locale: 'zh-CN', notices: [] });
    useSettings.setState({ open: false, tab: 'profiles' });
  });
  afterEach(cleanup);

  it('the desk, when the data opened and an operator is set up', async () => {
    setup(() => normal);
    expect(await screen.findByText('the desk')).toBeTruthy();
  });

  it('the first-run setup: each step checked before it moves on, then the profile saved and the desk shown', async () => {
    let needsSetup = true;
    const fake = setup(() => ({ ...normal, needsSetup }), {
      'profiles.create': (input) => {
        needsSetup = false;
        return createdProfile(input);
      },
    });
    await screen.findByRole('heading', { name: '欢迎使用 SW Desk' });
    // Each step opens on its first field.
    await waitFor(() => expect(document.activeElement).toBe(byLabel('申报单位名称')));
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getAllByText('必填')).toHaveLength(3);
    expect(byLabel('申报单位名称').getAttribute('aria-invalid')).toBe('true');
    type('申报单位名称', ' 上海捷通报关有限公司 ');
    type('海关编码（10位）', '312098012');
    type('统一社会信用代码', '91310115ma1h7aaa0f');
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByText('应为 10 位海关编码（数字或大写字母）')).toBeTruthy();
    type('海关编码（10位）', '3120980123');
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(document.activeElement).toBe(byLabel('录入员姓名')));
    type('录入员姓名', '王芳');
    type('IC卡号', '8931000012345');
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(document.activeElement).toBe(byLabel('数据交换中心地址')));
    fireEvent.click(await screen.findByRole('button', { name: '暂不连接，离线工作' }));
    expect(await screen.findByText('the desk')).toBeTruthy();
    expect(fake.calls.find((c) => c.method === 'profiles.create')?.input).toEqual({
      company: { name: '上海捷通报关有限公司', customsCode: '3120980123', uscc: '91310115MA1H7AAA0F' },
      operator: { name: '王芳', icCard: '8931000012345' },
      makeCurrent: true,
    });
    expect(fake.calls.some((c) => c.method === 'sync.connect')).toBe(false);
  });

  it('the setup connects to the hub when asked, and keeps the step open with the hub’s refusal', async () => {
    let needsSetup = true;
    const fake = setup(() => ({ ...normal, needsSetup }), {
      'profiles.create': createdProfile,
      'sync.connect': () => ({
        ok: false,
        error: { code: 'HUB_ERROR', message: 'The hub refused the enrolment: unknown code' },
      }),
    });
    await toHubStep();
    // Empty boxes are said under each in the UI language (not by the browser's bubble), and nothing is saved or sent.
    expect(byLabel('数据交换中心地址').closest('form')?.noValidate).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '完成并连接' }));
    expect(screen.getByText(/^数据交换中心地址须以 http:\/\/ 或 https:\/\/ 开头/)).toBeTruthy();
    expect(screen.getByText('至少 4 个字符')).toBeTruthy();
    expect(document.activeElement).toBe(byLabel('数据交换中心地址'));
    expect(fake.calls.filter((c) => ['profiles.create', 'keys.unlock', 'sync.connect'].includes(c.method))).toEqual([]);
    type('数据交换中心地址', 'https://hub.example.cn');
    type('注册码', 'WRONG-CODE');
    fireEvent.click(screen.getByRole('button', { name: '完成并连接' }));
    expect((await screen.findByRole('alert')).textContent).toContain('unknown code');
    expect(fake.calls.filter((c) => c.method === 'profiles.create')).toHaveLength(1);
    needsSetup = false;
    fireEvent.click(screen.getByRole('button', { name: '暂不连接，离线工作' }));
    expect(await screen.findByText('the desk')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'profiles.create')).toHaveLength(1);
  });

  // With no key stored and a passphrase to protect it (the browser host), connecting makes the first key under the
  // passphrase typed here (keys.unlock with no key stores a new one): it is chosen, not recalled.
  it('the setup asks for a new passphrase where no key exists yet, and makes the key with it before enrolling', async () => {
    let needsSetup = true;
    const fake = setup(() => ({ ...normal, needsSetup }), {
      'keys.status': () => ok(keyStatus({ exists: false, unlocked: false, keyId: null, algorithm: null })),
      'profiles.create': createdProfile,
      'keys.unlock': () => ok(keyStatus()),
      'sync.connect': () => {
        needsSetup = false;
        return ok({
          state: 'online',
          hubUrl: 'https://hub.example.cn',
          clientId: 'c1',
          outbox: { queued: 0, sending: 0, rejected: 0 },
          lastError: null,
          lastSyncAt: null,
          nextAttemptAt: null,
        });
      },
    });
    await toHubStep();
    const box = byLabel('签名密钥口令（至少8位）');
    expect([box.type, box.getAttribute('autocomplete'), box.minLength, box.required]).toEqual([
      'password',
      'new-password',
      8,
      true,
    ]);
    type('数据交换中心地址', 'https://hub.example.cn');
    type('注册码', 'ABCD-1234');
    // A typo in the confirm box: said under it, and nothing saved or sent (the profile neither).
    refusedMismatch('签名密钥口令（至少8位）', () =>
      fireEvent.click(screen.getByRole('button', { name: '完成并连接' })),
    );
    expect(fake.calls.map((c) => c.method).filter((m) => /^(profiles\.create|keys\.unlock|sync\.)/.test(m))).toEqual(
      [],
    );
    fireEvent.click(screen.getByRole('button', { name: '完成并连接' }));
    expect(await screen.findByText('the desk')).toBeTruthy();
    expect(
      fake.calls
        .filter((c) => c.method === 'keys.unlock' || c.method === 'sync.connect')
        .map((c) => [c.method, c.input]),
    ).toEqual([
      ['keys.unlock', { passphrase: 'correct horse battery' }],
      ['sync.connect', { hubUrl: 'https://hub.example.cn', enrollmentCode: 'ABCD-1234' }],
    ]);
  });

  it('the setup asks for no passphrase where the key is stored already', async () => {
    setup(() => ({ ...normal, needsSetup: true }));
    await toHubStep();
    await screen.findByLabelText('注册码');
    expect(screen.queryByLabelText('签名密钥口令（至少8位）')).toBeNull();
  });

  it('Alt+Shift+L switches the setup and the recovery screen to English, as in the desk, and the choice is kept', async () => {
    const fake = setup(() => ({ ...normal, needsSetup: true }), { 'ui.setState': () => ok(defaultUiState) });
    await screen.findByRole('heading', { name: '欢迎使用 SW Desk' });
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+L');
    fireEvent.keyDown(window, { key: 'L', code: 'KeyL', altKey: true, shiftKey: true });
    expect(await screen.findByRole('heading', { name: 'Welcome to SW Desk' })).toBeTruthy();
    // The page says so too: screen readers voice it, and the English quote face applies by it.
    expect(document.documentElement.lang).toBe('en');
    // Kept in main: the desk reads the language back when it opens after the setup, and would put Chinese back.
    expect(fake.calls.filter((c) => c.method === 'ui.setState').map((c) => c.input)).toEqual([{ locale: 'en' }]);
    cleanup();
    setup(() => ({ ...normal, mode: 'recovery', problem: { kind: 'damaged', detail: 'SQLITE_NOTADB' } }));
    await screen.findByRole('heading', { name: '数据库已损坏' });
    fireEvent.keyDown(window, { key: 'L', code: 'KeyL', altKey: true, shiftKey: true });
    expect(await screen.findByRole('heading', { name: 'The database is damaged' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('the recovery screen for a damaged database: what happened, the latest backup, and what can be done', async () => {
    const fake = setup(
      () => ({
        ...normal,
        mode: 'recovery',
        problem: { kind: 'damaged', detail: 'SQLITE_NOTADB: file is not a database' },
        latestBackup: backup,
      }),
      {
        'recovery.restoreLatest': () =>
          ok({
            mode: 'normal',
            dataDir: '/data',
            note: reasonMessage('desk.replaced-kept', { folder: '/data/replaced/x' }),
          }),
      },
    );
    expect(await screen.findByRole('heading', { name: '数据库已损坏' })).toBeTruthy();
    expect(screen.queryByText('the desk')).toBeNull();
    expect(screen.getByText(/SQLITE_NOTADB/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '只读打开（可查看和导出，不能修改）' })).toBeTruthy();
    // The recommended action has the focus: Enter restores.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '恢复最近的备份' })));
    fireEvent.click(screen.getByRole('button', { name: '恢复最近的备份' }));
    expect(await screen.findByText('被替换的数据库已保留在 /data/replaced/x')).toBeTruthy();
    expect(screen.getByRole('button', { name: '继续' })).toBeTruthy();
    expect(fake.calls.some((c) => c.method === 'recovery.restoreLatest')).toBe(true);
  });

  it('a missing key: the key can be put back, and a new key needs the user to confirm what it means', async () => {
    const fake = setup(
      () => ({
        ...normal,
        mode: 'recovery',
        problem: {
          kind: 'missing-key',
          detail: 'gone',
          missingKeyIds: ['0123456789abcdef'],
          queued: 2,
          enrolled: true,
        },
      }),
      {
        'recovery.importKey': () => ({
          ok: false,
          error: {
            code: 'BAD_INPUT',
            message: 'This private key is key ffff, but the data needs 0123456789abcdef; nothing was changed',
          },
        }),
      },
    );
    expect(await screen.findByRole('heading', { name: '签名密钥丢失' })).toBeTruthy();
    expect(screen.getByText(/0123456789abcdef；等待发送的报关单：2 份/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('私钥（Ed25519 PEM，或 SM2 的 64 位十六进制）'), {
      target: { value: 'ab'.repeat(32) },
    });
    // No preload bridge here: the browser host, which seals the key put back with a passphrase.
    type('签名密钥口令（至少8位）', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: '导入丢失的私钥' }));
    expect((await screen.findByRole('alert')).textContent).toContain('nothing was changed');
    expect(fake.calls.find((c) => c.method === 'recovery.importKey')?.input).toMatchObject({
      algorithm: 'sm2',
      privateKey: 'ab'.repeat(32),
    });
    const newKey = screen.getByRole('button', { name: '改用新密钥' }) as HTMLButtonElement;
    expect(newKey.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox'));
    expect(newKey.disabled).toBe(false);
    expect(screen.queryByRole('button', { name: /只读打开/ })).toBeTruthy();
  });

  it('read-only: the desk with a banner, and the recovery options one click away', async () => {
    setup(() => ({
      ...normal,
      mode: 'read-only',
      problem: { kind: 'too-new', detail: 'newer', found: 9, supported: 5 },
    }));
    expect(await screen.findByText('the desk')).toBeTruthy();
    expect(screen.getByText(/只读模式/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '恢复选项' }));
    expect(screen.getByRole('heading', { name: '数据来自更新的版本' })).toBeTruthy();
    expect(screen.getByText('数据版本 9，本程序支持到 5')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(await screen.findByText('the desk')).toBeTruthy();
  });

  it('performs the menu’s actions: Settings opens; a page key is replayed as that key', async () => {
    const fake = setup(() => normal, { 'profiles.list': () => ok([]) });
    await screen.findByText('the desk');
    act(() => fake.emit('menu', { action: 'backup-now' }));
    expect(fake.calls.some((c) => c.method === 'backup.now')).toBe(true);
    act(() => fake.emit('menu', { action: 'restore-backup' }));
    expect(useSettings.getState()).toMatchObject({ open: true, tab: 'backup' });
    const keys: KeyboardEvent[] = [];
    const listener = (e: KeyboardEvent) => keys.push(e);
    window.addEventListener('keydown', listener);
    act(() => fake.emit('menu', { action: 'new-import' }));
    window.removeEventListener('keydown', listener);
    expect(keys.map((k) => [k.code, k.altKey, k.shiftKey])).toEqual([['KeyN', true, false]]);
    await waitFor(() => expect(screen.getByRole('tab', { name: '备份' }).getAttribute('aria-selected')).toBe('true'));
  });
});
