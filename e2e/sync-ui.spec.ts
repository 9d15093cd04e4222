import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { chinaDate } from '../shared/validation/china-date';
import { invoke } from './fixtures/desk-api';
import { declareWhileHubIsDown, hubEnv } from './fixtures/offline-declaration';
import { freshDir, importHubTable, startHub, type Running } from './fixtures/processes';
import { wrapped } from './support/line-count';
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
    const { ui, clientSeqNo, hubDir, hubPort, desk } = await declareWhileHubIsDown(page, running);
    // This month's 计征汇率: the hub's (7.2) for customs' 税费单 after release; the desk takes the hub's table when it
    // reconnects, and the broker's own (7.1074), imported after that, is the estimate's.
    const today = chinaDate(Date.now());
    const month = `${today.slice(0, 4)}-${today.slice(4, 6)}`;
    const rates = (rate: string) => `币制代码,币制名称,计征汇率,适用月份\nUSD,美元,${rate},${month}\n`;
    const hubRates = path.join(freshDir('rates'), '计征汇率.csv');
    fs.writeFileSync(hubRates, rates('7.2'));
    importHubTable(hubDir, hubRates);

    // The outbox shows the queued item, the failed attempt and why.
    await ui.outboxCount().click();
    const outbox = page.getByRole('dialog', { name: '发件箱' });
    const row = outbox.getByRole('row', { name: clientSeqNo });
    await expect(row.getByTestId('outbox-state')).toHaveText('待发送');
    // In the UI language: main sends the reason, the page words it.
    await expect(row).toContainText('无法连接数据交换中心', { timeout: 30_000 });
    await expectSeen(row.getByText('无法连接数据交换中心'));
    // The cause is worded (nothing answers at the hub's port); the library's own words only under 详情.
    await expectSeen(row.getByText('该地址和端口上没有程序应答'));
    await row.getByText('详情（供技术支持）').click();
    await expectSeen(row.getByText(/ECONNREFUSED/));
    await page.screenshot({ path: test.info().outputPath('outbox-last-error-zh.png') });
    await expectSeen(row.getByTestId('outbox-state'));

    // Withdraw it: it is a draft again, and nothing will be sent.
    await row.getByRole('button', { name: '撤回' }).click();
    await expect(row.getByTestId('outbox-state')).toHaveText('已撤回');
    await outbox.getByRole('button', { name: '关闭' }).click();
    await expect(ui.status()).toHaveText('草稿');

    // The last sync error, opened from the bar's state: worded, the library's own words under 详情, in both languages.
    await ui.connection().click();
    const why = page.getByRole('region', { name: '上次同步的问题' });
    await expectSeen(why.getByText(/^无法连接数据交换中心/));
    await why.getByText('详情（供技术支持）').click();
    await expectSeen(why.getByText(/ECONNREFUSED/));
    await page.screenshot({ path: test.info().outputPath('sync-why-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'The last sync problem' });
    await expectSeen(english.getByText(/^Cannot reach the hub/));
    await expectSeen(english.getByText('Details (for support)'));
    await expectSeen(english.getByText(/ECONNREFUSED/));
    await page.screenshot({ path: test.info().outputPath('sync-why-en.png') });
    await page.getByRole('button', { name: '中文' }).click();
    // Esc, with the focus in it, closes it.
    await why.getByRole('button', { name: '复制详情' }).focus();
    await page.keyboard.press('Escape');
    await expect(why).toBeHidden();
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

    // The hub's 计征汇率 reached the desk with the reconnection; the broker then imports the firm's own month rate.
    await expect
      .poll(async () => {
        const tables = await invoke<Array<{ id: string; origin: string | null }>>(desk.url, 'codes.tables', {});
        return tables.find((t) => t.id === 'exchange-rates')?.origin;
      })
      .toBe('hub');
    await invoke(desk.url, 'codes.import', {
      table: 'exchange-rates',
      fileName: '计征汇率.csv',
      content: rates('7.1074'),
      encoding: 'text',
    });

    // The 税费单 customs sent with the release, beside the estimate: the hub reckoned USD at 7.2, the desk at
    // 7.1074, so line 1's figures differ and each is marked with the estimate's (2500 × 7.2 = 18000.00).
    const bill = page.getByRole('region', { name: '海关税费单' });
    await bill.scrollIntoViewIfNeeded();
    await expectSeen(bill);
    await expectSeen(bill.getByText(/与预估有 \d+ 处不同（已标出）/));
    await expectSeen(bill.getByRole('cell', { name: '18000.00 预估 17768.50', exact: true }));
    await expectSeen(bill.getByText('与预估不同'));
    await page.screenshot({ path: test.info().outputPath('tax-bill-zh.png'), fullPage: false });
    // At the desk's usual window (1280 × 800), with figures marked beside the estimate's, each of its heads reads on
    // one line in both languages (完税价格 and "Cons. tax" broke in two).
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectSeen(bill.getByRole('columnheader', { name: '消费税' }));
    expect(await wrapped(bill.locator('thead th, tfoot th'))).toEqual([]);
    await everyFigureReadWhenLarge(bill, '预估');
    await page.keyboard.press('Alt+Shift+L');
    const billEn = page.getByRole('region', { name: 'Customs tax bill' });
    await expectSeen(billEn.getByRole('columnheader', { name: 'Cons. tax' }));
    expect(await wrapped(billEn.locator('thead th, tfoot th'))).toEqual([]);
    await everyFigureReadWhenLarge(billEn, 'est.');
    await page.keyboard.press('Alt+Shift+L');
    if (size) await page.setViewportSize(size);

    await ui.outboxCount().click();
    await expect(outbox.getByRole('row', { name: clientSeqNo }).getByTestId('outbox-state')).toHaveText([
      '已接收',
      '已撤回',
    ]);
  } finally {
    for (const r of running.reverse()) await r.stop();
  }
});

