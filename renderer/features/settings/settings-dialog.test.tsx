import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, OperatorProfile, SyncStatus } from '../../../shared/api';
import { AppError, reasonMessage } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { expectDetailFolded } from '../../../test-support/renderer/detail-fold';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { refusedMismatch } from '../../../test-support/renderer/new-passphrase';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { archiveImported, keyStatus, manualBackup } from '../../../test-support/shared/records';
import { reloadPage } from './reload-page';
import { SettingsDialog } from './settings-dialog';
import { useSettings } from './settings-store';
import { saidUnder } from '../../../test-support/renderer/said-under';
import { useMenuActions } from './use-menu-actions';

vi.mock('./reload-page', () => ({ reloadPage: vi.fn() }));

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const backup = manualBackup;
/** The desk's settings as a fresh install has them. */
const settings = {
  backup: { daily: true, retention: 14 },
  review: { required: false },
  attachments: { maxFileMb: 4, hubMaxFileMb: null, inForceMb: 4 },
  dataDir: '/data',
  backupDir: '/data/backups',
  logDir: '/data/logs',
};
const wang: OperatorProfile = {
  id: '01a2049e-b64f-7413-8ff9-f1a7a1258340',
  company: { name: '上海捷通报关有限公司', customsCode: '3120980123', uscc: '91310115MA1H7AAA0F' },
  operator: { name: '王芳', icCard: '8931000012345' },
  roles: ['preparer', 'reviewer'],
  current: true,
  createdAt: 't',
  updatedAt: 't',
};

/** The hub connection as main reports it: not enrolled, nothing queued, unless said otherwise. */
const hubStatus = (over: Partial<SyncStatus>): SyncStatus => ({
  state: 'offline',
  hubUrl: 'http://hub.example:8080',
  clientId: null,
  outbox: { queued: 0, sending: 0, rejected: 0 },
  lastError: null,
  lastSyncAt: null,
  nextAttemptAt: null,
  ...over,
});

function open(
  tab: 'profiles' | 'hub' | 'backup' | 'data' | 'keys',
  answers: Record<string, (input: unknown) => ApiResult<unknown>>,
) {
  useSettings.setState({ open: true, tab });
  return renderWithBridge(
    {
      'settings.get': () => ok(settings),
      'backup.list': () => ok([backup]),
      'profiles.list': () => ok([wang]),
      'files.pick': () => ok({ supported: false, path: null, suggested: '/data/exports/swdesk-2026-11-22.swdx' }),
      ...answers,
    },
    <SettingsDialog />,
  );
}

