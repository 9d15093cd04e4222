import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/desk-test';
import { invoke, seedImportSample } from './fixtures/desk-api';
import { freshDir } from './fixtures/processes';
import { zhLabel } from './pages/desk-page';
import { expectOptionsSeen, expectSeen } from './support/seen';
import { freshFruitTrader } from '../test-support/shared/parties';

// A broker's keying day without surprises: the list by keyboard with the columns a broker reads,
// F3 moving on after it fills a party (found by its short name's initials), a new party starting
// at its name, Esc out of the print preview, and the confirmation before 申报 — each asserted as
// the broker sees it.

const focused = (page: Page) => page.locator(':focus');

test.describe('a keying day', () => {
  test('the list by keyboard and its columns; F3 moves on; 新增 starts at 中文名称; Esc leaves the print preview', async ({
    page,
    startDesk,
    ui,
  }) => {
    test.setTimeout(180_000);
    const desk = await startDesk(freshDir('desk'));
    const older = await seedImportSample(desk.url, { BillNo: 'COSU0000000001' });
    const newer = await seedImportSample(desk.url, { BillNo: 'COSU0000000002' });
    await invoke(desk.url, 'parties.save', { ...freshFruitTrader, ciqCode: '' });
    await ui.open(desk.url);
    const list = ui.list();

    // More columns to choose from: 申报日期, 监管方式, 件数/毛重, 录入员.
    await list.getByText('显示列').click();
    for (const column of ['申报日期', '监管方式', '件数/毛重', '录入员'])
      await list.getByRole('checkbox', { name: column }).check();
    await list.getByText('显示列').click();
    for (const column of ['申报日期', '监管方式', '件数/毛重', '录入员'])
      await expectSeen(list.getByRole('columnheader', { name: new RegExp(column) }));
    const row = list.getByRole('row', { name: new RegExp(newer.clientSeqNo) });
    await expectSeen(row.getByRole('cell', { name: '0110 一般贸易' }));
    await expectSeen(row.getByRole('cell', { name: '100 件 / 1200 kg' }));
    await expectSeen(row.getByRole('cell', { name: '王芳', exact: true }));
    await page.screenshot({ path: 'test-results/keying-day/list-columns-zh.png' });

    // Alt+L lands on the list's first row, ↓ moves, Enter opens.
    await list.getByLabel('搜索', { exact: true }).focus();
    await page.keyboard.press('Alt+L');
    await expect(list.getByRole('button', { name: newer.clientSeqNo })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(list.getByRole('button', { name: older.clientSeqNo })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(list.getByLabel('搜索', { exact: true })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(older.clientSeqNo) })).toBeVisible();

    // Back in the list with Alt+L, the keyboard lands on the declaration just left.
    await page.keyboard.press('Alt+L');
    await expect(list.getByRole('button', { name: older.clientSeqNo })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(older.clientSeqNo) })).toBeVisible();

    // F3 in 境内收发货人 fills the box; the cursor goes on to the field after it.
    await ui.headField('TradeName').focus();
    await page.keyboard.press('F3');
    const picker = page.getByRole('dialog', { name: '从企业库选择：境内收发货人' });
    await expectSeen(picker);
    await expectOptionsSeen(picker.getByRole('listbox'));
    // Found by the initials of its short name: xg for 鲜果, the name without the place it starts with.
    await expect(picker.getByRole('combobox')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('xg');
    await expectSeen(picker.getByRole('option', { name: /上海鲜果贸易有限公司/ }));
    await expect(picker.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(picker).toBeHidden();
    await expect(focused(page)).toHaveAccessibleName(zhLabel('head', 'CustomMaster'));

    // The print preview closes with Esc.
    await page.getByText('导入/导出').click();
    await page.getByRole('button', { name: '打印 / PDF' }).click();
    const preview = page.getByRole('dialog', { name: '打印预览' });
    await expectSeen(preview.getByRole('button', { name: '关闭' }));
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();

    // 企业库 → 新增 starts at 中文名称.
    await page.keyboard.press('Alt+K');
    const libraries = page.getByRole('dialog', { name: '企业库、商品库、模板与默认值' });
    await libraries.getByRole('button', { name: '新增', exact: true }).click();
    await expect(libraries.getByRole('form', { name: '新增企业' }).getByLabel('中文名称')).toBeFocused();
  });
});
