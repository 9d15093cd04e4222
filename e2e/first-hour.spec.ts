import { expect, test } from './fixtures/desk-test';
import { freshDir, type Running } from './fixtures/processes';
import type { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';
import type { Locator } from '@playwright/test';

// What a broker meets in the first hour with the desk: the goods word typed into 商品编号, the words brokers say for
// a package, the checks while a code is still being typed, and the keyboard after 申报.

/** A fresh desk and a new import draft begun as a broker begins one, with Alt+N: the cursor in the form's first box. */
async function newDraft(startDesk: (dataDir: string) => Promise<Running>, ui: DeskPage, name: string): Promise<void> {
  const desk = await startDesk(freshDir(name));
  await ui.open(desk.url);
  await ui.page.keyboard.press('Alt+N');
  await expect(ui.status()).toHaveText('草稿');
}

test.describe('the first hour', () => {
  test('商品编号: 苹果 and Enter pick fresh apples (0808100000), not dried ones, in Chinese and in English', async ({
    page,
    startDesk,
    ui,
  }) => {
    await newDraft(startDesk, ui, 'goods-word');
    const focused = page.locator(':focus');
    const first = page.getByRole('listbox').getByRole('option').first();

    await page.keyboard.press('Alt+A');
    await expect(focused).toHaveAccessibleName('商品编号');
    await page.keyboard.type('苹果');
    // Before Enter the broker sees what it will pick: 鲜苹果 first and highlighted, 苹果干 after it.
    await expect(first).toHaveText(/^0808100000\s*鲜苹果/);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expectSeen(first);
    await expect(page.getByRole('listbox').getByRole('option', { name: /0813300000/ })).toHaveCount(1);
    await page.keyboard.press('Enter');
    await ui.expectLineValue(0, 'CodeTS', '0808100000');

    await page.keyboard.press('Alt+Shift+L');
    await page.keyboard.press('Alt+A');
    await expect(focused).toHaveAccessibleName('HS code');
    await page.keyboard.type('苹果');
    await expect(first).toHaveText(/^0808100000\s*鲜苹果/);
    await expectSeen(first);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+Shift+L');
    await ui.expectLineValue(1, 'CodeTS', '0808100000');
  });

  test('包装种类: the words brokers say (纸箱, 托盘, 桶, 袋, carton, pallet, drum, bag) find the codes, in Chinese and in English', async ({
    page,
    startDesk,
    ui,
  }) => {
    await newDraft(startDesk, ui, 'package-words');
    const first = page.getByRole('listbox').getByRole('option').first();
    const pickBy = async (field: Locator, word: string, code: string) => {
      await field.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(word);
      // The broker sees what Enter will pick before pressing it.
      await expect(first).toHaveText(new RegExp(`^${code}\\b`));
      await expectSeen(first);
      await page.keyboard.press('Enter');
      await expect(field).toHaveValue(code);
    };
    const words = [
      ['纸箱', '22'],
      ['木箱', '23'],
      ['托盘', '92'],
      ['桶', '39'],
      ['袋', '06'],
      ['carton', '22'],
      ['pallet', '92'],
      ['drum', '39'],
      ['bag', '06'],
    ] as const;
    for (const [word, code] of words) await pickBy(ui.headField('WrapType'), word, code);

    await page.keyboard.press('Alt+Shift+L');
    const english = page.getByLabel('Package type', { exact: true });
    await pickBy(english, 'carton', '22');
    await pickBy(english, '纸箱', '22');
  });
});
