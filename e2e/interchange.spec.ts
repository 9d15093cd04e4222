import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { fixtureSeed } from '../bench/extract/fixture-pair';
import { drawShipment } from '../bench/extract/shipment';
import { goodsDeclaration } from '../shared/catalog';
import { writeDecMessage } from '../shared/interchange';
import { sampleDeclaration } from '../shared/validation/sample-declaration';
import { expect, test } from './fixtures/desk-test';
import { freshDir, type Running, type startDesk } from './fixtures/processes';
import type { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';
import { invoicePdf, printed } from './support/invoice-documents';
import { rect } from './support/rect';
import { invoiceScanPng, packingListPdf } from '../test-support/main/invoice-fixtures';

// A DecMessage imported through the 导入/导出 menu, printed on the official form's
// pages (each box where the form puts it, continuation pages, a PDF through the browser), goods
// lines from a spreadsheet with the mapping step and its report, a block pasted from Excel, and goods lines read
// from a customer's text PDF invoice, reviewed beside its page.

function messageFile(dir: string, lines: number): string {
  const doc = sampleDeclaration(lines);
  doc.lines.forEach((line, i) => {
    delete line.GNo;
    line.GName = `鲜苹果第${i + 1}批`;
  });
  doc.tables.freeText = [{ VoyNo: '045E', DecNo: '3100012345' }];
  doc.tables.licenceDocs = [{ DocuCode: 'Y', CertCode: '<15>C2026000001' }];
  doc.tables.sign = [{ ClientSeqNo: `PRINT${lines}TEST01` }];
  const file = path.join(dir, `print-${lines}.xml`);
  fs.writeFileSync(file, writeDecMessage(goodsDeclaration, doc));
  return file;
}

async function importThroughMenu(page: Page, file: string): Promise<void> {
  await page.getByText('导入/导出', { exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入报文 (XML)…' }).click();
  await (await chooser).setFiles(file);
}

/**
 * A desk on a fresh folder, open on a draft imported from the menu: a DecMessage of `lines` goods lines. Returns the
 * folder, where a test puts the files it imports next, and the desk (to stop it and start again on the folder).
 */
async function importedDraft(
  desk: { page: Page; ui: DeskPage; startDesk: typeof startDesk },
  name: string,
  lines: number,
): Promise<{ dir: string; running: Running }> {
  const dir = freshDir(name);
  const running = await desk.startDesk(dir);
  await desk.ui.open(running.url);
  await importThroughMenu(desk.page, messageFile(dir, lines));
  await expect(desk.ui.status()).toHaveText('草稿');
  return { dir, running };
}

test.describe('interchange and the printed form', () => {
  test('a DecMessage imported from the menu prints on the form’s pages, every box in its place', async ({
    page,
    ui,
    startDesk,
  }) => {
    await importedDraft({ page, ui, startDesk }, 'print', 21);
    await expect(ui.headField('TradeName')).toHaveValue('上海示例食品有限公司');

    await page.getByText('导入/导出', { exact: true }).click();
    await page.getByRole('button', { name: '打印 / PDF' }).click();
    const view = page.getByRole('dialog', { name: '打印预览' });
    const pages = view.locator('.print-page');
    await expect(pages).toHaveCount(3);
    const first = pages.nth(0);
    const box = (id: string, on: Locator = first) => on.locator(`[data-box="${id}"]`);
    // The preview opens at the first page's top: its title and the first box are seen there.
    await expectSeen(first.locator('.print-title'));
    await expectSeen(box('trade'));

    // The text of each box.
    await expect(first.locator('.print-title')).toHaveText('中华人民共和国海关进口货物报关单');
    await expect(box('trade')).toContainText('境内收货人');
    await expect(box('trade')).toContainText('上海示例食品有限公司');
    await expect(box('trade')).toContainText('91310000MA1FL1XX4W');
    await expect(box('IEPort')).toContainText('进境关别');
    await expect(box('IEPort')).toContainText('2248');
    await expect(box('TrafName')).toContainText('COSCO SHIPPING/045E');
    await expect(box('BillNo')).toContainText('COSU6123456780');
    await expect(box('ContrNo')).toContainText('SH-2026-001');
    await expect(box('GrossWet')).toContainText('1200.5');
    await expect(box('licenceDocs')).toContainText('Y <15>C2026000001');
    await expect(box('marks')).toContainText('N/M');
    await expect(box('line1-GName')).toContainText('鲜苹果第1批');
    await expect(box('line1-Origin')).toContainText('USA');
    await expect(box('page')).toHaveText('页码/页数：1/3');
    await expect(box('declarant')).toContainText('张三');
    await expect(box('declarant')).toContainText('3100012345');
    await expect(box('agent')).toContainText('上海示例报关有限公司');

    // Where the form puts them: the head's rows left to right, row under row, goods under the
    // head, the declarant's block at the foot of an A4 page.
    const page1 = await rect(first);
    expect(page1.height / page1.width).toBeCloseTo(297 / 210, 2);
    const trade = await rect(box('trade'));
    const iePort = await rect(box('IEPort'));
    const ieDate = await rect(box('IEDate'));
    const manual = await rect(box('ManualNo'));
    const overseas = await rect(box('overseas'));
    const owner = await rect(box('owner'));
    const marks = await rect(box('marks'));
    const goodsHead = await rect(box('goods-GName'));
    const foot = await rect(box('agent'));
    expect(trade.x - page1.x).toBeLessThan(page1.width * 0.06);
    expect(Math.abs(iePort.y - trade.y)).toBeLessThan(1);
    expect(iePort.x).toBeGreaterThan(trade.x + trade.width - 2);
    expect(ieDate.x).toBeGreaterThan(iePort.x);
    expect(manual.x + manual.width).toBeCloseTo(page1.x + page1.width - (trade.x - page1.x), -1);
    expect(trade.width / (page1.width - 2 * (trade.x - page1.x))).toBeCloseTo(8 / 24, 1);
    expect(Math.abs(overseas.y - (trade.y + trade.height))).toBeLessThan(2);
    expect(owner.y).toBeGreaterThan(overseas.y);
    expect(goodsHead.y).toBeGreaterThan(marks.y + marks.height - 2);
    expect(foot.y + foot.height).toBeLessThanOrEqual(page1.y + page1.height);
    expect(foot.y).toBeGreaterThan(page1.y + page1.height * 0.75);

    // Continuation pages: the same numbers, the goods that did not fit, no head.
    const second = pages.nth(1);
    await expect(second.locator('.print-title')).toHaveText('中华人民共和国海关进口货物报关单（续页）');
    await expect(second.locator('.print-head')).toHaveCount(0);
    await expect(box('line7-GName', second)).toContainText('鲜苹果第7批');
    await expect(box('line21-GName', pages.nth(2))).toContainText('鲜苹果第21批');
    await expect(box('page', pages.nth(2))).toHaveText('页码/页数：3/3');

    // The browser prints the same page: only the form, one sheet per page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.topbar')).toBeHidden();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(3);
  });

  test('goods lines from a spreadsheet: a bad row is reported and nothing written, then the file imports', async ({
    page,
    ui,
    startDesk,
  }, testInfo) => {
    const { dir } = await importedDraft({ page, ui, startDesk }, 'lines', 1);

    const headers = [
      '商品编号',
      '商品名称',
      '数量',
      '单位',
      '单价',
      '总价',
      '币制',
      '原产国',
      '最终目的国',
      '境内目的地',
      '征免',
    ];
    const row = (name: string, qty: number | string, origin = 'USA') => [
      '0808100000',
      name,
      qty,
      35,
      1.25,
      typeof qty === 'number' ? qty * 1.25 : 0,
      'USD',
      origin,
      'CHN',
      '31222',
      '1',
    ];
    const write = async (name: string, rows: Array<Array<string | number>>) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('装箱单');
      sheet.addRow(headers);
      for (const r of rows) sheet.addRow(r);
      const file = path.join(dir, name);
      await book.xlsx.writeFile(file);
      return file;
    };

    const dialog = page.getByRole('dialog', { name: '导入商品' });
    const openDialog = async (file: string) => {
      await page.getByText('导入/导出', { exact: true }).click();
      await page.getByRole('button', { name: '导入商品 (Excel/CSV)…' }).click();
      await dialog.getByLabel('选择文件（.xlsx / .csv）').setInputFiles(file);
      await expectSeen(dialog.getByText(/共 \d+ 行/));
    };

    await openDialog(await write('bad.xlsx', [row('梨', 100), row('桃', '一百'), row('李', 10)]));
    await expect(dialog.getByLabel('对应栏目 A 商品编号')).toHaveValue('CodeTS');
    await expect(dialog.getByLabel('对应栏目 H 原产国')).toHaveValue('@origin');
    await expectSeen(dialog.getByLabel('对应栏目 A 商品编号'));
    // 导入 and 取消 stay at the dialog's foot under a sheet of 11 mapped columns, not below its fold.
    await expectSeen(dialog.getByRole('button', { name: '导入', exact: true }));
    await expectSeen(dialog.getByRole('button', { name: '取消', exact: true }));
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    const report = page.getByTestId('line-report');
    await expect(report.getByRole('alert')).toHaveText('有 1 处错误，未导入任何内容；请修改文件后重试');
    await expectSeen(report.getByRole('alert'));
    // Said in the error colour (--error), not in the black of the words around it.
    await expect(report.getByRole('alert')).toHaveCSS('color', 'rgb(180, 35, 24)');
    // The bad row by its cells (sheet row 3, column C), not by a 3 anywhere in the row.
    const bad = report.getByRole('row').nth(1);
    await expect(bad.getByRole('cell')).toHaveText(['3', 'C 数量', /数量/]);
    await expectSeen(bad);
    await report.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByRole('row', { name: '第2项', exact: true })).toHaveCount(0);

    // 中国香港 as the sheet writes it becomes HKG, and the unit 35 (a number in Excel) 035: both reported.
    await openDialog(await write('good.xlsx', [row('梨', 100), row('桃', 200, '中国香港')]));
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect(report.getByRole('status')).toHaveText('已导入 2 项商品');
    await expectSeen(report.getByRole('status'));
    const mapped = report.getByRole('table', { name: '3 处按代码表转换为代码：' });
    await expectSeen(mapped);
    await expect(mapped.getByRole('row').nth(3).getByRole('cell')).toHaveText([
      '3',
      'H 原产国',
      '中国香港',
      /HKG 中国香港/,
    ]);
    await page.screenshot({ path: testInfo.outputPath('line-report-mapped-zh.png') });
    await report.getByRole('button', { name: '关闭' }).click();
    await ui.expectLineValue(2, 'GName', '桃');
    await ui.expectLineValue(2, 'GUnit', '035');
    await ui.expectLineValue(2, 'OriginCountry', 'HKG');
  });

  test('goods lines from a text PDF invoice and its packing list, opened from the menu with an edit unsaved: lines matched with the packing list’s weights, a value’s source highlighted, a mismatch flagged; two lines accepted, then 撤销 after a restart', async ({
    page,
    ui,
    startDesk,
  }, testInfo) => {
    const { dir, running } = await importedDraft({ page, ui, startDesk }, 'extract', 1);
    await ui.waitSaved();

    // An edit still waiting for its autosave: opening the reading from the menu saves it first, so 接受 is not refused
    // as made on an older revision.
    await ui.headField('NoteS').fill('发票 VDX-007771');
    await page.getByText('导入/导出', { exact: true }).click();
    await page.getByRole('button', { name: '从发票/装箱单识别商品…' }).click();
    const screen = page.getByRole('dialog', { name: '从发票和装箱单识别商品' });
    await screen.getByLabel(/选择发票、装箱单/).setInputFiles([
      { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: await invoicePdf(page) },
      { name: 'packing-list.pdf', mimeType: 'application/pdf', buffer: Buffer.from(packingListPdf().bytes) },
    ]);
    const picture = screen.getByRole('img', { name: 'invoice.pdf 第 1 页的图像' });
    await expectSeen(picture);
    const lines = screen.getByRole('table');
    await lines.getByLabel('1 商品名称').focus();
    await expectSeen(screen.getByTestId('extract-highlight'), { hitTest: false });
    await expectSeen(lines.getByLabel('1 商品名称'));
    const flagged = lines.locator('td.mismatch').filter({ has: page.getByLabel('3 总价') });
    await expectSeen(flagged);
    // Only the amount the print altered: every other line adds up as printed, and each matches its packing-list line.
    await expect(lines.locator('td.mismatch')).toHaveCount(1);
    await expectSeen(screen.locator('.extract-checks li.mismatch').first());
    // The weights are the packing list's, matched to each invoice line; a weight shows its packing-list page. The table
    // scrolls inside its pane: its last column is reached, not cut off at the dialog's edge.
    const net = lines.getByLabel('1 净重');
    await net.scrollIntoViewIfNeeded();
    await expectSeen(net);
    await expect(net).toHaveValue('1600.95');
    await net.focus();
    await expectSeen(screen.getByRole('img', { name: 'packing-list.pdf 第 1 页的图像' }));
    await expectSeen(screen.getByTestId('extract-highlight'), { hitTest: false });
    await expectSeen(screen.getByLabel('采用件数'));
    await page.screenshot({ path: '/tmp/extract-review-zh.png' });

    // Lines 1 and 2 only; their values as read.
    for (const n of [3, 4, 5]) await screen.getByLabel(`接受第 ${n} 项`).uncheck();
    await screen.getByRole('button', { name: '接受', exact: true }).click();
    await expect(screen).toBeHidden();
    await ui.expectLineValue(1, 'GName', '皮革手提包');
    await ui.expectLineValue(1, 'GModel', 'LB1317');
    await ui.expectLineValue(2, 'GModel', 'HDPE 3222');
    await expect(page.getByRole('row', { name: '第4项', exact: true })).toHaveCount(0);
    const offer = page.locator('.extract-undo-bar');
    await expectSeen(offer.getByRole('button', { name: '撤销', exact: true }));
    // The offer takes a row of its own above the form: floating at the window's foot, it hid 毛重 and 净重.
    const [bar, workspace] = await Promise.all([offer.boundingBox(), page.locator('main.workspace').boundingBox()]);
    expect(bar && workspace && bar.y + bar.height <= workspace.y).toBe(true);
    const seqNo = /报关单 (\S+)/.exec((await offer.textContent()) ?? '')?.[1] ?? '';
    await page.screenshot({ path: testInfo.outputPath('extract-written-zh.png') });

    // The program closed and started again: 撤销 is offered where the broker reopens the declaration.
    await running.stop();
    const again = await startDesk(dir);
    await ui.open(again.url);
    await ui.openFromList(seqNo);
    const undo = page.getByRole('button', { name: '撤销', exact: true });
    await expectSeen(undo);
    await undo.click();
    await expect(page.getByRole('row', { name: '第2项', exact: true })).toHaveCount(0);
    await ui.expectLineValue(0, 'GName', '鲜苹果第1批');
    await expect(ui.headField('NoteS')).toHaveValue('发票 VDX-007771');
    await expect(offer).toHaveCount(0);
  });

  test('a scanned invoice, in English: progress while its text is recognised and Cancel stops it; read again, its lines beside the page', async ({
    page,
    ui,
    startDesk,
  }) => {
    await importedDraft({ page, ui, startDesk }, 'extract-scan', 1);
    await ui.waitSaved();
    await page.keyboard.press('Alt+Shift+L');
    await page.locator('.head-form input').first().focus();
    await page.keyboard.press('Alt+KeyI');
    const screen = page.getByRole('dialog', { name: 'Goods lines from the invoice and packing list' });
    const scan = invoiceScanPng();
    const pick = () =>
      screen
        .getByLabel(/^Choose the invoice and packing list/)
        .setInputFiles({ name: scan.fileName, mimeType: 'image/png', buffer: Buffer.from(scan.bytes) });
    await pick();
    const reading = screen.getByRole('status');
    await expectSeen(reading.getByText('Reading invoice-scan.png: page 1 of 1'));
    await expectSeen(reading.locator('progress'));
    await expect(reading).toContainText(/Text recognition \d+%/);
    await reading.getByRole('button', { name: 'Cancel' }).click();
    await expectSeen(screen.getByRole('alert').filter({ hasText: 'Reading was cancelled; nothing was proposed' }));
    await expect(screen.getByRole('table')).toHaveCount(0);

    await pick();
    await expectSeen(screen.getByRole('img', { name: 'Picture of invoice-scan.png page 1' }), { timeout: 60_000 });
    const table = screen.getByRole('table');
    const name = table.getByLabel('1 Goods name');
    await expectSeen(name);
    await expect(name).toHaveValue('皮革手提包');
    // Focus is in the review, on its first value: not on the page's body, where the editor's shortcuts under the
    // dialog would act.
    await expect(name).toBeFocused();
    // The scan's line 2 name is one Tesseract was unsure of (confidence 0.5): flagged to be checked against the page,
    // its source highlighted when the broker comes to it from the checks.
    const doubtful = table.locator('td.doubtful').filter({ has: page.getByLabel('2 Goods name') });
    await expectSeen(doubtful.getByText('check', { exact: true }));
    await expect(doubtful).toHaveAttribute('title', 'Read with low certainty: check it against the document');
    const check = screen.locator('.extract-checks li.doubtful').filter({ hasText: /^Line 2 goods name / });
    await check.focus();
    await expectSeen(check);
    await expectSeen(screen.getByTestId('extract-highlight'), { hitTest: false });
    // A value longer than its column ends in "…" and is whole on hover (its title).
    const english = table.getByLabel('1 English name');
    await expect(english).toHaveAttribute('title', await english.inputValue());
    await expect(english).toHaveCSS('text-overflow', 'ellipsis');
    expect(await english.evaluate((input) => input.scrollWidth > input.clientWidth)).toBe(true);
    await page.screenshot({ path: '/tmp/extract-review-en.png' });

    // The language shortcut inside the review.
    await page.keyboard.press('Alt+Shift+L');
    const chinese = page.getByRole('dialog', { name: '从发票和装箱单识别商品' });
    await expectSeen(
      chinese
        .locator('td.doubtful')
        .filter({ has: page.getByLabel('2 商品名称') })
        .getByText('待核对', { exact: true }),
    );
    // On a low, narrow window 接受 and 取消 stay in sight, in either language, while the panes scroll under them.
    await page.setViewportSize({ width: 900, height: 600 });
    for (const label of ['接受', '取消']) await expectSeen(chinese.getByRole('button', { name: label, exact: true }));
    await page.screenshot({ path: '/tmp/extract-review-zh-900.png' });
    await page.keyboard.press('Alt+Shift+L');
    for (const label of ['Accept', 'Cancel'])
      await expectSeen(screen.getByRole('button', { name: label, exact: true }));
    await page.screenshot({ path: '/tmp/extract-review-en-900.png' });
    // On a narrow window the page buttons keep their words on one line.
    for (const label of ['Previous page', 'Next page']) {
      const button = screen.getByRole('button', { name: label });
      await expectSeen(button);
      const lines = await button.evaluate((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, `${label} on one line`).toBe(1);
    }
  });

  test('a packing list of 50 lines on 3 pages, on a low screen: the lines scroll under their column names, a value at a page’s foot and on page 3 highlighted in sight, the pages switched, its 件数 and weights offered', async ({
    page,
    ui,
    startDesk,
  }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await importedDraft({ page, ui, startDesk }, 'extract-long', 1);
    await ui.waitSaved();
    await page.locator('.head-form input').first().focus();
    await page.keyboard.press('Alt+KeyI');
    const screen = page.getByRole('dialog', { name: '从发票和装箱单识别商品' });
    await screen.getByLabel(/选择发票、装箱单/).setInputFiles({
      name: 'packing-list-50.pdf',
      mimeType: 'application/pdf',
      buffer: await printed(page, drawShipment(fixtureSeed, 50), 'packing-list'),
    });
    await expectSeen(screen.getByRole('img', { name: 'packing-list-50.pdf 第 1 页的图像' }));
    const lines = screen.getByRole('table');
    const name = (n: number) => lines.getByLabel(`${n} 商品名称`);
    const highlight = screen.getByTestId('extract-highlight');
    // Line 44 is the last of page 2: the whole page is in sight, its foot included.
    await name(44).focus();
    await expectSeen(screen.getByText('packing-list-50.pdf 第 2 / 3 页'));
    await expectSeen(highlight, { hitTest: false });
    await expectSeen(lines.getByRole('columnheader', { name: '商品名称' }));
    await name(50).focus();
    await expectSeen(screen.getByRole('img', { name: 'packing-list-50.pdf 第 3 页的图像' }));
    await expectSeen(highlight, { hitTest: false });
    await expectSeen(name(50));
    await expectSeen(lines.getByRole('columnheader', { name: '规格型号' }));
    await page.screenshot({ path: '/tmp/extract-long-zh.png' });
    await screen.getByRole('button', { name: '上一页' }).click();
    await expectSeen(screen.getByRole('img', { name: 'packing-list-50.pdf 第 2 页的图像' }));
    for (const head of ['件数', '毛重', '净重']) {
      const value = screen.getByLabel(head, { exact: true });
      await value.scrollIntoViewIfNeeded();
      await expectSeen(value);
    }
  });

  test('a block copied from Excel pastes into the goods grid from the focused cell', async ({
    page,
    ui,
    startDesk,
  }) => {
    await importedDraft({ page, ui, startDesk }, 'paste', 2);
    await ui.pasteIntoLine(1, 'GName', '梨\t\r\n桃\t\r\n');
    await ui.expectLineValue(1, 'GName', '梨');
    await ui.expectLineValue(2, 'GName', '桃');
    await ui.expectLineValue(1, 'CodeTS', '0808100000');
    await ui.waitSaved();

    // Names become codes as a spreadsheet's do, and the report says which; a name two codes carry is refused.
    await ui.pasteIntoLine(1, 'TradeCurr', 'usd\t中国香港\r\n');
    const report = page.getByRole('dialog', { name: '导入结果' });
    await expectSeen(report.getByText('2 处按代码表转换为代码：'));
    await expectSeen(report.getByRole('cell', { name: '中国香港', exact: true }));
    await report.getByRole('button', { name: '关闭' }).click();
    await ui.expectLineValue(1, 'TradeCurr', 'USD');
    await ui.expectLineValue(1, 'OriginCountry', 'HKG');
    await ui.pasteIntoLine(1, 'DistrictCode', '徐州\t\r\n');
    const refusal = report.getByRole('cell', { name: /“徐州”.*32039.*3203W/ });
    await expectSeen(refusal);
    // The refusal speaks of the pasted cells, not of a file to fix.
    await expectSeen(report.getByRole('alert').filter({ hasText: '粘贴的内容有错误，未写入' }));
    await page.screenshot({ path: test.info().outputPath('paste-ambiguous-zh.png') });
  });
});
