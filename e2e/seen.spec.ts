import { expect, test, type Page } from '@playwright/test';
import { expectSeen, sight } from './support/seen';

// The helper every spec uses to say "a person sees this" must itself fail on what a person would
// miss. Each case is a small page of the shape the desk has (a code list floating under a field in a
// fieldset), with one thing wrong. No desk is started: only the browser's geometry is under test.

async function form(page: Page, groupStyle: string, listStyle = ''): Promise<void> {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.setContent(`
    <style>
      body { margin: 0; font: 14px sans-serif; }
      .group { margin: 20px; padding: 8px; height: 60px; ${groupStyle} }
      .picker-list { position: fixed; z-index: 1; left: 28px; top: 70px; width: 240px; margin: 0; padding: 0;
        list-style: none; background: #fff; border: 1px solid #888; ${listStyle} }
      .picker-list li { padding: 2px 8px; }
    </style>
    <fieldset class="group"><legend>贸易</legend>
      <label>监管方式 <input></label>
      <ul class="picker-list" role="listbox" aria-label="监管方式">
        <li role="option" aria-selected="true">0110 一般贸易</li>
        <li role="option">0130 易货贸易</li>
        <li role="option">0200 料件销毁</li>
      </ul>
    </fieldset>
    <p id="off" style="position: absolute; top: 2000px">below the fold</p>
    <p id="faded" style="opacity: 0">faded out</p>`);
}

test.describe('expectSeen: seen, not only present', () => {
  test('a list under a field in a plain fieldset is seen, every option hit at its centre', async ({ page }) => {
    await form(page, '');
    const list = page.getByRole('listbox');
    await expectSeen(list);
    for (const option of await list.getByRole('option').all()) await expectSeen(option);
  });

  test('content-visibility: auto on the fieldset clips the floating list away: visible to Playwright, not seen', async ({
    page,
  }) => {
    // The defect the desk had: paint containment makes the fieldset the list's containing block and
    // clips it to the fieldset's box, so the list is laid out (toBeVisible passes) but never painted.
    await form(page, 'content-visibility: auto; contain-intrinsic-size: auto 60px;', 'top: 120px;');
    const option = page.getByRole('option', { name: '0110 一般贸易' });
    await expect(option).toBeVisible();
    expect(await sight(option)).toMatch(/clipped away by <fieldset\.group> \(content-visibility: auto\)/);
    await expect(expectSeen(option, { timeout: 1_000 })).rejects.toThrow(/clipped away/);
  });

  test('overflow: hidden on the containing block clips an option away', async ({ page }) => {
    await form(page, 'overflow: hidden; position: relative;', 'position: absolute; top: 80px;');
    const option = page.getByRole('option', { name: '0200 料件销毁' });
    await expect(option).toBeVisible();
    expect(await sight(option)).toMatch(/clipped away by <fieldset\.group> \(overflow: hidden/);
  });

  test('an option covered by another box is not what is at its centre', async ({ page }) => {
    await form(page, '');
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.className = 'toast';
      Object.assign(cover.style, {
        position: 'fixed',
        left: '0',
        top: '60px',
        width: '800px',
        height: '80px',
        zIndex: '2',
      });
      cover.style.background = '#eee';
      document.body.append(cover);
    });
    const option = page.getByRole('option', { name: '0110 一般贸易' });
    await expect(option).toBeVisible();
    expect(await sight(option)).toMatch(/is not what is at its centre .*<div\.toast> is/);
    // The list is still partly seen below the cover, but no option there can be trusted to be picked.
    expect(await sight(option, false)).toBe('seen');
  });

  test('below the fold and opacity 0 are not seen', async ({ page }) => {
    await form(page, '');
    await expect(page.locator('#off')).toBeVisible();
    expect(await sight(page.locator('#off'))).toMatch(/outside the viewport/);
    await expect(page.locator('#faded')).toBeVisible();
    expect(await sight(page.locator('#faded'))).toMatch(/hidden by CSS/);
  });

  test('behind a modal dialog: seen through a light backdrop, not through a dark one', async ({ page }) => {
    // The desk's notices sit at the page's corner, under any open modal dialog's backdrop: the browser's
    // own backdrop (10 % black) leaves them readable; one that darkens or blurs the page does not.
    async function behindDialog(backdrop: string): Promise<void> {
      await page.setViewportSize({ width: 800, height: 600 });
      await page.setContent(`
        <style>dialog { width: 200px; } dialog::backdrop { ${backdrop} }</style>
        <p id="notice" style="position: fixed; right: 12px; bottom: 12px">默认值已保存</p>
        <dialog aria-label="企业库与商品库">库</dialog>`);
      await page.evaluate(() => document.querySelector('dialog')?.showModal());
    }
    await behindDialog('');
    await expectSeen(page.locator('#notice'));
    await behindDialog('background: rgba(0, 0, 0, 0.7);');
    expect(await sight(page.locator('#notice'))).toMatch(/behind the backdrop of <dialog>/);
    await behindDialog('background: rgba(0, 0, 0, 0.1); backdrop-filter: blur(4px);');
    expect(await sight(page.locator('#notice'))).toMatch(/behind the backdrop of <dialog>/);
  });

  test('a locator that matches nothing or several elements is not seen', async ({ page }) => {
    await form(page, '');
    expect(await sight(page.getByRole('dialog'))).toBe('not in the page');
    expect(await sight(page.getByRole('option'))).toBe('matches 3 elements');
  });
});
