import { expect, test } from '@playwright/test';
import { freshDir, startDesk, type Running } from './fixtures/processes';
import { DeskPage } from './pages/desk-page';

// Nothing typed is lost. The host is killed (SIGKILL) while a field is being typed,
// before the autosave's pause has passed; reopening returns to the declaration and the field,
// with what was typed in it, and it is then saved in main.

test('a host killed mid-typing loses nothing: reopening returns to the declaration and the field being typed, and saves it', async ({
  page,
  browser,
}) => {
  const dir = freshDir('desk');
  let desk: Running = await startDesk(dir);
  try {
    const port = Number(new URL(desk.url).port);
    const ui = new DeskPage(page);
    await ui.open(desk.url);
    await page.keyboard.press('Alt+N');
    await expect(ui.status()).toHaveText('草稿');
    const heading = (await page.getByRole('heading', { level: 2 }).textContent()) ?? '';
    await page.keyboard.type('上海鲜果贸易有限公司');
    await page.keyboard.press('Enter');
    await page.keyboard.type('3101230456');
    // No pause: the autosave has not run for this field when the host dies.
    await desk.stop('SIGKILL');

    // Same address, so the same page origin: the window is closed and reopened.
    desk = await startDesk(dir, { port });
    await page.goto('about:blank');
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(heading);
    await expect(page.locator(':focus')).toHaveAccessibleName('境内收发货人编号');
    await expect(ui.headField('TradeName')).toHaveValue('上海鲜果贸易有限公司');
    await expect(ui.headField('TradeCode')).toHaveValue('3101230456');
    await expect(page.getByRole('status').filter({ hasText: /^已保存$/ })).toBeVisible();

    // It is in main now: another window with nothing in its local storage sees it too.
    const fresh = await browser.newContext({ locale: 'zh-CN' });
    const other = new DeskPage(await fresh.newPage());
    await other.open(desk.url);
    await expect(other.headField('TradeCode')).toHaveValue('3101230456');
    await fresh.close();
  } finally {
    await desk.stop();
  }
});
