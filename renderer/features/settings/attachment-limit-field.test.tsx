import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { AttachmentLimitField } from './attachment-limit-field';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const settings = (attachments: { maxFileMb: number; hubMaxFileMb: number | null; inForceMb: number }) => ({
  backup: { daily: true, retention: 14 },
  review: { required: false },
  attachments,
  dataDir: '/data',
  backupDir: '/data/backups',
  logDir: '/data/logs',
});

function show(answers: Record<string, (input: unknown) => ApiResult<unknown>>) {
  return renderWithBridge(answers, <AttachmentLimitField />);
}

describe('随附单据单个文件上限 in Settings (fake bridge)', () => {
  screenPerTest();

  it('says when the hub takes less than the setting, in both languages, and saves a new figure with Enter', async () => {
    const fake = show({
      'settings.get': () => ok(settings({ maxFileMb: 4, hubMaxFileMb: 2, inForceMb: 2 })),
      'settings.update': () => ok(settings({ maxFileMb: 1.5, hubMaxFileMb: 2, inForceMb: 1.5 })),
    });
    const input = await screen.findByLabelText('随附单据单个文件上限 (MB)');
    await waitFor(() => expect(input).toHaveProperty('value', '4'));
    expect(screen.getByText(/数据交换中心只接收不超过 2 MB 的文件，低于本设置/)).toBeTruthy();
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByText(/The hub takes files of at most 2 MB, less than this setting/)).toBeTruthy();
    act(() => useUi.getState().setLocale('zh-CN'));
    fireEvent.change(input, { target: { value: '1.5' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.method === 'settings.update')?.input).toEqual({
        attachments: { maxFileMb: 1.5 },
      }),
    );
    expect(await screen.findByText('添加文件时按 1.5 MB 检查')).toBeTruthy();
  });

  it.each(['0', '-1', 'abc', '', '101'])(
    'refuses %j naming the field, sends nothing and keeps the figure',
    async (typed) => {
      const fake = show({ 'settings.get': () => ok(settings({ maxFileMb: 4, hubMaxFileMb: null, inForceMb: 4 })) });
      const input = await screen.findByLabelText('随附单据单个文件上限 (MB)');
      await waitFor(() => expect(input).toHaveProperty('value', '4'));
      fireEvent.change(input, { target: { value: typed } });
      fireEvent.submit(input.closest('form') as HTMLFormElement);
      expect((await screen.findByRole('alert')).textContent).toBe(
        '随附单据单个文件上限 (MB)：请填写大于 0、不超过 100 的数字；上限未更改',
      );
      expect(fake.calls.some((c) => c.method === 'settings.update')).toBe(false);
      expect(screen.getByText('添加文件时按 4 MB 检查')).toBeTruthy();
    },
  );
});
