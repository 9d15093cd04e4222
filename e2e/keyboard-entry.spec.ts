import { errors, expect, test, type Page } from '@playwright/test';
import type { Row } from '../shared/catalog';
import { importCodeTables } from './fixtures/desk-api';
import { freshDir, startDesk, type Running } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { DeskPage, zhLabel } from './pages/desk-page';
import { expectSeen } from './support/seen';

// Keyboard-first entry. A broker who has never seen the app keys in a complete
// three-line import declaration with the keyboard alone — reading each field's label, typing its
// value, Enter to go on — and declares it. The page records every pointer event: there are none.

const lines: Row[] = [
  {
    CodeTS: '0808100000',
    CiqCode: '999',
    GName: '鲜苹果',
    GModel: '0|3|鲜|富士|一级|无品牌|无|无|无',
    GQty: '1000',
    GUnit: '035',
    FirstQty: '1000',
    FirstUnit: '035',
    DeclPrice: '2.5',
    DeclTotal: '2500',
    TradeCurr: 'USD',
    OriginCountry: 'USA',
    DestinationCountry: 'CHN',
    DistrictCode: '31222',
    DutyMode: '1',
  },
  {
    CodeTS: '2009710000',
    CiqCode: '999',
    GName: '苹果汁',
    GModel: '0|3|苹果汁100%|18|6倍|未发酵|冷冻|200升/桶|无品牌|无|无|无',
    GQty: '500',
    GUnit: '035',
    FirstQty: '500',
    FirstUnit: '035',
    DeclPrice: '4',
    DeclTotal: '2000',
    TradeCurr: 'USD',
    OriginCountry: 'USA',
    DestinationCountry: 'CHN',
    DistrictCode: '31222',
    DutyMode: '1',
  },
  {
    CodeTS: '2105000000',
    CiqCode: '999',
    GName: '冰淇淋',
    GModel: '0|3|1千克/盒|无品牌|无|无|无',
    GQty: '200',
    GUnit: '035',
    FirstQty: '200',
    FirstUnit: '035',
    DeclPrice: '5',
    DeclTotal: '1000',
    TradeCurr: 'USD',
    OriginCountry: 'USA',
    DestinationCountry: 'CHN',
    DistrictCode: '31222',
    DutyMode: '1',
  },
];

/** What the focused field is: its accessible name (label or aria-label) and where it is. */
async function focused(page: Page): Promise<{ label: string; path: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const label = el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? '';
    return { label: label.trim(), path: el?.dataset.path ?? '' };
  });
}

/**
 * Reads the focused field's label, types its value (if the paperwork has one), presses Enter and
 * waits for the cursor to move on; until `done` says the cursor has left the section, or Enter has
 * been pressed on the section's `last` field. Enter that does not move the cursor fails the test
 * (after a bound); nothing here reads "no movement for a while" as the end.
 */
async function keyIn(
  page: Page,
  values: ReadonlyMap<string, string>,
  end: { done?: (path: string) => boolean; last?: string },
  /** Runs at each field after its value (if any) is typed, before Enter: what the broker sees at that moment. */
  typed: (label: string) => Promise<void> = async () => undefined,
): Promise<string[]> {
  const visited: string[] = [];
  for (let step = 0; step < 150; step++) {
    const here = await focused(page);
    if (end.done?.(here.path)) break;
    visited.push(here.label);
    const value = values.get(here.label);
    if (value !== undefined) await page.keyboard.type(value);
    await typed(here.label);
    await page.keyboard.press('Enter');
    if (here.label === end.last) break;
    // A code picker may wait for its matches before it picks and moves on.
    await page
      .waitForFunction((from) => (document.activeElement as HTMLElement | null)?.dataset.path !== from, here.path, {
        timeout: 20_000,
      })
      .catch((error: unknown) => {
        if (!(error instanceof errors.TimeoutError)) throw error;
        throw new Error(`Enter in ${here.label} (${here.path}) did not move the cursor on`);
      });
  }
  return visited;
}

function byLabel(section: string, row: Row): Map<string, string> {
  return new Map(Object.entries(row).map(([xml, value]) => [zhLabel(section, xml, 'I'), value]));
}

