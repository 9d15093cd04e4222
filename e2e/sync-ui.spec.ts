import { expect, test } from '@playwright/test';
import { enrollCode, freshDir, startDesk, startHub, type Running } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { DeskPage } from './pages/desk-page';

// Issue 7's view of sync: the outbox with each item's state, attempts and last
// error; withdrawing a queued declaration; and the timeline of what was sent
// and received. A real hub process and the browser host.
test('outbox view, withdraw before sending, and the timeline of a released declaration', async ({ page }) => {
  const hubDir = freshDir('hub');
  const deskDir = freshDir('desk');
  const running: Running[] = [];
  try {
    let hub = await startHub(hubDir, 0, { SWHUB_STEP_DELAY_MS: '200' });
    const hubPort = Number(new URL(hub.url).port);
    const desk = await startDesk(deskDir, { hubUrl: hub.url, code: enrollCode(hubDir) });
    running.push(desk);
    const ui = new DeskPage(page);
    await ui.open(desk.url);
    await expect(ui.connection()).toHaveText('在线');
    await hub.stop();
    await expect(ui.connection()).toHaveText('离线');

    const { doc } = sample('import-general-trade');
    await ui.newDeclaration();
    await ui.fillHead(doc.head);
    for (const [index, line] of doc.lines.entries()) await ui.addLine(line, index);
    await ui.waitSaved();
    await ui.declare();
    await expect(ui.status()).toHaveText('待发送');
    const clientSeqNo = (await page.getByRole('heading', { level: 2 }).textContent())?.split('·')[1]?.trim() ?? '';

    // The outbox shows the queued item, the failed attempt and why.
    await ui.outboxCount().click();
    const outbox = page.getByRole('dialog', { name: '发件箱' });
    const row = outbox.getByRole('row', { name: clientSeqNo });
    await expect(row.getByTestId('outbox-state')).toHaveText('待发送');
    await expect(row).toContainText('Cannot reach the hub', { timeout: 30_000 });

    // Withdraw it: it is a draft again, and nothing will be sent.
    await row.getByRole('button', { name: '撤回' }).click();
    await expect(row.getByTestId('outbox-state')).toHaveText('已撤回');
    await outbox.getByRole('button', { name: '关闭' }).click();
    await expect(ui.status()).toHaveText('草稿');
    await expect(ui.outboxCount()).toHaveText('待发送 0');

    // Declared again, it goes out once the hub is back.
    await ui.declare();
    await expect(ui.status()).toHaveText('待发送');
    hub = await startHub(hubDir, hubPort, { SWHUB_STEP_DELAY_MS: '200' });
    running.push(hub);
    await expect(ui.status()).toHaveText('已放行', { timeout: 60_000 });

    const timeline = page.getByRole('region', { name: '经过' });
    for (const step of ['新建', '申报：签名并排队', '撤回', '数据交换中心已接收', '回执']) await expect(timeline).toContainText(step);
    await expect(timeline).toContainText('P 海关已放行');

    await ui.outboxCount().click();
    await expect(outbox.getByRole('row', { name: clientSeqNo }).getByTestId('outbox-state')).toHaveText(['已接收', '已撤回']);
  } finally {
    for (const r of running.reverse()) await r.stop();
  }
});
