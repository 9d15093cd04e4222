import { expect, test } from '@playwright/test';
import { enrollCode, freshDir, startDesk, startHub, type Running } from './fixtures/processes';
import { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';

// The browser host restarted without its passphrase: the stored signing key is locked, so nothing is sent and no
// receipt comes. The bar must say so in the UI language with a button to unlock, the prompt must say unlock (not
// create), and once unlocked sync goes on. A real hub process and the browser host.
test('a restart without the passphrase says 密钥未解锁 and unlocks from the bar', async ({ page }) => {
  // A hub and two desk starts, each compiling TypeScript first: past the default bound on a busy machine.
  test.slow();
  const running: Running[] = [];
  try {
    const hubDir = freshDir('hub');
    const deskDir = freshDir('desk');
    const hub = await startHub(hubDir);
    running.push(hub);
    const first = await startDesk(deskDir, { hubUrl: hub.url, code: enrollCode(hubDir) });
    const ui = new DeskPage(page);
    await ui.open(first.url);
    await expect(ui.connection()).toHaveText('在线');
    await first.stop();

    const desk = await startDesk(deskDir, { env: { SWDESK_PASSPHRASE: '' } });
    running.push(desk);
    await ui.open(desk.url);
    const locked = page.getByTestId('key-locked');
    await expectSeen(locked);
    await expect(locked).toContainText('密钥未解锁');
    await page.screenshot({ path: test.info().outputPath('key-locked-zh.png') });

    await locked.getByRole('button', { name: '解锁' }).click();
    const dialog = page.getByRole('dialog', { name: '解锁签名密钥' });
    await expectSeen(dialog);
    await expect(dialog).toContainText('尚未解锁');
    await expect(dialog).not.toContainText('创建');
    await page.screenshot({ path: test.info().outputPath('unlock-dialog-zh.png') });
    await dialog.getByRole('button', { name: '取消' }).click();

    await page.getByRole('button', { name: 'English' }).click();
    await expectSeen(locked);
    await expect(locked).toContainText('Key locked');
    await locked.getByRole('button', { name: 'Unlock' }).click();
    const english = page.getByRole('dialog', { name: 'Unlock the signing key' });
    await expectSeen(english);
    await page.screenshot({ path: test.info().outputPath('unlock-dialog-en.png') });
    await english.getByLabel('Passphrase').fill('e2e passphrase 1234');
    await english.getByRole('button', { name: 'Unlock' }).click();
    await expect(locked).toBeHidden();
    await expect(ui.connection()).toHaveText('Online', { timeout: 60_000 });
  } finally {
    for (const r of running.reverse()) await r.stop();
  }
});