test.describe('keyboard-first entry', () => {
  let desk: Running | undefined;
  test.afterEach(async () => {
    await desk?.stop();
  });

  test('a new user keys in a complete three-line import declaration with the keyboard alone, ends with zero errors and declares it', async ({
    page,
  }) => {
    // About 150 fields keyed one by one, each waiting for the cursor to move: a long journey on a busy
    // machine, so three times the usual bound (a limit, not a measurement).
    test.slow();
    desk = await startDesk(freshDir('desk'));
    await importCodeTables(desk.url);
    await page.addInitScript(() => {
      const w = window as unknown as { pointerEvents: number };
      w.pointerEvents = 0;
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'wheel'])
        window.addEventListener(type, () => w.pointerEvents++, true);
    });
    const ui = new DeskPage(page);
    await ui.open(desk.url);

    // F1 lists the keys; Esc closes it.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: '键盘操作' });
    await expectSeen(help);
    await expectSeen(help.getByRole('row', { name: /Alt\+A.*添加商品/ }));
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Alt+N: a new import declaration, the cursor in its first field.
    await page.keyboard.press('Alt+N');
    await expect(ui.status()).toHaveText('草稿');
    await expect(page.locator(':focus')).toHaveAccessibleName('境内收发货人');

    const { doc } = sample('import-general-trade');
    // 监管方式 by its pinyin initials (一般贸易 → ybmy): the picker answers 0110.
    const head = byLabel('head', { ...doc.head, TradeMode: 'ybmy' });
    head.set(zhLabel('freeText', 'VoyNo'), '012E');
    // Before Enter the broker sees what it will pick: the list under the field, 0110 一般贸易 first and
    // highlighted, each line of it hit at its centre (a list clipped away by its box once passed here).
    const pickerSeen = async (label: string) => {
      if (label !== '监管方式') return;
      const list = page.getByRole('listbox');
      await expectSeen(list);
      const first = list.getByRole('option').first();
      await expect(first).toHaveText(/^0110 一般贸易/);
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await expectSeen(first);
    };
    const visited = await keyIn(page, head, { last: zhLabel('head', 'TypistNo') }, pickerSeen);
    expect(visited).toContain('监管方式');
    expect(visited).toContain('录入员IC卡号');
    await expect(ui.headField('TradeMode')).toHaveValue('0110');

    // Alt+A adds a goods line with the cursor in its 商品编号; the row is keyed in the same way.
    for (const [index, line] of lines.entries()) {
      await page.keyboard.press('Alt+A');
      await expect(page.locator(':focus')).toHaveAccessibleName('商品编号');
      // 法定第一计量单位 is not keyed: the desk set it from the tariff the moment 商品编号 was known, and the broker,
      // reaching it with Enter, sees it filled.
      const keyed = Object.fromEntries(Object.entries(line).filter(([xml]) => xml !== 'FirstUnit'));
      const unitSeen = async (label: string) => {
        if (label !== zhLabel('lines', 'FirstUnit')) return;
        const unit = ui.lineField(index, 'FirstUnit');
        await expectSeen(unit);
        await expect(unit).toHaveValue(line.FirstUnit ?? '');
      };
      await keyIn(page, byLabel('lines', keyed), { done: (path) => !path.startsWith(`lines[${index}]`) }, unitSeen);
      await ui.expectLineValue(index, 'GName', line.GName ?? '');
    }

    // A container in the 集装箱 tab: Alt+3 to the tabs, Tab to 添加一行, Enter, key the row in.
    await page.keyboard.press('Alt+3');
    await expect(page.locator(':focus')).toHaveAccessibleName(/集装箱/);
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAccessibleName('添加一行');
    await page.keyboard.press('Enter');
    await keyIn(
      page,
      byLabel('containers', { ContainerId: 'CSQU3054383', ContainerMd: '11', GoodsNo: '1,2,3', LclFlag: '0' }),
      { last: zhLabel('containers', 'ContainerWt') },
    );

    const checks = page.getByRole('region', { name: '检查结果' });
    await expect(checks.getByRole('heading')).toHaveText(/^没有错误/);

    // F9 asks first (no errors, no warnings), Enter declares: signed and queued for the hub.
    await page.keyboard.press('F9');
    const confirm = page.getByRole('dialog', { name: '确认申报' });
    await expectSeen(confirm);
    await expect(confirm.getByRole('button', { name: '申报（Enter）' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(ui.status()).toHaveText('待发送');
    await expect(ui.outboxCount()).toHaveText('待发送 1');
    expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
  });
});
