import { expect, test } from '@playwright/test';
import { declareWhileHubIsDown, hubEnv } from './fixtures/offline-declaration';
import { startHub, type Running } from './fixtures/processes';
import { expectSeen } from './support/seen';

// Sync as a broker sees it: the outbox with each item's state, attempts and last
// error; withdrawing a queued declaration; and the timeline of what was sent
// and received. A real hub process and the browser host.
test('outbox view, withdraw before sending, and the timeline of a released declaration', async ({ page }) => {
  // A bound of its own: two hub starts, a desk start or two and some fifty fields keyed took 90 s at load 12
  // here, and the default 120 s ran out in the keying at load 22. Every wait inside is on a condition.
  test.setTimeout(240_000);
  const running: Running[] = [];
  try {
    const { ui, clientSeqNo, hubDir, hubPort } = await declareWhileHubIsDown(page, running);

    // The outbox shows the queued item, the failed attempt and why.
    await ui.outboxCount().click();
    const outbox = page.getByRole('dialog', { name: '发件箱' });
    const row = outbox.getByRole('row', { name: clientSeqNo });
    await expect(row.getByTestId('outbox-state')).toHaveText('待发送');
    // In the UI language: main sends the reason, the page words it.
    await expect(row).toContainText('无法连接数据交换中心', { timeout: 30_000 });
    await expectSeen(row.getByText('无法连接数据交换中心'));
    await expectSeen(row.getByTestId('outbox-state'));

    // Withdraw it: it is a draft again, and nothing will be sent.
    await row.getByRole('button', { name: '撤回' }).click();
    await expect(row.getByTestId('outbox-state')).toHaveText('已撤回');
    await outbox.getByRole('button', { name: '关闭' }).click();
    await expect(ui.status()).toHaveText('草稿');
    await expect(ui.outboxCount()).toHaveText('待发送 0');

    // Declared again, it goes out once the hub is back.
    await ui.declare();
    await expect(ui.status()).toHaveText('待发送');
    running.push(await startHub(hubDir, hubPort, hubEnv));
    await expect(ui.status()).toHaveText('已放行', { timeout: 60_000 });
    await ui.status().scrollIntoViewIfNeeded();
    await expectSeen(ui.status());

    const timeline = page.getByRole('region', { name: '经过' });
    for (const step of ['新建', '申报：签名并排队', '撤回', '数据交换中心已接收', '回执'])
      await expect(timeline).toContainText(step);
    await expect(timeline).toContainText('P 海关已放行');
    await timeline.getByText('P 海关已放行').scrollIntoViewIfNeeded();
    await expectSeen(timeline.getByText('P 海关已放行'));

    await ui.outboxCount().click();
    await expect(outbox.getByRole('row', { name: clientSeqNo }).getByTestId('outbox-state')).toHaveText([
      '已接收',
      '已撤回',
    ]);
  } finally {
    for (const r of running.reverse()) await r.stop();
  }
});
