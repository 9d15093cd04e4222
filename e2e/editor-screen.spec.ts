import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/desk-test';
import { freshDir } from './fixtures/processes';
import { expectSeen } from './support/seen';

// The editor's screen as a broker keeps it all day: the top bar (新建 / 同步 / 设置) stays where it is
// whatever is focused, copied or keyed.

/** The page itself never scrolls: only the area under the top bar does, and the top bar is seen. */
async function expectTopBarInPlace(page: Page): Promise<void> {
  await expectSeen(page.getByRole('button', { name: '新建', exact: true }));
  await expectSeen(page.getByRole('button', { name: '设置', exact: true }));
  const page_ = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollTop: root.scrollTop, grownBy: root.scrollHeight - innerHeight };
  });
  expect(page_).toEqual({ scrollTop: 0, grownBy: 0 });
}

/** The field the error panel's first error (or field still to fill) names (its text is "field：why" or "field: why"). */
async function firstErrorField(page: Page, region: string): Promise<string> {
  const first = page.getByRole('region', { name: region }).locator('li.finding:not(.finding-warning) button').first();
  return ((await first.textContent()) ?? '').split(/[:：]/)[0]?.trim() ?? '';
}

test.describe('the editor’s screen', () => {
  test('the top bar stays in view after keying a goods line to its last cell and after copying the declaration', async ({
    page,
    startDesk,
    ui,
  }) => {
    const desk = await startDesk(freshDir('screen'));
    const created = await ui.openImportSample(desk.url);
    await expectTopBarInPlace(page);

    // Enter through every cell of the goods line, to its last and on.
    await ui.lineField(0, 'CodeTS').focus();
    const focused = page.locator(':focus');
    const path = () => focused.getAttribute('data-path');
    for (let step = 0; step < 30 && (await path())?.startsWith('lines[0].'); step++) {
      const before = await path();
      await page.keyboard.press('Enter');
      await expect(focused).not.toHaveAttribute('data-path', before ?? '');
    }
    expect(await path()).not.toMatch(/^lines\[0\]\./);
    await expectTopBarInPlace(page);

    // Copy the declaration (Alt+Shift+C): the copy opens, the top bar where it was.
    await page.keyboard.press('Alt+Shift+C');
    const dialog = page.getByRole('dialog', { name: '复制报关单' });
    await expectSeen(dialog);
    await dialog.getByRole('button', { name: '复制为新草稿' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 2 })).not.toContainText(created.clientSeqNo);
    await expect(ui.status()).toHaveText('草稿');
    await expectTopBarInPlace(page);
  });

  test('F9 with errors goes to the first error and says why at the top of the error panel, in the UI language only', async ({
    page,
    startDesk,
    ui,
  }) => {
    const desk = await startDesk(freshDir('f9'));
    await ui.open(desk.url);
    await ui.newDeclaration();
    const checks = page.getByRole('region', { name: '检查结果' });
    await expect(checks.getByRole('heading')).toHaveText(/项必填未填/);
    // The cursor somewhere further down the form: F9 brings it back to the first error.
    await ui.headField('NoteS').focus();
    await page.keyboard.press('F9');
    const refusal = checks.getByRole('alert');
    await expectSeen(refusal);
    await expect(refusal).toHaveText(/^还有 \d+ 处错误，改正后才能申报$/);
    await expect(page.locator(':focus')).toHaveAccessibleName(await firstErrorField(page, '检查结果'));
    await expect(page.locator(':focus')).toHaveAccessibleName('境内收发货人');
    await expect(ui.status()).toHaveText('草稿');
    // Stopped by 申报, the fields still to fill are errors now, no longer pale: red, each with its message under it,
    // counted as errors to fix.
    const trade = ui.headField('TradeName');
    await expect(trade).toHaveAttribute('aria-invalid', 'true');
    await expect(trade).not.toHaveAttribute('aria-required', 'true');
    await expectSeen(page.locator(`#${await trade.getAttribute('aria-describedby')}`));
    await expect(checks.getByRole('heading')).toHaveText(/^\d+ 处需要修改$/);
    await expect(checks.locator('li.finding-required')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/editor-screen/f9-stopped-zh.png' });
    // Nothing of it beside the 申报 button at the bottom.
    await expect(page.getByText(/无法申报|error\(s\)/)).toHaveCount(0);
    // The next edit retires it; the panel goes on listing what is left.
    await page.keyboard.type('上海');
    await expect(refusal).toHaveCount(0);

    await page.keyboard.press('Alt+Shift+L');
    await page.getByLabel('Remarks', { exact: true }).focus();
    await page.keyboard.press('F9');
    const english = page.getByRole('region', { name: 'Checks' }).getByRole('alert');
    await expectSeen(english);
    await expect(english).toHaveText(/^\d+ errors? to fix before declaring$/);
    await expect(page.locator(':focus')).toHaveAccessibleName(await firstErrorField(page, 'Checks'));
  });

  test('a new declaration opens with its required fields marked as still to fill, not as errors; a wrong value is red', async ({
    page,
    startDesk,
    ui,
  }) => {
    const desk = await startDesk(freshDir('required'));
    await ui.open(desk.url);
    await ui.newDeclaration();
    const checks = page.getByRole('region', { name: '检查结果' });
    await expect(checks.getByRole('heading')).toHaveText(/^\d+ 项必填未填/);
    await expect(checks.locator('li.finding-required').first()).toBeVisible();
    await expect(checks.locator('li.finding-error')).toHaveCount(0);
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
    const trade = ui.headField('TradeName');
    await expectSeen(trade);
    await expect(trade).toHaveAttribute('aria-required', 'true');
    // A star by its label, as a broker looks for.
    const star = await trade.evaluate((input) => {
      const field = input.closest('.field');
      return field ? getComputedStyle(field, '::before').content : '';
    });
    expect(star).toBe('"*"');

    // A wrong value is an error at once, red, and counted apart.
    await ui.headField('PackNo').fill('1.5');
    await expect(ui.headField('PackNo')).toHaveAttribute('aria-invalid', 'true');
    await expect(checks.getByRole('heading')).toHaveText(/^1 处需要修改 · \d+ 项必填未填/);
    await expect(checks.locator('li.finding-error')).toHaveCount(1);
    // Filled, a required field is no longer marked.
    await trade.fill('上海鲜果贸易有限公司');
    await expect(trade).not.toHaveAttribute('aria-required', 'true');
  });
});
