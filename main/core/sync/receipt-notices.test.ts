import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api';
import { desktopNoticeText } from '../../../shared/api/reasons/sync';
import { syncFixturePerTest, waitFor } from '../../../test-support/main/sync-fixture';
import { tempDir } from '../../../test-support/main/temp-dir';
import type { EventSink } from '../context';
import { announceReceipts } from './receipts';

// The receipts that ask the broker to act while customs hold the goods — 需交税费 (pay the duties), 查验通知 (attend the
// inspection), 重传文件 (send the file again) — raise a notice as a release does, so a broker busy with another
// declaration hears of them. A real hub process whose rules send those channels.

describe('notices of receipts', { timeout: 120_000 }, () => {
  const start = syncFixturePerTest();
  const configs: Array<ReturnType<typeof tempDir>> = [];
  afterEach(() => configs.splice(0).forEach((c) => c.cleanup()));

  /** A draft of the sample declared to a hub with these processor rules, the notices it raised, and the draft's ids. */
  async function declaredUnder(rules: ReadonlyArray<{ id: string; channel: string }>) {
    const config = tempDir('swdesk-hub-config-');
    configs.push(config);
    const file = path.join(config.dir, 'hub.json');
    fs.writeFileSync(file, JSON.stringify({ processor: { rules } }));
    const fx = await start({ hubEnv: { SWHUB_CONFIG: file } });
    const notices: Array<EventPayload<'notice'>> = [];
    fx.app.subscribe((event, payload) => {
      if (event === 'notice') notices.push(payload as EventPayload<'notice'>);
    });
    const id = await fx.draftSample();
    const { clientSeqNo } = await fx.call('declarations.get', { id });
    await fx.call('declarations.declare', { id });
    return { notices, id, clientSeqNo };
  }

  it('raise one for 需交税费 and 查验通知 before the release, each worded in Chinese and English', async () => {
    const { notices, id, clientSeqNo } = await declaredUnder([
      { id: 'tax', channel: 'T' },
      { id: 'inspect', channel: 'C' },
    ]);
    await waitFor(() => notices.some((n) => n.params?.channel === 'P'), 'the release notice');

    expect(notices.map((n) => [n.kind, n.params?.channel, n.declarationId])).toEqual([
      ['info', 'T', id],
      ['info', 'C', id],
      ['released', 'P', id],
    ]);
    // A notice's message is English; its reason is worded in the UI language by the window and, for a release or a
    // refusal, by the desktop app's system notification, both through the same shared wording (desktopNoticeText).
    const [tax, inspection, release] = notices;
    const zh = (n: EventPayload<'notice'> | undefined) => n && desktopNoticeText(n, 'zh-CN');
    expect(zh(tax)).toBe(`报关单 ${clientSeqNo} 需交税费`);
    expect(tax && desktopNoticeText(tax, 'en')).toBe(`Declaration ${clientSeqNo}: Duties and taxes due`);
    expect(tax?.message).toBe(`Declaration ${clientSeqNo}: Duties and taxes due`);
    expect(zh(inspection)).toBe(`报关单 ${clientSeqNo} 查验通知`);
    expect(zh(release)).toMatch(new RegExp(`^报关单 ${clientSeqNo} 海关已放行，海关编号 \\d{18}$`));
  });

  it('raise one for 重传文件, which the channel table says needs the broker', async () => {
    const { notices, id, clientSeqNo } = await declaredUnder([{ id: 'resend', channel: 'N' }]);
    await waitFor(() => notices.some((n) => n.params?.channel === 'N'), 'the 重传文件 notice');

    expect(notices.map((n) => [n.kind, n.params?.channel, n.declarationId])).toEqual([['info', 'N', id]]);
    expect(notices.map((n) => desktopNoticeText(n, 'zh-CN'))).toEqual([`报关单 ${clientSeqNo} 重传文件`]);
  });
});

describe('which receipts raise which notice', () => {
  // Read from the channel table (shared/status/channels.ts), not from lists of their own that fell out of step with it.
  it('raises a refusal for every channel the table says refused or returned, and one for those asking to act', () => {
    const raised: Array<[string, string]> = [];
    const events: EventSink = {
      emit: (event, payload) => {
        const notice = payload as EventPayload<'notice'>;
        if (event === 'notice') raised.push([notice.kind, String(notice.params?.channel)]);
      },
    };
    const receipt = (channel: string) => ({
      declarationId: 'd1',
      submissionId: 's1',
      clientSeqNo: 'SW261208000001',
      channel,
      entryId: null,
      fresh: true,
    });
    announceReceipts(events, ['1', '4', '8', '9', 'Y', 'E', 'Z', 'L', 'T', 'P'].map(receipt));
    expect(raised).toEqual([
      ['rejected', '1'],
      ['rejected', '4'],
      ['rejected', '8'],
      ['rejected', '9'],
      ['rejected', 'Y'],
      ['rejected', 'E'],
      ['rejected', 'Z'],
      ['info', 'T'],
      ['released', 'P'],
    ]);
  });
});
