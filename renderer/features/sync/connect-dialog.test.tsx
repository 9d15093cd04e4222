import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, SyncStatus } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { syncStatus } from '../../../test-support/shared/records';
import { saidUnder } from '../../../test-support/renderer/said-under';
import { ConnectDialog } from './connect-dialog';

const enrolled = syncStatus();

const said = (label: string) => saidUnder(screen.getByLabelText(label)) ?? null;

describe('the connect dialog (fake bridge)', () => {
  afterEach(cleanup);

  it('says an empty or malformed address and code under their boxes in zh and en, and sends nothing until both are right', async () => {
    const fake = createFakeBridge({ 'sync.connect': (): ApiResult<SyncStatus> => ({ ok: true, value: enrolled }) });
    setBridge(fake.bridge);
    useUi.setState({ locale: 'zh-CN', connectOpen: true });
    render(<ConnectDialog />);
    // The form leaves no check to the browser, whose bubble speaks the browser's language.
    expect(screen.getByLabelText('数据交换中心地址').closest('form')?.noValidate).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(said('数据交换中心地址')).toMatch(/^数据交换中心地址须以 http:\/\/ 或 https:\/\/ 开头/);
    expect(said('注册码')).toBe('至少 4 个字符');
    expect(document.activeElement).toBe(screen.getByLabelText('数据交换中心地址'));
    expect(screen.getByLabelText('注册码').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('数据交换中心地址'), { target: { value: 'hub.example.cn' } });
    // Typing in a box takes back what was said about it, and only it.
    expect(said('数据交换中心地址')).toBeNull();
    expect(said('注册码')).toBe('至少 4 个字符');
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    act(() => useUi.setState({ locale: 'en' }));
    expect(said('Hub address')).toMatch(/^The hub address must start with http:\/\/ or https:\/\//);
    expect(said('Enrolment code')).toBe('At least 4 characters');
    expect(fake.calls.filter((c) => c.method === 'sync.connect')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Hub address'), { target: { value: ' https://hub.example.cn ' } });
    fireEvent.change(screen.getByLabelText('Enrolment code'), { target: { value: 'ABCD-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(useUi.getState().connectOpen).toBe(false));
    // Offered only on a desk not enrolled yet: a hub that cannot be reached keeps the code for main's retry.
    expect(fake.calls.filter((c) => c.method === 'sync.connect').map((c) => c.input)).toEqual([
      { hubUrl: 'https://hub.example.cn', enrollmentCode: 'ABCD-1234' },
    ]);
    // The dialog stays mounted: opened again (a desk back to no hub, after a new key), the used code is not offered.
    act(() => useUi.setState({ connectOpen: true }));
    expect((screen.getByLabelText('Enrolment code') as HTMLInputElement).value).toBe('');
  });
});
