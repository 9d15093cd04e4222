import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/api';
import { reasonMessage } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { expectDetailFolded } from '../../../test-support/renderer/detail-fold';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import { Timeline } from './timeline';

// The history names where a declaration came from, as its first revision records it (fake bridge).

const { id } = declarationRecord();

/** The timeline of a declaration whose history main answers with `entries`. */
function showEntries(entries: TimelineEntry[], ieFlag?: 'I' | 'E') {
  setBridge(createFakeBridge({ 'declarations.timeline': () => ({ ok: true, value: entries }) }).bridge);
  render(
    <QueryClientProvider client={queryClient}>
      <Timeline id={id} ieFlag={ieFlag} />
    </QueryClientProvider>,
  );
}

function showing(created: Record<string, unknown>, more: TimelineEntry[] = []) {
  showEntries([
    { revision: 1, at: '2026-11-22T00:00:00.000Z', actor: '王芳', action: 'create', changes: created },
    ...more,
  ]);
}

describe('the history: where a declaration came from', () => {
  restoreTimeZoneAfterEach();
  beforeEach(() => queryClient.clear());
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it('names the template a declaration was started from', async () => {
    showing({ template: '鲜果表头', ieFlag: 'I' });
    const step = await within(screen.getByRole('region', { name: '经过' })).findByRole('listitem');
    expect(step.textContent).toMatch(/新建 — 来自模板“鲜果表头” 王芳$/);
  });

  it('names the declaration a copy was made from, in English too', async () => {
    useUi.setState({ locale: 'en' });
    showing({ copiedFrom: 'SW261122PREVIOUS01', carried: { 'head.BillNo': 'COSU1' } });
    const step = await screen.findByRole('listitem');
    expect(step.textContent).toContain('copied from declaration SW261122PREVIOUS01');
  });

  it('writes the moment of each step on the machine’s clock, year-month-day in either language (never 11/22 or 22/11)', async () => {
    // A machine in New York: 00:00Z on the 22nd is 19:00 on the 21st there.
    process.env.TZ = 'America/New_York';
    showing({ ieFlag: 'I' });
    const zhTime = (await screen.findByRole('listitem')).querySelector('time')?.textContent;
    expect(zhTime).toBe('2026-11-21 19:00:00');
    cleanup();
    useUi.setState({ locale: 'en' });
    showing({ ieFlag: 'I' });
    const enTime = (await screen.findByRole('listitem')).querySelector('time')?.textContent;
    expect(enTime).toBe('2026-11-21 19:00:00');
  });

  it('says nothing more of a declaration started afresh', async () => {
    showing({ ieFlag: 'I' });
    const step = await screen.findByRole('listitem');
    expect(step.textContent).toMatch(/新建 王芳$/);
  });

  it('words review steps and any other lifecycle event, never by its key', async () => {
    const entries: TimelineEntry[] = [
      { revision: 2, at: '2026-11-22T01:00:00.000Z', actor: '王芳', action: 'submit-review', changes: { digest: 'd' } },
      {
        revision: 3,
        at: '2026-11-22T02:00:00.000Z',
        actor: '李明',
        action: 'return-review',
        changes: { digest: 'd', remarks: [{ path: 'head.BillNo', text: '不符' }] },
      },
      { revision: 4, at: '2026-11-22T03:00:00.000Z', actor: '王芳', action: 'complete', changes: {} },
    ];
    showEntries(entries);
    const steps = await within(screen.getByRole('region', { name: '经过' })).findAllByRole('listitem');
    expect(steps.map((s) => s.textContent?.replace(/^\S+ \S+ /, ''))).toEqual([
      '提交复核 王芳',
      '复核退回 — 复核意见 1 条 · 提运单号：不符 李明',
      '转入完整申报 王芳',
    ]);
    // The remark's field in the UI language, its text as the reviewer wrote it.
    act(() => useUi.getState().setLocale('en'));
    expect(steps[1]?.textContent).toContain('1 review remark · Bill of lading no.: 不符');
  });

  it("names a remark's field as the declaration's checks name it, by its import or export flag", async () => {
    const remark = { digest: 'd', remarks: [{ path: 'head.IEPort', text: '应为洋山港区' }] };
    showEntries(
      [{ revision: 2, at: '2026-11-22T02:00:00.000Z', actor: '李明', action: 'return-review', changes: remark }],
      'I',
    );
    const step = await within(screen.getByRole('region', { name: '经过' })).findByRole('listitem');
    expect(step.textContent).toContain('进境关别：应为洋山港区');
    act(() => useUi.getState().setLocale('en'));
    expect(step.textContent).toContain('Customs of entry: 应为洋山港区');
  });

  it('names the hub and customs as the steps’ makers in the UI language, not by their keys', async () => {
    const entries: TimelineEntry[] = [
      { revision: 2, at: '2026-11-22T01:00:00.000Z', actor: 'hub', action: 'accepted', changes: {} },
      { revision: 3, at: '2026-11-22T02:00:00.000Z', actor: 'customs', action: 'receipt', changes: {} },
    ];
    showEntries(entries);
    const steps = await within(screen.getByRole('region', { name: '经过' })).findAllByRole('listitem');
    expect(steps.map((s) => s.querySelector('.muted')?.textContent)).toEqual(['数据交换中心', '海关']);
  });

  describe('修撤单 on the history', () => {
    const asked: TimelineEntry = {
      revision: 5,
      at: '2026-12-07T01:00:00.000Z',
      actor: '王芳',
      action: 'modify-request',
      changes: {
        requestId: 'r1',
        reasonCase: 2,
        changes: [{ fieldCode: 'GrossWet', fieldName: '毛重（千克）', oldValue: '1200.5', newValue: '1300' }],
      },
    };
    const refused: TimelineEntry = {
      revision: 6,
      at: '2026-12-07T01:00:01.000Z',
      actor: 'hub',
      action: 'modify-refused',
      changes: {
        requestId: 'r1',
        modSeqNo: 'M20260000000000007',
        reasons: [
          {
            message: 'Declaration 224820261000000001 is under inspection',
            reason: 'modify.under-inspection',
            params: { entryId: '224820261000000001' },
          },
        ],
      },
    };

    it('shows the fields asked for and the receipt with its number and the reason, in Chinese', async () => {
      showing({ ieFlag: 'I' }, [asked, refused]);
      const steps = await screen.findAllByRole('listitem');
      expect(steps[1]?.textContent).toContain('修改申请：签名并排队 — 毛重（千克）：1200.5 → 1300');
      expect(steps[2]?.textContent).toContain(
        '修改申请未通过 — 修撤单统一编号 M20260000000000007 · 报关单 224820261000000001 正在查验',
      );
    });

    it('and in English', async () => {
      useUi.setState({ locale: 'en' });
      showing({ ieFlag: 'I' }, [asked, refused]);
      const steps = await screen.findAllByRole('listitem');
      expect(steps[1]?.textContent).toContain(
        'Modification requested: signed and queued — 毛重（千克）: 1200.5 → 1300',
      );
      expect(steps[2]?.textContent).toContain(
        'Modification refused — request no. M20260000000000007 · Declaration 224820261000000001 is under inspection',
      );
    });

    it("folds the hub's own words of a refusal under 详情, in Chinese and English", async () => {
      const detail = 'mod.bad-signature: the signature does not verify';
      const hubRefused: TimelineEntry = {
        ...refused,
        changes: {
          requestId: 'r1',
          reasons: [reasonMessage('sync.hub-refused', { status: 422, detail })],
        },
      };
      showing({ ieFlag: 'I' }, [asked, hubRefused]);
      const step = (await screen.findAllByRole('listitem'))[2] as HTMLElement;
      expect(step.textContent).toMatch(/^.*修改申请未通过 — 数据交换中心拒绝了请求（HTTP 422）/);
      // The step's sentence: its text without the fold.
      const sentence = () => {
        const copy = step.cloneNode(true) as HTMLElement;
        copy.querySelector('details')?.remove();
        return copy;
      };
      expectDetailFolded(step, sentence(), detail, 'zh-CN');
      act(() => useUi.setState({ locale: 'en' }));
      expect(sentence().textContent).toContain('Modification refused — The hub refused the request (HTTP 422)');
      expectDetailFolded(step, sentence(), detail, 'en');
    });
  });
});
