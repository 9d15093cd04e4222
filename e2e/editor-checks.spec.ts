import { expect, test } from './fixtures/desk-test';
import { importCodeTables } from './fixtures/desk-api';
import { freshDir } from './fixtures/processes';
import { expectSeen } from './support/seen';

// Checks as you type, the error panel and its jumps (F8, a click), the 申报要素 helper,
// and the language switched while the app runs.

test.describe('checks, jumps and the 申报要素 helper', () => {
  test('F8 and the error panel jump to each field, even a goods line scrolled out of view; Alt+E fills 规格型号 element by element', async ({
    page,
    startDesk,
    ui,
  }) => {
    // About forty steps, each seen as well as checked: 135 s at load 22 here, past the default 120 s.
    test.setTimeout(300_000);
    const desk = await startDesk(freshDir('desk'));
    await importCodeTables(desk.url, ['tariff', 'units', 'countries']);
    await ui.open(desk.url);
    await page.keyboard.press('Alt+N');
    await expect(ui.status()).toHaveText('草稿');
    const focused = page.locator(':focus');
    await expect(focused).toHaveAccessibleName('境内收发货人');
    const checks = page.getByRole('region', { name: '检查结果' });
    await expect(checks.getByRole('heading')).toHaveText(/项必填未填/);
    await expectSeen(checks.getByRole('heading'));

    // F8: the next error in screen order; Shift+F8: back.
    await page.keyboard.press('F8');
    await expect(focused).toHaveAccessibleName('境内收发货人编号');
    await expectSeen(focused);
    await page.keyboard.press('Shift+F8');
    await expect(focused).toHaveAccessibleName('境内收发货人');

    // A click on a finding jumps to its field; typing a bad value shows why at once.
    await checks.getByRole('button', { name: /^件数：/ }).click();
    await expect(focused).toHaveAccessibleName('件数');
    await page.keyboard.type('1.5');
    await expectSeen(checks.getByRole('button', { name: /^件数：应为整数/ }));
    await expect(ui.headField('PackNo')).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await expect(checks.getByRole('button', { name: /^件数：/ })).toHaveCount(0);

    // A goods line: its 规格型号 must follow the tariff's 申报要素.
    await page.keyboard.press('Alt+A');
    await expect(focused).toHaveAccessibleName('商品编号');
    await page.keyboard.type('0808100000');
    await page.keyboard.press('Enter');
    await ui.expectLineValue(0, 'CodeTS', '0808100000');
    const gmodelFinding = checks.getByRole('button', { name: /^第1项 规格型号/ });
    await expectSeen(gmodelFinding);

    // Alt+E asks each element in the tariff's order; Enter on the last writes 规格型号.
    await page.keyboard.press('Alt+E');
    const helper = page.getByRole('dialog', { name: '申报要素' });
    await expectSeen(helper);
    await expectSeen(helper.getByText('第1项 商品编号 0808100000 的申报要素'));
    await expect(focused).toHaveAccessibleName('0. 品牌类型');
    await expectSeen(focused);
    for (const value of ['0', '3', '鲜', '富士', '一级', '无品牌', '无', '无']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    }
    const written = helper.getByRole('status').or(helper.locator('output'));
    await expect(written).toHaveText('0|3|鲜|富士|一级|无品牌|无|无|');
    await expectSeen(written);
    await page.keyboard.type('无');
    await page.keyboard.press('Enter');
    await expect(helper).toBeHidden();
    await ui.expectLineValue(0, 'GModel', '0|3|鲜|富士|一级|无品牌|无|无|无');
    await expect(focused).toHaveAccessibleName('规格型号');
    await expectSeen(focused);
    await expect(gmodelFinding).toHaveCount(0);

    // Thirty lines (Alt+C copies the current one): line 30 is not even rendered until a jump brings it into view.
    for (let i = 1; i < 30; i++) await page.keyboard.press('Alt+C');
    await expect(page.getByRole('row', { name: '第30项', exact: true })).toHaveCount(1);
    await checks.getByRole('button', { name: /^第1项 商品名称/ }).click();
    await expect(
      page.getByRole('row', { name: '第1项', exact: true }).getByLabel('商品名称', { exact: true }),
    ).toBeFocused();
    await expectSeen(focused);
    await expect(page.getByRole('row', { name: '第30项', exact: true })).toHaveCount(0);
    await checks.getByRole('button', { name: /^第30项 商品名称/ }).click();
    await expect(focused).toHaveAccessibleName('商品名称');
    await expect(
      page.getByRole('row', { name: '第30项', exact: true }).getByLabel('商品名称', { exact: true }),
    ).toBeFocused();
    // Brought into view, not only focused: the broker sees the field the jump went to.
    await expectSeen(focused);

    // English while running: labels, the panel and the checks' messages.
    await page.keyboard.press('Alt+Shift+L');
    // The field the broker is on (line 30, scrolled to) in English; the head's labels too (above, out of view).
    await expect(focused).toHaveAccessibleName('Goods name');
    await expectSeen(focused);
    await expect(page.getByLabel('Domestic consignee/consignor', { exact: true })).toBeVisible();
    const english = page.getByRole('region', { name: 'Checks' });
    await expect(english.getByRole('heading')).toHaveText(/required to fill/);
    await expectSeen(english.getByRole('button', { name: /^Line 30 Goods name: required/ }));
    await page.keyboard.press('Alt+Shift+L');
    await expect(ui.headField('TradeName')).toBeVisible();
  });
});
