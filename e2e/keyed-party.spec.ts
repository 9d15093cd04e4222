import { expect, test } from '@playwright/test';
import { invoke } from './fixtures/desk-api';
import { freshDir, startDesk, type Running } from './fixtures/processes';
import { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';
import { freshFruitTrader } from '../test-support/shared/parties';

// The libraries learn from what is keyed: a USCC keyed in full in 境内收发货人 fills the box's name and codes
// from the party library, says so in the box, and 撤销 puts back what the box held.

test.describe('a party box filled from a keyed USCC', () => {
  let desk: Running | undefined;
  test.afterEach(async () => {
    await desk?.stop();
  });

  test('keying a USCC fills name, customs code and CIQ code with a note; 撤销 restores the box', async ({ page }) => {
    test.setTimeout(180_000);
    desk = await startDesk(freshDir('desk'));
    await invoke(desk.url, 'parties.save', freshFruitTrader);
    const ui = new DeskPage(page);
    await ui.open(desk.url);
    await ui.newDeclaration();

    // An earlier company's name stands in the box; the USCC is keyed character by character.
    await ui.headField('TradeName').fill('上海旧货贸易公司');
    await ui.headField('TradeCoScc').focus();
    await page.keyboard.type('91310000132212345R');

    const box = page.getByRole('group', { name: '境内收发货人' });
    const note = box.getByRole('status').filter({ hasText: '已按 91310000132212345R 从企业库填入' });
    await expectSeen(note);
    await expect(note).toContainText('填入 名称、海关编码、检验检疫编码');
    await expect(ui.headField('TradeName')).toHaveValue('上海鲜果贸易有限公司');
    await expect(ui.headField('TradeCode')).toHaveValue('3101230456');
    await expect(ui.headField('TradeCiqCode')).toHaveValue('3100000123');
    await page.screenshot({ path: test.info().outputPath('keyed-party-zh.png') });

    const undo = note.getByRole('button', { name: /^撤销/ });
    await expectSeen(undo);
    await undo.click();
    await expect(note).toBeHidden();
    await expect(ui.headField('TradeName')).toHaveValue('上海旧货贸易公司');
    await expect(ui.headField('TradeCode')).toHaveValue('');
    await expect(ui.headField('TradeCiqCode')).toHaveValue('');
    await expect(ui.headField('TradeCoScc')).toHaveValue('91310000132212345R');

    // The same in English: the last character keyed again looks the USCC up again.
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('group', { name: 'Domestic consignee/consignor' });
    await english.getByLabel('Domestic consignee/consignor USCC', { exact: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('R');
    const noted = english.getByRole('status').filter({
      hasText: 'Filled name, customs code, CIQ code from the party library by 91310000132212345R',
    });
    await expectSeen(noted);
    await expectSeen(noted.getByRole('button', { name: /^Undo/ }));
    await page.screenshot({ path: test.info().outputPath('keyed-party-en.png') });
  });
});
