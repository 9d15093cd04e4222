import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskStatus } from '../../../shared/api';
import { AppError, reasonMessage } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { expectDetailFolded } from '../../../test-support/renderer/detail-fold';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { RecoveryScreen } from './recovery-screen';

const bindingProblem = (packaged: boolean): DeskStatus => ({
  mode: 'recovery',
  dataDir: '/home/wang/.local/share/swdesk',
  needsSetup: false,
  latestBackup: {
    name: 'swdesk-daily-20261201T080000000Z.sqlite',
    kind: 'daily',
    createdAt: '2026-12-01T08:00:00.000Z',
    sizeBytes: 81920,
    schemaVersion: 9,
  },
  problem: {
    kind: 'sqlite-binding',
    detail: 'built for module version 115, but electron needs 150',
    binding: { file: '/opt/SW Desk/native.node', found: 115, required: 150, runtime: 'electron', packaged },
  },
});

function show(status: DeskStatus, answers: Parameters<typeof createFakeBridge>[0] = {}) {
  const fake = createFakeBridge(answers);
  setBridge(fake.bridge);
  render(
    <QueryClientProvider client={queryClient}>
      <RecoveryScreen status={status} />
    </QueryClientProvider>,
  );
  return fake;
}

/** The data in recovery mode for `problem`, with no backup to offer. */
const recoveryFor = (problem: NonNullable<DeskStatus['problem']>): DeskStatus => ({
  mode: 'recovery',
  dataDir: '/home/wang/.local/share/swdesk',
  needsSetup: false,
  latestBackup: null,
  problem,
});

describe('the recovery screen when SQLite’s native component does not fit (fake bridge)', () => {
  beforeEach(() => useUi.setState({ locale: 'zh-CN' }));
  afterEach(cleanup);

  it('names the file and both versions, and says to reinstall an installed app', () => {
    show(bindingProblem(true));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('数据库组件与本程序不匹配');
    expect(screen.getByText(/模块版本为 115，当前的 Electron 需要版本 150/).textContent).toContain(
      '/opt/SW Desk/native.node',
    );
    expect(screen.getByText(/请用本版本的安装程序重新安装 SW Desk/)).toBeTruthy();
    // Without SQLite nothing can restore a backup, open read-only or open another folder: not offered.
    expect(screen.queryByRole('button', { name: '恢复最近的备份' })).toBeNull();
    expect(screen.queryByRole('button', { name: /只读打开/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '选择其他数据文件夹' })).toBeNull();
    expect(screen.getByRole('button', { name: '复制诊断信息' })).toBeTruthy();
  });

  it('gives the command to run in a checkout, in English too', () => {
    useUi.setState({ locale: 'en' });
    show(bindingProblem(false));
    expect(screen.getByText(/built for module version 115; Electron here needs version 150/)).toBeTruthy();
    expect(screen.getByText('npm run electron:binding')).toBeTruthy();
  });
});

// The note after reopening (a folder that could not be remembered) had its system words dropped: nowhere to read them.
describe('the recovery screen after it reopened the data elsewhere (fake bridge)', () => {
  screenPerTest();

  it('says what main noted in the UI language, the system’s words under 详情', async () => {
    const detail = "EROFS: read-only file system, open '/etc/swdesk/location.json.partial'";
    show(recoveryFor({ kind: 'unwritable', detail: 'EACCES: permission denied' }), {
      'desk.chooseFolder': () => ({
        ok: true,
        value: {
          mode: 'normal',
          dataDir: '/mnt/usb/swdesk',
          note: reasonMessage('desk.folder-not-remembered', { cause: 'read-only', detail }),
        },
      }),
    });
    fireEvent.change(screen.getByLabelText('文件夹路径'), { target: { value: '/mnt/usb/swdesk' } });
    fireEvent.click(screen.getByRole('button', { name: '选择其他数据文件夹' }));
    const note = await screen.findByText(/^无法记住这个文件夹/);
    expect(note.textContent).toBe('无法记住这个文件夹（磁盘或文件是只读的）；在关闭 SW Desk 之前仍使用它');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '继续' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('数据已重新打开');
    expectDetailFolded(document.body, note, detail, 'zh-CN');
    act(() => useUi.setState({ locale: 'en' }));
    expect(screen.getByRole('status').textContent).toMatch(/^The folder could not be remembered \(/);
    expectDetailFolded(document.body, screen.getByRole('status'), detail, 'en');
    // The screen's language key and button are still there: the note back in Chinese.
    fireEvent.keyDown(window, { key: 'L', code: 'KeyL', altKey: true, shiftKey: true });
    expect(screen.getByRole('status').textContent).toMatch(/^无法记住这个文件夹/);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('status').textContent).toMatch(/^The folder could not be remembered \(/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The data is open again');
  });
});

// The browser host seals the key put back with the passphrase typed here; main takes none shorter than the contract's
// minimum, and the screen says so under the box before anything is sent.
describe('the recovery screen putting a lost key back in the browser host (fake bridge)', () => {
  screenPerTest();

  it('says a short passphrase under its box in zh and en and sends nothing, then sends a long enough one', async () => {
    const fake = show(
      recoveryFor({ kind: 'missing-key', detail: 'gone', missingKeyIds: ['0123456789abcdef'], queued: 1 }),
      {
        'recovery.importKey': () => ({
          ok: false,
          error: new AppError('keys.not-the-missing-key', { keyId: 'ffff', needed: '0123456789abcdef' }).toApiError(),
        }),
        'recovery.retry': () => ({ ok: false, error: new AppError('desk.nothing-to-recover').toApiError() }),
      },
    );
    fireEvent.change(screen.getByLabelText(/^私钥/), { target: { value: 'ab'.repeat(32) } });
    const box = screen.getByLabelText('签名密钥口令（至少8位）');
    expect([box.getAttribute('autocomplete'), (box as HTMLInputElement).minLength]).toEqual(['current-password', 8]);
    fireEvent.change(box, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: '导入丢失的私钥' }));
    expect(document.getElementById('recovery-passphrase-error')?.textContent).toBe('至少 8 个字符');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(box);
    act(() => useUi.setState({ locale: 'en' }));
    expect(document.getElementById('recovery-passphrase-error')?.textContent).toBe('At least 8 characters');
    expect(fake.calls.some((c) => c.method === 'recovery.importKey')).toBe(false);
    // Typing again clears what was said; a passphrase of the minimum's length goes to main with the key.
    fireEvent.change(box, { target: { value: 'long enough' } });
    expect(document.getElementById('recovery-passphrase-error')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Import the missing private key' }));
    expect((await screen.findByRole('alert')).textContent).toContain('nothing was changed');
    expect(fake.calls.find((c) => c.method === 'recovery.importKey')?.input).toEqual({
      algorithm: 'sm2',
      privateKey: 'ab'.repeat(32),
      passphrase: 'long enough',
    });
    // A refusal stands in the option it answers, not at the foot of the page, and stays there in either language.
    const importKey = () => screen.getByRole('region', { name: 'Import the missing private key' });
    expect(within(importKey()).getByRole('alert').textContent).toContain('nothing was changed');
    act(() => useUi.setState({ locale: 'zh-CN' }));
    expect(within(screen.getByRole('region', { name: '导入丢失的私钥' })).getByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    const again = within(screen.getByRole('region', { name: '重试' }));
    expect((await again.findByRole('alert')).textContent).toBe('SW Desk 已正常打开数据，无需恢复');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