describe('Settings (fake bridge)', () => {
  screenPerTest();
  beforeEach(() => vi.mocked(reloadPage).mockClear());

  it('restores a backup only after saying what happens to the current database, then reopens the page', async () => {
    const fake = open('backup', { 'backup.restore': () => ok({ mode: 'normal', dataDir: '/data', note: null }) });
    fireEvent.click(await screen.findByRole('button', { name: /^恢复 / }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm.textContent).toContain('replaced');
    expect(fake.calls.some((c) => c.method === 'backup.restore')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: '恢复' }));
    await waitFor(() => expect(reloadPage).toHaveBeenCalled());
    expect(fake.calls.find((c) => c.method === 'backup.restore')?.input).toEqual({ name: backup.name });
  });

  it('words a failure it shows again when the broker switches language with it on screen', async () => {
    open('backup', {
      'backup.restore': () => ({
        ok: false,
        error: {
          code: 'NOT_FOUND',
          reason: 'desk.no-such-backup',
          params: { name: backup.name },
          message: `There is no backup named ${backup.name}`,
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: /^恢复 / }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '恢复' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`没有名为 ${backup.name} 的备份`);
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toBe(`There is no backup named ${backup.name}`);
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeTruthy();
  });

  it("words the hub test's finding again when the broker switches language with it on screen", async () => {
    const url = 'http://127.0.0.1:9';
    open('hub', {
      'sync.status': () => ok(hubStatus({ state: 'not-configured', hubUrl: url })),
      'settings.testHub': () =>
        ok({
          reachable: false,
          hubUrl: url,
          version: null,
          hubTime: null,
          why: {
            message: `Cannot reach the hub at ${url}: nothing answers at that address and port`,
            reason: 'sync.hub-unreachable',
            params: { url, cause: 'connection-refused', detail: `connect ECONNREFUSED ${url.slice(7)}` },
          },
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '测试连接' }));
    const found = await screen.findByRole('status');
    expect(found.textContent).toBe(`无法连接：无法连接数据交换中心 ${url}：该地址和端口上没有程序应答`);
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('status').textContent).toBe(
      `Not reachable: Cannot reach the hub at ${url}: nothing answers at that address and port`,
    );
  });

  // Enrolling again is answered there and then: a hub nobody answers for is a refusal under the form, the code kept.
  it('says a failed enrolment under the form in zh and en, and keeps the code as typed', async () => {
    const url = 'https://hub.example.cn';
    const fake = open('hub', {
      'sync.status': () => ok(hubStatus({ state: 'online', clientId: 'c1' })),
      'sync.connect': () => ({
        ok: false,
        error: new AppError('sync.hub-unreachable', {
          url,
          cause: 'connection-refused',
          detail: 'connect ECONNREFUSED 203.0.113.9:443',
        }).toApiError(),
      }),
    });
    await screen.findByText(/^已注册/);
    // A malformed address is said under its box in the UI language (the form is noValidate), and nothing is sent.
    const address = screen.getByLabelText('数据交换中心地址');
    fireEvent.change(address, { target: { value: 'hub.example.cn' } });
    fireEvent.change(screen.getByLabelText('注册码'), { target: { value: 'ABCD-1234' } });
    const enrol = screen.getByRole('button', { name: '重新注册' });
    fireEvent.click(enrol);
    expect(saidUnder(address)).toMatch(/^数据交换中心地址须以 http:\/\/ 或 https:\/\/ 开头/);
    expect(document.activeElement).toBe(address);
    expect(fake.calls.some((c) => c.method === 'sync.connect')).toBe(false);
    fireEvent.change(address, { target: { value: url } });
    expect(saidUnder(address)).toBeUndefined();
    fireEvent.click(enrol);
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe(`无法连接数据交换中心 ${url}：该地址和端口上没有程序应答`);
    // Under the form it answers: after its button, inside the form.
    expect(enrol.compareDocumentPosition(refusal) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(enrol.closest('form')?.contains(refusal)).toBe(true);
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toBe(
      `Cannot reach the hub at ${url}: nothing answers at that address and port`,
    );
    expect((screen.getByLabelText('Enrolment code') as HTMLInputElement).value).toBe('ABCD-1234');
    expect(fake.calls.filter((c) => c.method === 'sync.connect').map((c) => c.input)).toEqual([
      { hubUrl: url, enrollmentCode: 'ABCD-1234', ifUnreachable: 'refuse' },
    ]);
  });

  // A first run's code kept for a hub that did not answer, then enrol again here, refused: main drops the kept code (it
  // must not enrol later with the code this one replaced), so the desk knows no hub; what the broker sent stays.
  it('keeps the address and code sent in their boxes after a refused enrolment that leaves no hub waiting', async () => {
    const url = 'http://127.0.0.1:9';
    let status = hubStatus({
      state: 'not-configured',
      hubUrl: url,
      lastError: reasonMessage('sync.enrolment-pending'),
    });
    open('hub', {
      'sync.status': () => ok(status),
      'sync.connect': () => {
        status = hubStatus({ state: 'not-configured', hubUrl: null });
        return {
          ok: false,
          error: new AppError('sync.hub-unreachable', {
            url,
            cause: 'connection-refused',
            detail: 'connect ECONNREFUSED 127.0.0.1:9',
          }).toApiError(),
        };
      },
    });
    const address = (await screen.findByLabelText('数据交换中心地址')) as HTMLInputElement;
    await waitFor(() => expect(address.value).toBe(url));
    fireEvent.change(screen.getByLabelText('注册码'), { target: { value: 'EFGH-5678' } });
    fireEvent.click(screen.getByRole('button', { name: '重新注册' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^无法连接数据交换中心 http:\/\/127\.0\.0\.1:9/);
    await act(() => queryClient.refetchQueries({ queryKey: keys.sync }));
    await waitFor(() => expect(screen.getByText(/^连接状态/).textContent).toBe('连接状态：尚未注册'));
    expect([address.value, (screen.getByLabelText('注册码') as HTMLInputElement).value]).toEqual([url, 'EFGH-5678']);
  });

  it("keeps the connection's last error's own words under 详情, beside its sentence, in zh-CN and en", async () => {
    const detail = 'fetch failed: other side closed (UND_ERR_SOCKET)';
    open('hub', {
      'sync.status': () =>
        ok(
          hubStatus({
            state: 'offline',
            clientId: 'c1',
            lastError: reasonMessage('sync.connection-broke', { cause: 'connection-reset', detail }),
          }),
        ),
    });
    const line = (await screen.findByText(/^已注册/)).closest('p') as HTMLElement;
    await waitFor(() => expect(line.textContent).toContain('—'));
    expect(line.textContent).toBe(
      '连接状态：已注册，客户端编号 c1 — 收到应答之前与数据交换中心的连接中断：对方关闭了连接',
    );
    expectDetailFolded(screen.getByRole('dialog'), line, detail, 'zh-CN');
    act(() => useUi.getState().setLocale('en'));
    const english = screen.getByText(/^Enrolled as/).closest('p') as HTMLElement;
    expect(english.textContent).toMatch(/^Connection: Enrolled as client c1 — The connection to the hub broke/);
    expectDetailFolded(screen.getByRole('dialog'), english, detail, 'en');
  });

  it('keeps the note of a folder it could not remember as main said it, its system words under 详情', async () => {
    const detail = "EACCES: permission denied, open '/home/wang/.config/swdesk/location.json.partial'";
    open('data', {
      'desk.chooseFolder': () =>
        ok({
          mode: 'normal',
          dataDir: '/mnt/share/swdesk',
          note: reasonMessage('desk.folder-not-remembered', { cause: 'permission-denied', detail }),
        }),
    });
    fireEvent.change(await screen.findByLabelText('文件夹路径'), { target: { value: '/mnt/share/swdesk' } });
    fireEvent.click(screen.getByRole('button', { name: '使用此文件夹' }));
    const note = await screen.findByText(/^无法记住这个文件夹/);
    expect(note.textContent).toBe('无法记住这个文件夹（没有权限）；在关闭 SW Desk 之前仍使用它');
    expectDetailFolded(screen.getByRole('dialog'), note, detail, 'zh-CN');
    // Worded again in the other language: the note is kept as main said it, not as the sentence it was.
    act(() => useUi.getState().setLocale('en'));
    const english = screen.getByText(/^The folder could not be remembered/);
    expectDetailFolded(screen.getByRole('dialog'), english, detail, 'en');
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('refuses a retention that is not 1–365, naming the field, and sends nothing', async () => {
    const fake = open('backup', {
      'settings.update': (input) =>
        ok({
          backup: (input as { backup: unknown }).backup,
          review: { required: false },
          attachments: { maxFileMb: 4, hubMaxFileMb: null, inForceMb: 4 },
          dataDir: '/data',
          backupDir: '/data/backups',
          logDir: '/data/logs',
        }),
    });
    const field = (await screen.findByLabelText('保留备份份数')) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('14'));
    fireEvent.change(field, { target: { value: '0' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('请输入 1 到 365 之间的整数')).toBeTruthy();
    expect((screen.getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.method === 'settings.update')?.input).toEqual({
        backup: { retention: 30, daily: true },
      }),
    );
  });

  it('adds an operator of the same company, checking the fields first', async () => {
    const fake = open('profiles', {
      'profiles.create': () => ({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'in use',
          issues: [{ path: 'operator.icCard', code: 'ic-card-in-use', message: 'in use' }],
        },
      }),
    });
    expect((await screen.findByRole('row', { name: /王芳/ })).textContent).toContain('当前');
    fireEvent.click(screen.getByRole('button', { name: '添加录入员' }));
    expect((screen.getByLabelText('申报单位名称') as HTMLInputElement).value).toBe('上海捷通报关有限公司');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getAllByText('必填')).toHaveLength(2);
    expect(fake.calls.some((c) => c.method === 'profiles.create')).toBe(false);
    fireEvent.change(screen.getByLabelText('录入员姓名'), { target: { value: '李强' } });
    fireEvent.change(screen.getByLabelText('IC卡号'), { target: { value: '8931000012345' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('这张 IC 卡已属于另一位录入员')).toBeTruthy();
    expect(fake.calls.find((c) => c.method === 'profiles.create')?.input).toMatchObject({
      operator: { name: '李强' },
      makeCurrent: false,
    });
  });

  it('exports to a typed path (never over an existing file) and reports an import, with drafts and conflicts named', async () => {
    const fake = open('data', {
      'archive.export': () =>
        ok({
          path: '/data/exports/swdesk-2026-11-22.swdx',
          bytes: 100,
          counts: {
            declarations: 3,
            receipts: 1,
            templates: 0,
            codeTables: 0,
            profiles: 1,
            parties: 0,
            products: 0,
            files: 0,
          },
        }),
      'archive.import': () =>
        ok(
          archiveImported('/usb/a.swdx', {
            declarations: { added: 2, skipped: 1 },
            returnedToDraft: ['SW2611220001'],
            conflicts: ['SW2611220002'],
          }),
        ),
    });
    expect(await screen.findByText('/data/backups')).toBeTruthy();
    const exportForm = screen.getByRole('button', { name: '导出全部数据' }).closest('form') as HTMLFormElement;
    fireEvent.click(within(exportForm).getByRole('button', { name: '选择…' }));
    await waitFor(() =>
      expect((screen.getByLabelText('导出到文件') as HTMLInputElement).value).toBe(
        '/data/exports/swdesk-2026-11-22.swdx',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: '导出全部数据' }));
    expect(await screen.findByText('已导出 3 份报关单到 /data/exports/swdesk-2026-11-22.swdx')).toBeTruthy();
    expect(fake.calls.find((c) => c.method === 'archive.export')?.input).toEqual({
      path: '/data/exports/swdesk-2026-11-22.swdx',
      overwrite: false,
    });

    fireEvent.change(screen.getByLabelText('归档文件'), { target: { value: '/usb/a.swdx' } });
    fireEvent.click(screen.getByRole('button', { name: '导入归档' }));
    expect(await screen.findByText('已导入 2 份报关单（1 份已存在，未改动）')).toBeTruthy();
    expect(screen.getByText(/SW2611220001/)).toBeTruthy();
    expect(screen.getByText(/SW2611220002/)).toBeTruthy();
  });

  it('offers an archive opened from the file manager for import, and imports it only when the broker confirms', async () => {
    const fake = createFakeBridge({
      'settings.get': () => ok(settings),
      'files.pick': () => ok({ supported: false, path: null, suggested: '/data/exports/a.swdx' }),
      'archive.import': () =>
        ok(archiveImported('/home/wang/下载/2026-12-01.swdx', { declarations: { added: 4, skipped: 0 } })),
    });
    setBridge(fake.bridge);
    useSettings.setState({ open: false, tab: 'profiles', archiveOffered: null });
    function Desk() {
      useMenuActions();
      return <SettingsDialog />;
    }
    render(
      <QueryClientProvider client={queryClient}>
        <Desk />
      </QueryClientProvider>,
    );
    act(() => fake.emit('archive.open', { path: '/home/wang/下载/2026-12-01.swdx' }));
    const field = (await screen.findByLabelText('归档文件')) as HTMLInputElement;
    expect(field.value).toBe('/home/wang/下载/2026-12-01.swdx');
    expect(fake.calls.some((c) => c.method === 'archive.import')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '导入归档' }));
    expect(await screen.findByText('已导入 4 份报关单（0 份已存在，未改动）')).toBeTruthy();
    expect(fake.calls.find((c) => c.method === 'archive.import')?.input).toEqual({
      path: '/home/wang/下载/2026-12-01.swdx',
    });
  });

  it('moves the signing key to the keychain, or back to a passphrase for the browser host (desktop app)', async () => {
    let protection: 'passphrase' | 'safe-storage' = 'passphrase';
    const currentStatus = () => ok(keyStatus({ protection, keychain: true }));
    const fake = open('keys', {
      'keys.status': currentStatus,
      'keys.list': () => ok([{ keyId: 'k1', algorithm: 'ed25519', active: true, createdAt: 't', retiredAt: null }]),
      'keys.reseal': (input) => {
        protection = (input as { protection: typeof protection }).protection;
        return currentStatus();
      },
    });
    expect(await screen.findByText('保护方式：口令')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '改用钥匙串保护' }));
    expect(await screen.findByText('保护方式：操作系统钥匙串')).toBeTruthy();
    // The key is sealed under the new passphrase: a typo in the confirm box is said under it, and nothing is sent.
    const toPassphrase = () => fireEvent.click(screen.getByRole('button', { name: '改用口令保护' }));
    refusedMismatch('新口令（至少8位）', toPassphrase, 'for the browser host');
    expect(fake.calls.filter((c) => c.method === 'keys.reseal')).toHaveLength(1);
    toPassphrase();
    expect(await screen.findByText('保护方式：口令')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'keys.reseal').map((c) => c.input)).toEqual([
      { protection: 'safe-storage' },
      { protection: 'passphrase', passphrase: 'for the browser host' },
    ]);
  });
});
