import { expect, test } from '@playwright/test';
import { declareWhileHubIsDown, hubEnv } from './fixtures/offline-declaration';
import { startDesk, startHub, type Running } from './fixtures/processes';
import { expectSeen } from './support/seen';

// One goods declaration from keyboard to customs receipt, offline first.
// A real hub process and the browser host, each with fresh data folders.
test('declared offline, queued across a restart, released with a 海关编号 once the hub is back', async ({ page }) => {
  // A bound of its own: two hub starts, a desk start or two and some fifty fields keyed took 90 s at load 12
  // here, and the default 120 s ran out in the keying at load 22. Every wait inside is on a condition.
  test.setTimeout(240_000);
  const running: Running[] = [];
  try {
    const { ui, doc, clientSeqNo, hubDir, hubPort, deskDir } = await declareWhileHubIsDown(page, running);
    await expect(ui.outboxCount()).toHaveText('待发送 1');

    // Restart the app: everything keyed in and the queued submission survive.
    await running.pop()?.stop();
    const desk = await startDesk(deskDir);
    running.push(desk);
    await ui.open(desk.url);
    await ui.openFromList(clientSeqNo);
    await expect(ui.status()).toHaveText('待发送');
    await expect(ui.headField('TradeName')).toHaveValue(doc.head.TradeName ?? '');
    await ui.expectLineValue(0, 'GName', doc.lines[0]?.GName ?? '');

    // The hub comes back on the same address: no manual step from here on.
    running.push(await startHub(hubDir, hubPort, hubEnv));
    await expect(ui.status()).toHaveText('已放行', { timeout: 60_000 });
    await expect(ui.entryId()).toHaveText(/海关编号 \d{18}$/);
    // Seen where the broker looks, not only in the page: the state, the number and each receipt.
    // (The top of the form scrolls: seen once scrolled to, as a broker scrolls up to read them.)
    await ui.entryId().scrollIntoViewIfNeeded();
    await expectSeen(ui.status());
    await expectSeen(ui.entryId());
    await expect(ui.outboxCount()).toHaveText('待发送 0');
    const receipts = page.getByRole('region', { name: '回执' });
    await expect(receipts).toContainText('海关入库');
    await expect(receipts).toContainText('海关已放行');
    // Each receipt's code and its words, in the cell a broker reads (the note beside it may say the same); the
    // import's 税费单 comes on its T 需交税费 before the release.
    for (const receipt of ['L 海关入库', 'T 需交税费', 'P 海关已放行']) {
      const cell = receipts.getByRole('cell', { name: receipt, exact: true });
      await cell.scrollIntoViewIfNeeded();
      await expectSeen(cell);
    }
  } finally {
    for (const r of running.reverse()) await r.stop();
  }
});
