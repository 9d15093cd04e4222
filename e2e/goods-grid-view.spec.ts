import { expect, test, type Locator, type Page } from '@playwright/test';
import type { DeclarationRecord, PatchOp } from '../shared/api';
import { invoke } from './fixtures/desk-api';
import { freshDir, startDesk, type Running } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';

// The goods grid as a broker reads it: which line and which goods a cell belongs to stays in view however far
// right the grid is scrolled, and a long 规格型号 can be read while it is keyed; on a line not being keyed it is cut
// to its column with "…", never running under the next cell.

const LONG_GMODEL = '0|3|鲜|富士|一级|无品牌|无|无|无|果径80毫米以上|纸箱包装每箱20千克|用于零售';

test.describe('the goods grid', () => {
  let desk: Running | undefined;
  test.afterEach(async () => {
    await desk?.stop();
  });

  /** A desk with the sample import of three goods lines (two with a long 规格型号), open in the editor. */
  async function openThreeLines(page: Page, dir: string): Promise<DeskPage> {
    desk = await startDesk(freshDir(dir));
    const { doc } = sample('import-general-trade');
    const created = await invoke<DeclarationRecord>(desk.url, 'declarations.create', { ieFlag: 'I' });
    const ops: PatchOp[] = Object.entries(doc.head)
      .filter(([xml]) => xml !== 'IEFlag')
      .map(([xml, value]) => ({ op: 'set', path: `head.${xml}`, value }));
    for (let i = 0; i < 3; i++) ops.push({ op: 'insertRow', table: 'lines', row: { ...doc.lines[0] } });
    ops.push({ op: 'set', path: 'lines[0].GModel', value: LONG_GMODEL });
    ops.push({ op: 'set', path: 'lines[1].GModel', value: LONG_GMODEL });
    await invoke(desk.url, 'declarations.update', { id: created.id, baseRevision: created.revision, ops });
    const ui = new DeskPage(page);
    await ui.open(desk.url);
    await ui.openFromList(created.clientSeqNo);
    return ui;
  }

  test('keeps 项号 and 商品编号 in view scrolled right, and shows 规格型号 whole while it is keyed', async ({
    page,
  }) => {
    const ui = await openThreeLines(page, 'grid-view');

    // Line 2 is text, not inputs: its 规格型号 is cut to the column with "…", the whole value in its title; no text
    // cell's text runs past its cell.
    const cut = ui.lineField(1, 'GModel');
    await cut.scrollIntoViewIfNeeded();
    await expectSeen(cut);
    const shown = await cut.evaluate((el) => ({
      text: el.querySelector('[aria-hidden="true"]')?.textContent ?? '',
      title: el.getAttribute('title'),
    }));
    expect(shown.text).toMatch(/…$/);
    expect(LONG_GMODEL.startsWith(shown.text.slice(0, -1))).toBe(true);
    expect(shown.title?.startsWith(LONG_GMODEL)).toBe(true);
    await ui.expectLineValue(1, 'GModel', LONG_GMODEL);
    const spilling = await page
      .locator('.lines .cell-text')
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.id));
    expect(spilling).toEqual([]);

    // Scrolled to its right end (the row's buttons in view): each line's 项号 and 商品编号 are still seen.
    const grid = page.locator('.lines .grid-scroll');
    await grid.scrollIntoViewIfNeeded();
    const scrolled = await grid.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(500);
    await expectSeen(page.getByRole('button', { name: '删除第2项', exact: true }));
    await expectSeen(page.getByRole('columnheader', { name: '项号' }));
    await expectSeen(page.getByRole('columnheader', { name: '商品编号' }));
    for (const index of [0, 1, 2]) {
      const row = page.getByRole('row', { name: `第${index + 1}项`, exact: true });
      await expectSeen(row.getByRole('rowheader'));
      await expect(row.getByRole('rowheader')).toHaveText(String(index + 1));
      await expectSeen(ui.lineField(index, 'CodeTS'));
    }

    // 规格型号 keyed: its input shows the whole text, over the cells beside it.
    await grid.evaluate((el) => (el.scrollLeft = 0));
    const gmodel = ui.lineField(0, 'GModel');
    await gmodel.focus();
    await expect(gmodel).toBeFocused();
    await expectSeen(gmodel);
    const fits = await gmodel.evaluate((el) => ({
      whole: el.scrollWidth <= el.clientWidth,
      wider: el.getBoundingClientRect().width > (el.closest('td')?.getBoundingClientRect().width ?? 0),
    }));
    expect(fits).toEqual({ whole: true, wider: true });
    // Wide from the moment it is the current cell, not from its focus: losing the focus leaves its box as it is (a
    // box that changed with the focus laid the grid out again as Enter came into the cell and went on from it).
    const kept = await gmodel.evaluate((el) => {
      const width = el.getBoundingClientRect().width;
      el.blur();
      return { position: getComputedStyle(el).position, same: el.getBoundingClientRect().width === width };
    });
    expect(kept).toEqual({ position: 'absolute', same: true });
    await gmodel.focus();
    // Leaving it, the column is as wide as before.
    await page.keyboard.press('Tab');
    const narrow = await gmodel.evaluate(
      (el) => el.getBoundingClientRect().width <= (el.closest('td')?.getBoundingClientRect().width ?? 0),
    );
    expect(narrow).toBe(true);
    // The cell the cursor is in is the grid's one input, and each editor input is a layout boundary of its own (a
    // typed character lays out the input, not the page).
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return [el.tagName, el.dataset.path, getComputedStyle(el).contain];
    });
    expect(focused).toEqual(['INPUT', 'lines[0].GQty', 'size layout']);
    expect(await grid.evaluate((el) => el.querySelectorAll('input').length)).toBe(1);
    expect(await ui.headField('TradeName').evaluate((el) => getComputedStyle(el).contain)).toBe('size layout');
  });

  test('never shows a cell part way under 项号 and 商品编号, scrolled sideways or keyed through with Tab, in Chinese and English', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openThreeLines(page, 'grid-pinned-edge');
    const grid = page.locator('.lines .grid-scroll');
    for (const language of ['中文', 'English'] as const) {
      if (language === 'English') await page.getByRole('button', { name: 'English', exact: true }).click();
      await grid.evaluate((el) => (el.scrollLeft = 0));
      await grid.scrollIntoViewIfNeeded();
      // A wheel turned sideways by a part of a column (they are 64 to 260 px wide), a few times over.
      const box = await grid.boundingBox();
      if (!box) throw new Error('the goods grid has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (const step of [150, 150, 150]) {
        const before = await grid.evaluate((el) => el.scrollLeft);
        await page.mouse.wheel(step, 0);
        await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
        await expectWholeBesidePinned(grid, `${language} wheel`);
      }
      // At its right end too (the last columns' stops are within reach).
      await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      await expectWholeBesidePinned(grid, `${language} at the right end`);
      // Tab along line 1 from 商品编号 through twelve cells and Shift+Tab back: the focused cell is whole beside them.
      await grid.evaluate((el) => (el.scrollLeft = 0));
      await page.locator('[data-path="lines[0].CodeTS"]').focus();
      for (const key of [...Array<string>(12).fill('Tab'), ...Array<string>(12).fill('Shift+Tab')]) {
        await page.keyboard.press(key);
        await expectWholeBesidePinned(grid, `${language} ${key}`);
        await expectSeen(page.locator('.lines :focus'));
      }
    }
  });
});