/**
 * Shows the bill's figures at eight digits (12318000.00, the estimate's 12317999.99) and checks that the bill stays
 * inside the side column and that every figure, scrolled to, is seen whole. A real bill that large would need a
 * declaration of some 1.7 million dollars keyed in through the whole release; the figures of this real bill are
 * written over in the page instead, the cells, marks and columns being the component's own.
 */
async function everyFigureReadWhenLarge(bill: Locator, estimateWord: string): Promise<void> {
  // Only the values of the text nodes React wrote change, never the nodes: when the language is switched React words
  // the cells again in place, as it would not in a node swapped for another; the call after the switch then writes
  // the figures over again.
  await bill.locator('td').evaluateAll((cells) => {
    for (const cell of cells) {
      const texts = cell.ownerDocument.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        const value = node.nodeValue ?? '';
        if (node.parentElement?.closest('small')) node.nodeValue = value.replace(/[\d.]+$/, '12317999.99');
        else if (value.trim() !== '') node.nodeValue = '12318000.00';
      }
    }
  });
  // The estimate's figures are worded in the bill's language.
  const estimates = await bill.locator('td small').allTextContents();
  expect(estimates.length).toBeGreaterThan(0);
  expect(estimates.filter((was) => was !== `${estimateWord} 12317999.99`)).toEqual([]);
  // The figures are wider than the side column: the bill itself stays no wider (before, its table pushed out past the
  // column's edge and the VAT was cut off), and the figures scroll in a box of their own.
  const pastItsEdge = await bill.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(pastItsEdge, 'how far the bill reaches past its own width, in px').toBeLessThanOrEqual(0);
  const box = bill.getByRole('group');
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  for (const cell of await bill.locator('td mark, td small, td:not(.tax-differs)').all()) {
    await cell.scrollIntoViewIfNeeded();
    await expectSeen(cell);
  }
  await box.evaluate((el) => el.scrollTo({ left: 0 }));
}
