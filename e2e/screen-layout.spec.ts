import path from 'node:path';
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/desk-test';
import type { DeclarationRecord, PatchOp } from '../shared/api';
import { importCodeTables, invoke } from './fixtures/desk-api';
import { freshDir } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { lineCount } from './support/line-count';
import { expectSeen } from './support/seen';

// What a broker reads must be laid out whole: buttons on one line, a radio beside its words, a bullet
// beside the first line of its finding, and on the printed form no code cut in two.

/** The codes (three or more capitals or digits) of the element's text that are cut over two lines. */
function cutCodes(locator: Locator): Promise<string[]> {
  return locator.evaluate((root) => {
    const cut: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[A-Z0-9]{3,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) cut.push(match[0]);
      }
    }
    return cut;
  });
}

/** The texts of the elements that run past their own width (cut, or ended by an ellipsis). */
function runOver(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent ?? ''),
  );
}

/** The top bar on one row, each button's words on one line, at a desktop window's width (1366 and 1280 px). */
async function barOnOneRow(page: Page): Promise<void> {
  const bar = page.getByRole('banner');
  for (const width of [1366, 1280]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 768 });
    const [barBox, buttonBox] = await Promise.all([bar.boundingBox(), bar.getByRole('button').first().boundingBox()]);
    expect(barBox?.height ?? Infinity).toBeLessThan((buttonBox?.height ?? 0) * 2);
  }
  const items = await bar.locator(':scope > *, .sync-bar > *').all();
  const tops = new Set<number>();
  for (const item of items) {
    const box = await item.boundingBox();
    if (box && box.width > 0 && !(await item.evaluate((el) => el.classList.contains('sync-bar'))))
      tops.add(Math.round(box.y + box.height / 2));
    if ((await item.evaluate((el) => el.tagName)) === 'BUTTON') expect(await lineCount(item)).toBe(1);
  }
  const first = Math.min(...tops);
  expect([...tops].every((t) => t - first <= 2)).toBe(true);
}

const failedSync = { message: '', reason: 'sync.connection-broke', params: { cause: 'connection-reset', detail: '' } };
/** The bar's widest states, each after a failed sync with 12 declarations waiting. */
const widestStates = {
  /** 随附单据 going up (the widest before its progress was shortened). */
  upload: { state: 'syncing', upload: { sentBytes: 5_600_000, totalBytes: 12_900_000 } },
  /** The signing key locked, offline (the widest since, in English). */
  keyLocked: { state: 'offline', keyLocked: true },
};

/**
 * The bar in one of its widest states. The browser host has no hub to upload to or to fail at, so the desk's sync
 * status answers are changed on their way to the page (the one test double here); null stops changing them, and the
 * desk's own status comes back with the bar's next poll.
 */
async function syncState(page: Page, name: keyof typeof widestStates | null): Promise<void> {
  const url = '**/api/invoke';
  await page.unroute(url);
  if (!name) return;
  await page.route(url, async (route) => {
    const method = (route.request().postDataJSON() as { method: string }).method;
    if (method !== 'sync.status' && method !== 'sync.now') return route.continue();
    const response = await route.fetch();
    const answer = (await response.json()) as { ok: boolean; value: object };
    const value = {
      ...answer.value,
      hubUrl: 'https://hub.example:8443',
      lastError: failedSync,
      outbox: { queued: 11, sending: 1, rejected: 0 },
      ...widestStates[name],
    };
    await route.fulfill({ response, json: { ...answer, value } });
  });
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^(同步|Sync)$/ })
    .click();
  await expectSeen(page.getByTestId(name === 'upload' ? 'upload-progress' : 'key-locked'));
}

/** An operator's name of 20 letters: in English with the key locked and no hub, the bar had 29 px to spare. */
const longName = 'Maximilian Oberhuber';

async function english(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
}

