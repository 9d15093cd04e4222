import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { DeclarationRecord } from '../shared/api';
import { invoke } from './fixtures/desk-api';
import { enrollCode, freshDir, startDesk, startHub, type Running } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';

// Repeat shipments. The libraries filled (products from a spreadsheet — a bad row
// refused with a report first —, a party keyed in, the operator's goods-line defaults), a
// template saved from a declaration, a new declaration started from it with Alt+T, its
// consignee picked from the party library and its goods line from the product library (F3),
// declared; customs releases it and the product library has learned from it.

const productsCsv = (rows: string[]) =>
  Buffer.from(
    ['商品编号,检验检疫编码,商品名称,规格型号,成交计量单位,法定第一计量单位,原产国,单价,币制', ...rows].join('\r\n'),
    'utf8',
  );
const apple = '0808100000,101,鲜苹果,0|3|鲜|富士|一级|无品牌|无|无|无,035,035,USA,2.5,USD';

async function importProducts(page: Page, name: string, content: Buffer): Promise<void> {
  await page.getByRole('button', { name: '导入 (Excel/CSV)…' }).click();
  const dialog = page.getByRole('dialog', { name: '导入商品库' });
  await dialog.getByLabel('选择文件（.xlsx / .csv）').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await expect(dialog.getByRole('combobox', { name: /^对应栏目 A 商品编号/ })).toHaveValue('CodeTS');
  // The chooser is empty again once the file is read, so the same file fixed and picked again is read again.
  await expect(dialog.getByLabel('选择文件（.xlsx / .csv）')).toHaveValue('');
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
}

