import path from 'node:path';
import { expect, test, type Route } from '@playwright/test';
import Database from 'better-sqlite3';
import { freshDir, startDesk, type Running } from './fixtures/processes';
import { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';

// Nothing typed is lost. The host is killed (SIGKILL) while a field is being typed,
// before main has saved it; reopening returns to the declaration and the field, with what was
// typed in it, and it is then saved in main. Where the kill lands is not left to timing: the
// field's saves are held on their way to main (the autosave's pause may pass on a slow machine),
// and the dead host's database file is read to show main never had the value.

/** The head main has stored for a declaration, read from the data folder of a host that is not running. */
function storedHead(dir: string, heading: string): Record<string, unknown> {
  // Read only: the file stays as the killed host left it (its WAL not checkpointed) for the restart to recover.
  const db = new Database(path.join(dir, 'swdesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT client_seq_no, head FROM declarations').all() as {
      client_seq_no: string;
      head: string;
    }[];
    const row = rows.find((r) => heading.includes(r.client_seq_no));
    if (!row) throw new Error(`no declaration of "${heading}" in ${dir}`);
    return JSON.parse(row.head) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

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
    // The committed field is saved at once (on Enter); the next one is typed and never reaches main.
    const nameSaved = page.waitForResponse(
      (r) => r.url().endsWith('/api/invoke') && (r.request().postData() ?? '').includes('上海鲜果贸易有限公司'),
    );
    await page.keyboard.type('上海鲜果贸易有限公司');
    await page.keyboard.press('Enter');
    await nameSaved;
    const held: Route[] = [];
    await page.route('**/api/invoke', async (route) => {
      const call = route.request().postDataJSON() as { method?: string; input?: unknown };
      if (call.method === 'declarations.update' && JSON.stringify(call.input).includes('TradeCode')) held.push(route);
      else await route.continue();
    });
    await page.keyboard.type('3101230456');
    // What was typed is in the page's journal (localStorage), not yet acknowledged by main.
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('swdesk.journal.'))
            .map((k) => localStorage.getItem(k))
            .join(),
        ),
      )
      .toContain('3101230456');
    await desk.stop('SIGKILL');
    // The path taken: main had the first field and not the one being typed.
    const head = storedHead(dir, heading);
    expect(head.TradeName).toBe('上海鲜果贸易有限公司');
    expect(head.TradeCode ?? '').not.toBe('3101230456');
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    // Same address, so the same page origin: the window is closed and reopened.
    desk = await startDesk(dir, { port });
    await page.goto('about:blank');
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(heading);
    await expect(page.locator(':focus')).toHaveAccessibleName('境内收发货人编号');
    await expect(ui.headField('TradeName')).toHaveValue('上海鲜果贸易有限公司');
    await expect(ui.headField('TradeCode')).toHaveValue('3101230456');
    // The broker is back at the field, with what was typed in it, where it can be read; and told it is saved.
    await expectSeen(ui.headField('TradeCode'));
    await expectSeen(page.getByRole('status').filter({ hasText: /^已保存$/ }));

    // It is in main now: another window with nothing in its local storage sees it too.
    const fresh = await browser.newContext({ locale: 'zh-CN' });
    const other = new DeskPage(await fresh.newPage());
    await other.open(desk.url);
    await expect(other.headField('TradeCode')).toHaveValue('3101230456');
    await fresh.close();
    await desk.stop();
    expect(storedHead(dir, heading).TradeCode).toBe('3101230456');
  } finally {
    await desk.stop();
  }
});
