import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeStatus } from '../../../shared/api';
import { nestedParams, reasonMessage } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { expectDetailFolded } from '../../../test-support/renderer/detail-fold';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { BridgeDialog } from './bridge-dialog';
import { useInterchange } from './interchange-store';

const detail = "EACCES: permission denied, open '/mnt/eport/ImpPath/InBox/Receipt_0001.xml'";
const status: BridgeStatus = {
  transport: 'bridge',
  config: { impPath: '/mnt/eport/ImpPath', backupPath: null, operType: 'C', pollMs: 5000 },
  folders: { outBox: true, inBox: true, failBox: true, sentBox: true },
  lastScanAt: '2026-12-07T08:00:00.000Z',
  lastError: reasonMessage('bridge.file-failed', {
    file: 'InBox/Receipt_0001.xml',
    problem: '',
    problemParams: '',
    cause: 'permission-denied',
    detail,
  }),
  lastSetAside: null,
  files: { applied: 3, unmatched: 0, unreadable: 1 },
};

// The folder bridge's last error for a file was a sentence, its system words dropped: support could not read them.
describe('the e-port folder bridge dialog (fake bridge)', () => {
  screenPerTest();
  beforeEach(() => useInterchange.getState().open('bridge'));
  afterEach(() => useInterchange.getState().close());

  it('asks for ImpPath before turning the bridge on, in zh and en, and sends nothing', async () => {
    const fake = renderWithBridge(
      { 'bridge.status': () => ({ ok: true, value: { ...status, transport: 'hub', config: null, lastError: null } }) },
      <BridgeDialog />,
    );
    fireEvent.click(await screen.findByLabelText('通过电子口岸客户端发送（代替数据交换中心）'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByText('启用前请先选择 ImpPath 文件夹')).toBeTruthy();
    act(() => useUi.setState({ locale: 'en' }));
    expect(screen.getByText('Choose the ImpPath folder before turning the bridge on')).toBeTruthy();
    expect(fake.calls.map((c) => c.method)).toEqual(['bridge.status']);
  });

  it("says which file was not processed and why, the system's words under 详情, in zh-CN and en", async () => {
    renderWithBridge({ 'bridge.status': () => ({ ok: true, value: status }) }, <BridgeDialog />);
    const line = await screen.findByTestId('bridge-status');
    expect(line.textContent).toContain('InBox/Receipt_0001.xml 未能处理：没有权限');
    expectDetailFolded(screen.getByRole('dialog'), line, detail, 'zh-CN');
    act(() => useUi.setState({ locale: 'en' }));
    expect(screen.getByTestId('bridge-status').textContent).toContain(
      'InBox/Receipt_0001.xml was not processed: permission',
    );
    expectDetailFolded(screen.getByRole('dialog'), screen.getByTestId('bridge-status'), detail, 'en');
  });

  it('says which receipt file could not be read, why and where it was moved, in zh-CN and en', async () => {
    const lastSetAside = reasonMessage('bridge.file-set-aside', {
      file: 'InBox/Receipt_0002.xml',
      movedTo: '/mnt/eport/ImpPath/SwDeskBackup/Unreadable/2026-12-07/Receipt_0002.xml',
      problem: 'xml.not-well-formed',
      problemParams: nestedParams({ line: 1, column: 18, kind: 'unclosed-tag', detail: 'unclosed tag: DEC_DATA' }),
      cause: 'other',
      detail: 'unclosed tag: DEC_DATA',
    });
    renderWithBridge(
      { 'bridge.status': () => ({ ok: true, value: { ...status, lastError: null, lastSetAside } }) },
      <BridgeDialog />,
    );
    expect((await screen.findByTestId('bridge-set-aside')).textContent).toBe(
      'InBox/Receipt_0002.xml 无法读取，已移到 /mnt/eport/ImpPath/SwDeskBackup/Unreadable/2026-12-07/Receipt_0002.xml：文件不是格式正确的 XML（第 1 行第 18 列：有元素没有结束标签），可能被截断或损坏',
    );
    act(() => useUi.setState({ locale: 'en' }));
    expect(screen.getByTestId('bridge-set-aside').textContent).toBe(
      'InBox/Receipt_0002.xml could not be read and was moved to /mnt/eport/ImpPath/SwDeskBackup/Unreadable/2026-12-07/Receipt_0002.xml: The file is not well-formed XML (line 1, column 18: an element is not closed); it may be truncated or damaged',
    );
  });

  it("folds the program's own words under 详情 when a receipt file was set aside for an unexpected failure", async () => {
    const detail = "EACCES: permission denied, rename 'InBox/Receipt_0003.xml'";
    const lastSetAside = reasonMessage('bridge.file-set-aside', {
      file: 'InBox/Receipt_0003.xml',
      movedTo: '/mnt/eport/ImpPath/SwDeskBackup/Unreadable/2026-12-07/Receipt_0003.xml',
      problem: '',
      problemParams: '',
      cause: 'permission-denied',
      detail,
    });
    renderWithBridge(
      { 'bridge.status': () => ({ ok: true, value: { ...status, lastError: null, lastSetAside } }) },
      <BridgeDialog />,
    );
    expectDetailFolded(screen.getByRole('dialog'), await screen.findByTestId('bridge-set-aside'), detail, 'zh-CN');
  });

  describe('on a machine in Europe/Berlin', () => {
    restoreTimeZoneAfterEach();

    it('says when it last scanned on the machine’s clock, in zh-CN and en, each language with its own colon', async () => {
      process.env.TZ = 'Europe/Berlin';
      renderWithBridge({ 'bridge.status': () => ({ ok: true, value: status }) }, <BridgeDialog />);
      // 08:00 UTC is 09:00 in Berlin; the line had written the stored UTC moment as it was. The Chinese had read
      // '当前通道: 数据交换中心' with an ASCII colon.
      expect((await screen.findByTestId('bridge-status')).textContent).toMatch(
        /^当前通道：电子口岸客户端 · 上次扫描：2026-12-07 09:00:00 · /,
      );
      act(() => useUi.setState({ locale: 'en' }));
      expect(screen.getByTestId('bridge-status').textContent).toMatch(
        /^Sending through: the e-port client · Last scan: 2026-12-07 09:00:00 · /,
      );
    });
  });
});