test.describe('repeat shipments', () => {
  const running: Running[] = [];
  test.afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.stop();
  });

  test('a declaration from a template, its party and goods line from the libraries, declared; the release teaches the product library', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const hubDir = freshDir('hub');
    const hub = await startHub(hubDir, 0, { SWHUB_STEP_DELAY_MS: '200' });
    running.push(hub);
    const desk = await startDesk(freshDir('desk'), { hubUrl: hub.url, code: enrollCode(hubDir) });
    running.push(desk);
    const { doc } = sample('import-general-trade');
    // The shipment that repeats: its head, as keyed the first time (made through the contract).
    const source = await invoke<DeclarationRecord>(desk.url, 'declarations.create', { ieFlag: 'I' });
    const ops = Object.entries(doc.head)
      .filter(([k]) => k !== 'IEFlag')
      .map(([k, value]) => ({ op: 'set', path: `head.${k}`, value }));
    await invoke(desk.url, 'declarations.update', { id: source.id, baseRevision: source.revision, ops });

    const ui = new DeskPage(page);
    await ui.open(desk.url);
    await expect(ui.connection()).toHaveText('在线');

    // The libraries (Alt+K): products from a CSV file; a file with a bad row writes nothing and says why.
    await page.keyboard.press('Alt+K');
    const libraries = page.getByRole('dialog', { name: '企业库、商品库、模板与默认值' });
    await libraries.getByRole('tab', { name: '商品库' }).click();
    await importProducts(page, 'bad.csv', productsCsv([apple, '0808,101,鸭梨,,035,035,CHN,1.2,USD']));
    const report = page.getByTestId('library-report');
    await expect(report.getByRole('alert')).toHaveText('有 1 处错误，未导入任何内容；请修改文件后重试');
    await expectSeen(report.getByRole('alert'));
    // The bad row by its cells (sheet row 3, column A), not by text somewhere in the row.
    const bad = report.getByRole('row').nth(1);
    await expect(bad.getByRole('cell')).toHaveText(['3', 'A 商品编号', /商品编号/]);
    await expectSeen(bad);
    const download = page.waitForEvent('download');
    await report.getByRole('button', { name: '导出报告 (CSV)' }).click();
    expect(fs.readFileSync((await (await download).path()) ?? '', 'utf8')).toContain('3,A 商品编号,CodeTS,错误');
    await report.getByRole('button', { name: '关闭' }).click();
    await expectSeen(libraries.getByText('共 0 条'));
    await importProducts(page, 'products.csv', productsCsv([apple]));
    await expect(page.getByTestId('library-report').getByRole('status')).toHaveText('已导入：新增 1 条，更新 0 条');
    await expectSeen(page.getByTestId('library-report').getByRole('status'));
    await page.getByTestId('library-report').getByRole('button', { name: '关闭' }).click();
    await expectSeen(libraries.getByRole('row', { name: /鲜苹果/ }));

    // A party keyed in: a wrong USCC check character is refused at its field.
    await libraries.getByRole('tab', { name: '企业库' }).click();
    await libraries.getByRole('button', { name: '新增', exact: true }).click();
    const form = libraries.getByRole('form', { name: '新增企业' });
    await form.getByLabel('中文名称').fill('上海鲜果贸易有限公司');
    await form.getByLabel('海关编码').fill('3101230456');
    await form.getByLabel('统一社会信用代码').fill('91310000132212345X');
    await form.getByRole('button', { name: '保存' }).click();
    await expectSeen(form.getByText('统一社会信用代码校验位不正确，请检查是否输错'));
    await form.getByLabel('统一社会信用代码').fill('91310000132212345R');
    await form.getByRole('button', { name: '保存' }).click();
    await expectSeen(libraries.getByRole('row', { name: /上海鲜果贸易有限公司/ }));

    // The operator's default for every new goods line: 征免 1 (照章征税).
    await libraries.getByRole('tab', { name: '新建默认值' }).click();
    const defaults = libraries.getByRole('form', { name: '新建默认值' });
    await defaults.getByLabel('征免', { exact: true }).fill('1');
    await defaults.getByRole('button', { name: '保存' }).click();
    await expectSeen(page.getByText('默认值已保存'));
    await libraries.getByRole('button', { name: '关闭', exact: true }).click();

    // The first shipment saved as a template (its header), a new one started from it with Alt+T.
    await ui.openFromList(source.clientSeqNo);
    // Saved from low on the page, as after keying 价格说明: the declaration from the template still opens at its top.
    await ui.headField('PromiseItmes').focus();
    await page.keyboard.press('Control+Shift+S');
    const naming = page.getByRole('dialog', { name: '另存为模板' });
    await naming.getByLabel('模板名称').fill('鲜果进口');
    await naming.getByLabel('商品', { exact: true }).uncheck();
    await page.keyboard.press('Enter');
    await expect(naming).toBeHidden();
    await page.keyboard.press('Alt+T');
    const picker = page.getByRole('dialog', { name: '用模板新建' });
    await expect(picker.getByRole('combobox', { name: '模板名称' })).toBeFocused();
    await page.keyboard.type('xgjk');
    const template = picker.getByRole('option', { name: /鲜果进口/ });
    await expect(template).toHaveAttribute('aria-selected', 'true');
    await expectSeen(template);
    await page.keyboard.press('Enter');
    await expect(ui.status()).toHaveText('草稿');
    await expect(page.getByRole('heading', { level: 2 })).not.toContainText(source.clientSeqNo);
    await expectSeen(page.getByRole('heading', { level: 2 }));
    await expectSeen(ui.status());
    await expect(ui.headField('BillNo')).toHaveValue(doc.head.BillNo ?? '');

    // The consignee from the party library (F3 in its box): code, name and USCC together.
    await ui.headField('TradeCode').fill('');
    await ui.headField('TradeCoScc').fill('');
    await ui.headField('TradeName').click();
    await page.keyboard.press('F3');
    const parties = page.getByRole('dialog', { name: '从企业库选择：境内收发货人' });
    await expect(parties.getByRole('combobox')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('shxg');
    await expectSeen(parties.getByRole('option', { name: /上海鲜果贸易有限公司/ }));
    await page.keyboard.press('Enter');
    await expect(parties).toBeHidden();
    await expect(ui.headField('TradeCode')).toHaveValue('3101230456');
    await expect(ui.headField('TradeCoScc')).toHaveValue('91310000132212345R');

    // The goods line from the product library (F3 in the line), quantities keyed.
    await page.getByRole('button', { name: '添加商品', exact: true }).click();
    await ui.expectLineValue(0, 'DutyMode', '1');
    await expect(ui.lineField(0, 'CodeTS')).toBeFocused();
    await page.keyboard.press('F3');
    const products = page.getByRole('dialog', { name: '从商品库选择：第1项' });
    await expect(products.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('xpg');
    await expectSeen(products.getByRole('option', { name: /0808100000 鲜苹果/ }));
    await page.keyboard.press('Enter');
    await expect(products).toBeHidden();
    await ui.expectLineValue(0, 'CodeTS', '0808100000');
    await ui.expectLineValue(0, 'GModel', '0|3|鲜|富士|一级|无品牌|无|无|无');
    await ui.expectLineValue(0, 'OriginCountry', 'USA');
    const line = doc.lines[0] ?? {};
    for (const xml of ['GQty', 'FirstQty', 'DeclTotal', 'DestinationCountry', 'DistrictCode'] as const)
      await ui.fillLine(0, xml, line[xml] ?? '');
    await ui.waitSaved();

    await ui.declare();
    await expect(ui.status()).toHaveText('已放行', { timeout: 90_000 });
    // The state and the number sit at the top of the form, which scrolls: seen once scrolled to
    // (not clipped or covered there), as a broker scrolls up to read them.
    await ui.entryId().scrollIntoViewIfNeeded();
    await expectSeen(ui.status());
    await expectSeen(ui.entryId());
    const entryId = ((await ui.entryId().textContent()) ?? '').replace('海关编号', '').trim();

    // Released: the product library learned the line from this declaration.
    await page.keyboard.press('Alt+K');
    await libraries.getByRole('tab', { name: '商品库' }).click();
    await libraries.getByLabel('只显示从放行报关单学习的').check();
    // Until the filtered page arrives the list keeps showing the whole library: the imported product and the
    // one learned for this customer, two rows. A locator matching two rows fails at once (strict), so the
    // filtered page — one row — is waited for first.
    await expect(libraries.getByText('第 1–1 条，共 1 条')).toBeVisible();
    await expect(libraries.getByRole('row', { name: /鲜苹果/ })).toHaveCount(1);
    await expect(libraries.getByRole('row', { name: /鲜苹果/ })).toContainText(`学自 ${entryId}`);
    await expectSeen(libraries.getByRole('row', { name: /鲜苹果/ }).getByText(`学自 ${entryId}`));
  });
});