test.describe('laid out whole', () => {
  test('the top bar, the goods grid’s heads, the library searches’ hints, Settings’ 选择… buttons, the import dialog’s radios and the error panel’s bullets, in Chinese and English', async ({
    page,
    startDesk,
    ui,
  }) => {
    test.setTimeout(240_000);
    const desk = await startDesk(freshDir('layout'));
    // More than one operator, one a reviewer: the top bar holds the operator switch, and 连接 beside 未连接 (no hub).
    // Two long names (20 letters, 10 characters), one at the keyboard: the name gives way, the bar stays one row.
    const company = { name: '上海捷通报关有限公司', customsCode: '3120980123', uscc: '91310115MA1H7AAA0F' };
    for (const [name, icCard] of [
      ['司马相如欧阳修诸葛亮', '8931000012347'],
      [longName, '8931000012346'],
    ] as const)
      await invoke(desk.url, 'profiles.create', {
        company,
        operator: { name, icCard },
        roles: ['reviewer'],
        makeCurrent: name === longName,
      });
    // The desk's usual window.
    await page.setViewportSize({ width: 1280, height: 800 });
    await ui.open(desk.url);
    await ui.newDeclaration();
    // A code whose English name is long: United States Minor Outlying Islands (the).
    await ui.headField('TradeCountry').fill('UMI');
    // A finding long enough to wrap in the error panel.
    await ui.headField('GrossWet').fill('1.23456789');
    const file = path.join(freshDir('layout-file'), 'lines.csv');
    fs.writeFileSync(file, 'CodeTS,GName,GQty\n0808100000,苹果,10\n');

    for (const locale of ['zh-CN', 'en'] as const) {
      const zh = locale === 'zh-CN';
      if (!zh) await english(page);

      // The top bar: one row, each button's words on one line, at a desktop window's width (1280 and 1366 px).
      const bar = page.getByRole('banner');
      const operator = bar.getByRole('combobox', { name: zh ? '当前操作员' : 'Operator', exact: true });
      await expectSeen(operator);
      // The long name read whole on hover and by a screen reader, whatever room the bar gives it.
      await expect(operator).toHaveAttribute('title', new RegExp(`^${longName}`));
      await expect(operator.locator('option:checked')).toHaveText(longName);
      // Not connected: 连接 beside 未连接 (after the states below, once the bar has polled the desk's own status again).
      const connect = bar.getByRole('button', { name: zh ? '连接数据交换中心' : 'Connect to hub', exact: true });
      await expect(connect).toBeVisible({ timeout: 30_000 });
      await expectSeen(connect);
      await barOnOneRow(page);
      // Its widest states: the upload first (while the key is locked, 同步 asks for the passphrase instead).
      await syncState(page, 'upload');
      await barOnOneRow(page);
      await syncState(page, 'keyLocked');
      await barOnOneRow(page);
      await syncState(page, null);

      // A curly apostrophe as wide as English sets it ("hub’s", not "hub’ s" in the CJK font's full em); Chinese
      // quotes stay full-width.
      const apostrophe = await page.evaluate(() => {
        const p = document.body.appendChild(document.createElement('p'));
        p.textContent = 'hub’s “x”';
        const range = document.createRange();
        range.setStart(p.firstChild ?? p, 3);
        range.setEnd(p.firstChild ?? p, 4);
        const em = range.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize);
        p.remove();
        return em;
      });
      if (zh) expect(apostrophe).toBeGreaterThan(0.9);
      else expect(apostrophe).toBeLessThan(0.5);

      // The head's boxes: every label read whole (an English one wraps, none ends in an ellipsis), and the inputs of
      // a row of a box on one line below its longest label.
      const boxes = page.locator('fieldset.group');
      await expect(boxes.first()).toBeVisible();
      const layout = await boxes.evaluateAll((sets) =>
        sets.map((set) => {
          const labels = [...set.querySelectorAll<HTMLElement>(':scope > .field-form > label')];
          const cut = labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent ?? '');
          // Input tops by the row of the box they stand in (their fields' tops, a label taller than another's aside).
          const rows = new Map<number, Set<number>>();
          for (const field of set.querySelectorAll<HTMLElement>(':scope > .field-form')) {
            const input = field.querySelector('input');
            if (!input) continue;
            const row = Math.round(field.getBoundingClientRect().top);
            rows.set(row, (rows.get(row) ?? new Set()).add(Math.round(input.getBoundingClientRect().top)));
          }
          return { cut, uneven: [...rows.values()].filter((tops) => tops.size > 1).length };
        }),
      );
      expect(layout.flatMap((box) => box.cut)).toEqual([]);
      expect(layout.map((box) => box.uneven)).toEqual(layout.map(() => 0));
      // A code's name under its box ends in its own column (an ellipsis), not written on into the next box's.
      const umi = page.getByText(zh ? '美国本土外小岛屿' : /^United States Minor Outlying Islands/);
      await umi.scrollIntoViewIfNeeded();
      await expectSeen(umi);
      const spilled = await boxes.evaluateAll((sets) =>
        sets.flatMap((set) =>
          [...set.querySelectorAll<HTMLElement>(':scope > .field-form')]
            .filter(
              (f) =>
                (f.querySelector('.code-name')?.getBoundingClientRect().right ?? 0) >
                f.getBoundingClientRect().right + 0.5,
            )
            .map((f) => f.querySelector('label')?.textContent ?? ''),
        ),
      );
      expect(spilled).toEqual([]);

      // The goods grid's column heads, read whole ("Unit of quantity", not "Unit of qua…").
      const heads = page.getByRole('region', { name: zh ? '商品' : 'Goods', exact: true }).getByRole('columnheader');
      await expect(heads.first()).toBeAttached();
      expect(await runOver(heads)).toEqual([]);
      // 商品编号, pinned, shades its right edge: a column passing under it reads as under it, not as an empty column.
      const pinned = page
        .getByRole('region', { name: zh ? '商品' : 'Goods', exact: true })
        .getByRole('columnheader', { name: zh ? '商品编号' : 'HS code', exact: true });
      expect(await pinned.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
      expect(await pinned.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');

      // 集装箱: a row's remove button reads on one line like 添加一行 under it (the narrow actions column broke 删除 in two).
      await page.getByRole('tab', { name: zh ? /^集装箱/ : /^Containers/ }).click();
      const containers = page
        .getByRole('tabpanel')
        .filter({ has: page.getByRole('button', { name: zh ? '添加一行' : 'Add a row' }) });
      const addRow = containers.getByRole('button', { name: zh ? '添加一行' : 'Add a row', exact: true });
      await addRow.click();
      const remove = containers.getByRole('row').last().getByRole('button');
      await expectSeen(remove);
      const height = (button: typeof remove) => button.evaluate((el) => el.getBoundingClientRect().height);
      expect(await height(remove)).toBeLessThanOrEqual((await height(addRow)) + 1);

      // 随附单据: a document number of the official length (36 characters) read whole in its cell.
      await page.getByRole('tab', { name: zh ? /^随附单据/ : /^Attached documents/ }).click();
      const edocs = page
        .getByRole('tabpanel')
        .filter({ has: page.getByRole('button', { name: zh ? '添加一行' : 'Add a row' }) });
      await edocs.getByRole('button', { name: zh ? '添加一行' : 'Add a row', exact: true }).click();
      const number = edocs.getByRole('row').last().getByRole('textbox').first();
      await number.fill('220100000001IM000000000000000001.pdf');
      await expectSeen(number);
      expect(await runOver(number)).toEqual([]);

      // 企业库's and 商品库's search boxes show their whole hints (the value set to the hint: a placeholder has no width
      // of its own).
      await page.keyboard.press('Alt+K');
      const libraries = page.getByRole('dialog', {
        name: zh ? '企业库、商品库、模板与默认值' : 'Parties, products, templates and defaults',
      });
      for (const tab of zh ? ['企业库', '商品库'] : ['Parties', 'Products']) {
        await libraries.getByRole('tab', { name: tab, exact: true }).click();
        const search = libraries.getByRole('searchbox');
        await expectSeen(search);
        const hint = await search.evaluate((el: HTMLInputElement) => {
          el.value = el.placeholder;
          const cut = el.scrollWidth > el.clientWidth;
          el.value = '';
          return { text: el.placeholder, cut };
        });
        expect(hint.cut, hint.text).toBe(false);
        // The search, its filter and the file buttons on one row (English 商品库's took a second for Export CSV).
        const toolbar = await libraries
          .locator('.library-toolbar > *')
          .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().bottom)));
        expect(Math.max(...toolbar) - Math.min(...toolbar), tab).toBeLessThan(12);
      }
      await page.keyboard.press('Escape');
      await expect(libraries).toBeHidden();

      // Settings → 数据: 选择… beside its path, on one line.
      await page.getByRole('button', { name: zh ? '设置' : 'Settings', exact: true }).click();
      const settings = page.getByRole('dialog', { name: zh ? '设置' : 'Settings' });
      await settings.getByRole('tab', { name: zh ? '数据' : 'Data', exact: true }).click();
      const choose = settings.getByRole('button', { name: zh ? '选择…' : 'Choose…' });
      await expect(choose.first()).toBeVisible();
      for (const button of await choose.all()) {
        await expectSeen(button);
        expect(await lineCount(button)).toBe(1);
      }
      // Settings → 常规: each choice's words wrap within the dialog, none runs past its edge.
      await settings.getByRole('tab', { name: zh ? '常规' : 'General', exact: true }).click();
      const choices = settings.locator('fieldset.prefs label');
      await expect(choices.first()).toBeVisible();
      expect(await runOver(choices)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(settings).toBeHidden();

      // The goods-line import: each radio right beside its words.
      await page.getByText(zh ? '导入/导出' : 'Import/Export', { exact: true }).click();
      await page
        .getByRole('button', { name: /Excel\/CSV/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: zh ? '导入商品' : 'Import goods lines' });
      await dialog.getByLabel(zh ? '选择文件（.xlsx / .csv）' : 'Choose a file (.xlsx / .csv)').setInputFiles(file);
      const radios = dialog.getByRole('radio');
      await expect(radios).toHaveCount(4);
      for (const radio of await radios.all()) {
        await expectSeen(radio);
        const gap = await radio.evaluate((el) => {
          const label = el.closest('label');
          const words = [...(label?.childNodes ?? [])].find((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
          if (!words) return Infinity;
          const range = document.createRange();
          range.selectNodeContents(words);
          const text = [...range.getClientRects()].find((r) => r.width > 0);
          return text ? text.left - el.getBoundingClientRect().right : Infinity;
        });
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(16);
      }
      await dialog.getByRole('button', { name: zh ? '取消' : 'Cancel', exact: true }).click();
      await expect(dialog).toBeHidden();

      // A finding long enough to wrap in the error panel: its bullet beside its first line.
      const panel = page.getByRole('region', { name: zh ? '检查结果' : 'Checks' });
      const wrapped = panel.locator('li.finding').filter({ has: page.locator('button') });
      await expect(wrapped.first()).toBeVisible();
      let checked = 0;
      for (const item of await wrapped.all()) {
        const button = item.getByRole('button');
        if ((await lineCount(button)) < 2) continue;
        const bullet = item.locator('.bullet');
        await expect(bullet).toBeVisible();
        const [b, t] = await Promise.all([bullet.boundingBox(), button.boundingBox()]);
        const firstLine = await button.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const first = [...range.getClientRects()].find((r) => r.width > 0);
          return first ? { top: first.top, bottom: first.bottom } : null;
        });
        expect(b && t && firstLine).toBeTruthy();
        const middle = (b?.y ?? 0) + (b?.height ?? 0) / 2;
        expect(middle).toBeGreaterThan(firstLine?.top ?? 0);
        expect(middle).toBeLessThan(firstLine?.bottom ?? 0);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    }
  });

  test('the printed form names 关别 and the destination codes, and never cuts a code in two', async ({
    page,
    startDesk,
    ui,
  }) => {
    const desk = await startDesk(freshDir('print-layout'));
    await importCodeTables(desk.url, ['customs-districts', 'countries', 'ports', 'units', 'domestic-districts']);
    const { doc } = sample('import-general-trade');
    const created = await invoke<DeclarationRecord>(desk.url, 'declarations.create', { ieFlag: 'I' });
    const ops: PatchOp[] = Object.entries(doc.head)
      .filter(([xml]) => xml !== 'IEFlag')
      .map(([xml, value]) => ({ op: 'set', path: `head.${xml}`, value }));
    for (const line of doc.lines)
      ops.push({ op: 'insertRow', table: 'lines', row: { ...line, CodeTS: '8471300000', CiqCode: '999' } });
    ops.push({ op: 'set', path: 'lines[0].DestCode', value: '310115' });
    await invoke(desk.url, 'declarations.update', { id: created.id, baseRevision: created.revision, ops });
    await ui.open(desk.url);
    await ui.openFromList(created.clientSeqNo);

    await page.getByText('导入/导出', { exact: true }).click();
    await page.getByRole('button', { name: '打印 / PDF' }).click();
    const view = page.getByRole('dialog', { name: '打印预览' });
    const form = view.locator('.print-page').first();
    await expectSeen(form);
    const box = (id: string) => form.locator(`[data-box="${id}"]`);
    await expect(box('IEPort')).toContainText('洋山港区 (2248)');
    await expect(box('line1-District')).toContainText('31222 上海浦东新区');
    await expect(box('line1-District')).toContainText('310115');
    expect(await cutCodes(form)).toEqual([]);
  });
});
