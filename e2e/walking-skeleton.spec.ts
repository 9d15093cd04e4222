import { expect, test } from '@playwright/test';
import { enrollCode, freshDir, startDesk, startHub, type Running } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { DeskPage } from './pages/desk-page';

// Issue 2: one goods declaration from keyboard to customs receipt, offline first.
// A real hub process and the browser host, each with fresh data folders.
test('declared offline, queued across a restart, released with a 海关编号 once the hub is back', async ({ page }) => {
  const hubDir = freshDir('hub');
  const deskDir = freshDir('desk');
  const running: Running[] = [];
  try {
    let hub = await startHub(hubDir, 0, { SWHUB_STEP_DELAY_MS: '200' });
    const hubPort = Number(new URL(hub.url).port);
    let desk = await startDesk(deskDir, { hubUrl: hub.url, code: enrollCode(hubDir) });
    running.push(desk);
    const ui = new DeskPage(page);
    await ui.open(desk.url);
    await expect(ui.connection()).toHaveText('在线');

    // The hub goes away: the broker keeps working.
    await hub.stop();
    await expect(ui.connection()).toHaveText('离线');

    const { doc } = sample('import-general-trade');
    await ui.newDeclaration();
    await ui.fillHead(doc.head);
    for (const [index, line] of doc.lines.entries()) await ui.addLine(line, index);
    await ui.waitSaved();
    await ui.declare();
    await expect(ui.status()).toHaveText('待发送');
    await expect(ui.outboxCount()).toHaveText('待发送 1');
    const clientSeqNo = (await page.getByRole('heading', { level: 2 }).textContent())?.split('·')[1]?.trim() ?? '';
    expect(clientSeqNo).toMatch(/^SW\d{6}/);

    // Restart the app: everything keyed in and the queued submission survive.
    await desk.stop();
    running.pop();
    desk = await startDesk(deskDir);
    running.push(desk);
    await ui.open(desk.url);
    await ui.openFromList(clientSeqNo);
    await expect(ui.status()).toHaveText('待发送');
    await expect(ui.headField('TradeName')).toHaveValue(doc.head.TradeName ?? '');
    await expect(ui.lineField(0, 'GName')).toHaveValue(doc.lines[0]?.GName ?? '');

    // The hub comes back on the same address: no manual step from here on.
    hub = await startHub(hubDir, hubPort, { SWHUB_STEP_DELAY_MS: '200' });
    running.push(hub);
    await expect(ui.status()).toHaveText('已放行', { timeout: 60_000 });
    await expect(ui.entryId()).toHaveText(/海关编号 \d{18}$/);
    await expect(ui.outboxCount()).toHaveText('待发送 0');
    const receipts = page.getByRole('region', { name: '回执' });
    await expect(receipts).toContainText('海关入库');
    await expect(receipts).toContainText('海关已放行');
  } finally {
    for (const r of running.reverse()) await r.stop();
  }
});