/**
 * The cells beside the pinned 项号 and 商品编号 (the head's and line 1's) start at or right of 商品编号's right edge, and
 * the focused cell (when the grid has it) is whole between that edge and the scroller's right.
 */
async function expectWholeBesidePinned(grid: Locator, when: string): Promise<void> {
  await expect
    .poll(
      () =>
        grid.evaluate((scroller) => {
          const pinned = scroller.querySelector('thead th.pin + th.pin');
          if (!pinned) return 'no pinned 商品编号';
          const edge = pinned.getBoundingClientRect().right;
          const cut: string[] = [];
          for (const row of scroller.querySelectorAll('thead tr, tbody tr[aria-rowindex="2"]')) {
            const beside = [...row.children].find((cell) => {
              const r = cell.getBoundingClientRect();
              return !cell.classList.contains('pin') && r.right > edge + 0.5;
            });
            const left = beside?.getBoundingClientRect().left ?? edge;
            if (left < edge - 0.5) cut.push(`${beside?.textContent ?? ''} starts ${Math.round(edge - left)} px under`);
          }
          const focused = document.activeElement?.closest('td');
          if (focused && scroller.contains(focused) && !focused.classList.contains('pin')) {
            const r = focused.getBoundingClientRect();
            const right = scroller.getBoundingClientRect().left + scroller.clientLeft + scroller.clientWidth;
            const path = (document.activeElement as HTMLElement).dataset.path ?? '';
            if (r.left < edge - 0.5) cut.push(`${path} starts ${Math.round(edge - r.left)} px under`);
            if (r.right > right + 0.5) cut.push(`${path} ends ${Math.round(r.right - right)} px past the right edge`);
          }
          return cut.join('; ');
        }),
      { message: when },
    )
    .toBe('');
}
