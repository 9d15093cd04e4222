import { expect, test } from './fixtures/desk-test';
import { freshDir, type Running } from './fixtures/processes';
import type { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';
import type { Locator } from '@playwright/test';

// What a broker meets in the first hour with the desk: the goods word typed into 商品编号, the words brokers say for
// a package, the checks while a code is still being typed, and the keyboard after 申报.

type StartDesk = (dataDir: string) => Promise<Running>;

/** A fresh desk and a new import draft begun as a broker begins one, with Alt+N: the cursor in the form's first box. */
async function newDraft(startDesk: StartDesk, ui: DeskPage, name: string): Promise<void> {
  const desk = await startDesk(freshDir(name));
  await ui.open(desk.url);
  await ui.page.keyboard.press('Alt+N');
  await expect(ui.status()).toHaveText('草稿');
}

/** A fresh desk with the import sample keyed in whole, open in its editor: a declaration ready to declare. */
async function sampleOpen(startDesk: StartDesk, ui: DeskPage, name: string): Promise<void> {
  const desk = await startDesk(freshDir(name));
  await ui.openImportSample(desk.url);
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

  test('a code being looked up is not counted as an error while the list is open, and is once the broker tabs away', async ({
    page,
    startDesk,
    ui,
  }) => {
    await newDraft(startDesk, ui, 'lookup-checks');
    const heading = page.getByRole('region', { name: '检查结果' }).getByRole('heading');
    await expect(heading).toHaveText(/^\d+ 项必填未填$/);
    await expectSeen(heading);
    const toFill = Number(/^(\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
    // Every text the heading shows from here on, however briefly: a count that rose and fell between two looks at it
    // is still a flicker the broker saw.
    await heading.evaluate((el) => {
      const shown: string[] = [];
      (window as unknown as { headingsShown: string[] }).headingsShown = shown;
      new MutationObserver(() => shown.push(el.textContent ?? '')).observe(el, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const shown = () => page.evaluate(() => (window as unknown as { headingsShown: string[] }).headingsShown);

    // 纸箱 typed into the empty 包装种类: the list shows 22 and Enter picks it; one field fewer to fill.
    const wrapType = ui.headField('WrapType');
    await wrapType.focus();
    await page.keyboard.type('纸箱');
    await expectSeen(page.getByRole('listbox').getByRole('option').first());
    await page.keyboard.press('Enter');
    await expect(wrapType).toHaveValue('22');
    await expect(heading).toHaveText(`${toFill - 1} 项必填未填`);

    // Typed again, 木箱 is a search while the list is open: the field is still to fill, not wrong.
    await wrapType.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('木箱');
    await expectSeen(page.getByRole('listbox').getByRole('option').first());
    await expect(heading).toHaveText(`${toFill} 项必填未填`);
    await expect(wrapType).not.toHaveAttribute('aria-invalid', 'true');
    expect((await shown()).filter((text) => text.includes('需要修改'))).toEqual([]);

    // Tab leaves 木箱 there, not a code: now it is an error, said at the field and counted.
    await page.keyboard.press('Tab');
    await expect(heading).toHaveText(`1 处需要修改 · ${toFill - 1} 项必填未填`);
    await expectSeen(page.getByRole('button', { name: /^包装种类：/ }));
    await expect(wrapType).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Alt+Shift+L');
    await expect(page.getByRole('region', { name: 'Checks' }).getByRole('heading')).toHaveText(
      `1 to fix · ${toFill - 1} required to fill`,
    );
  });

  test('after F9 and its confirmation the cursor is on the status, in view, and the keyboard goes on from there', async ({
    page,
    startDesk,
    ui,
  }) => {
    await sampleOpen(startDesk, ui, 'after-declare');
    // The cursor far down the form, where a broker finishing the declaration would be.
    await ui.headField('NoteS').focus();
    await page.keyboard.press('F9');
    const confirm = page.getByRole('dialog', { name: '确认申报' });
    await expectSeen(confirm);
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(ui.status()).toHaveText('待发送');

    const focused = page.locator(':focus');
    await expect(focused).toHaveText('待发送');
    await expect(focused).toHaveAttribute('data-testid', 'declaration-status');
    await expectSeen(focused);
    await page.keyboard.press('Alt+Shift+L');
    await expect(focused).toHaveText('Queued');
    await page.keyboard.press('Alt+Shift+L');

    // Tab: the next thing to do with it, 复制 for the next shipment; Enter opens it.
    await page.keyboard.press('Tab');
    await expect(focused).toHaveAccessibleName('复制');
    await page.keyboard.press('Enter');
    await expectSeen(page.getByRole('dialog', { name: '复制报关单' }));
  });
});
