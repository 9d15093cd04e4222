import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { syncFixturePerTest, waitFor, type SyncFixture } from '../../../test-support/main/sync-fixture';
import { tempDir } from '../../../test-support/main/temp-dir';

// The 税费单 a broker gets after 申报, end to end: the desk declares to a real hub process on loopback, whose
// processor sends the receipts and the bill, and the desk keeps and shows what it was sent.

describe('the 税费单 from the hub', { timeout: 120_000 }, () => {
  const start = syncFixturePerTest();

  async function statusReaches(fx: SyncFixture, id: string, status: string): Promise<void> {
    let last = '';
    await waitFor(
      async () => (last = (await fx.call('declarations.get', { id })).status) === status,
      () => `status ${status} (at ${last})`,
    );
  }

  /** The receipts the hub sent, as it keeps them: each channel, marked when a bill came with it. */
  function hubReceipts(fx: SyncFixture): string[] {
    const db = new Database(path.join(fx.hubDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT channel, tax_bill AS bill FROM receipts ORDER BY seq').all() as Array<{
        channel: string;
        bill: string | null;
      }>;
      return rows.map((r) => (r.bill === null ? r.channel : `${r.channel}+bill`));
    } finally {
      db.close();
    }
  }

  it('bills a 两步申报 once: the 概要申报 is released with no bill, the 完整申报 brings the one bill', async () => {
    const fx = await start();
    const id = await fx.draftSample({ Type: '  5' });
    await fx.call('declarations.declare', { id });
    await statusReaches(fx, id, 'summary-released');
    expect(await fx.call('declarations.taxBill', { id })).toBeNull();

    await fx.call('declarations.complete', { id });
    await fx.call('declarations.declare', { id });
    await statusReaches(fx, id, 'complete-closed');
    const bill = await fx.call('declarations.taxBill', { id });
    expect(bill?.bill.lines.map((l) => l.codeTs)).toEqual(['0808100000']);
    expect(bill?.channel).toBe('T');
    // The 概要's receipts (7 L P) and the 完整's: one bill, on the 完整's 需交税费.
    expect(hubReceipts(fx)).toEqual(['7', 'L', 'P', '7', 'L', 'T+bill', 'R']);
  });

  it('sends an import’s bill on T 需交税费, the status 需交税费 until the release: the bill’s receipt and the status agree', async () => {
    // The release 3 s after the 需交税费, so the desk is seen at 需交税费 before it.
    const config = tempDir('swdesk-hub-config-');
    onTestFinished(() => config.cleanup());
    const file = path.join(config.dir, 'hub.json');
    fs.writeFileSync(file, JSON.stringify({ processor: { stepDelays: { P: 3000 } } }));
    const fx = await start({ hubEnv: { SWHUB_CONFIG: file } });
    const id = await fx.draftSample();
    await fx.call('declarations.declare', { id });
    await statusReaches(fx, id, 'tax-due');
    const due = await fx.call('declarations.taxBill', { id });
    expect([due?.channel, due?.bill.lines.length]).toEqual(['T', 1]);
    await statusReaches(fx, id, 'released');
    expect((await fx.call('declarations.receipts', { id })).map((r) => r.channel)).toEqual(['7', 'L', 'T', 'P']);
    expect(hubReceipts(fx)).toEqual(['7', 'L', 'T+bill', 'P']);
    expect((await fx.call('declarations.taxBill', { id }))?.channel).toBe('T');
  });
});
