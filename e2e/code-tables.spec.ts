import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/desk-test';
import { codeTableFile } from '../scripts/domain-data';
import { freshDir } from './fixtures/processes';
import { expectSeen } from './support/seen';

// The official tables are built in, and a broker imports a newer official file in 设置 → 代码表:
// a preview (rows, problems by line, what changes), all or nothing, and the open declaration names
// the code at once.

// A newer 国内口岸代码 table than the built-in 2018 one: the handbook's rows (code and name, as the
// official table has them; its own column naming the source is left out) and 477101 (a port Shenzhen
// brokers use that the 2018 table lacks), named here as test data.
const NEW_PORT = '477101';
const NEW_PORT_NAME = '前海（测试数据）';

function newerPortsFile(dir: string): string {
  const lines = fs.readFileSync(codeTableFile('entry-exit-ports.csv'), 'utf8').trimEnd().split('\n');
  const rows = lines.map((line) => line.split(',').slice(0, 2).join(','));
  const file = path.join(dir, 'entry-exit-ports.csv');
  fs.writeFileSync(file, `${rows.join('\n')}\n${NEW_PORT},${NEW_PORT_NAME}\n`);
  return file;
}

test.describe('code tables in the app', () => {
  test('设置 → 代码表 lists the built-in tables; an imported file is previewed, refused whole when wrong, and names the code in the editor', async ({
    page,
    startDesk,
    ui,
  }, testInfo) => {
    const dir = freshDir('code-tables');
    const desk = await startDesk(dir);
    await ui.open(desk.url);

    // Built in: a 关区 has its name offline, and a port missing from the 2018 table has none.
    // Tab closes each code list and keeps what was typed (Enter would take the list's first match).
    await page.keyboard.press('Alt+N');
    await expect(ui.status()).toHaveText('草稿');
    const head = page.getByRole('group', { name: '表头' });
    const master = ui.headField('CustomMaster');
    await master.fill('5304');
    await master.press('Tab');
    await expectSeen(head.getByText('蛇口海关', { exact: true }));
    const port = ui.headField('EntyPortCode');
    await port.fill(NEW_PORT);
    await port.press('Tab');
    await expect(port).toHaveValue(NEW_PORT);
    await expect(page.getByText(NEW_PORT_NAME)).toHaveCount(0);

    const settings = await ui.openSettings('代码表');
    const row = (zh: string) => settings.getByRole('row').filter({ has: page.getByRole('rowheader', { name: zh }) });
    // The list scrolls in a box of its own (the import form stays in reach): scrolled to, as a broker would.
    await row('商品编号(税则)').scrollIntoViewIfNeeded();
    await expectSeen(row('商品编号(税则)'));
    await expect(row('商品编号(税则)')).toContainText('12,030');
    await expect(row('商品编号(税则)')).toContainText('2026-08-01');
    // Its source, with the doubt a broker must know: a compiled tariff, not an official GACC file.
    await expectSeen(row('商品编号(税则)').getByText(/not an official GACC file/));
    await expect(row('国内口岸代码')).toContainText('内置');
    await expect(row('国内口岸代码')).toContainText('部分');
    await page.screenshot({ path: testInfo.outputPath('code-tables-zh.png') });

    // A file with a repeated code: the preview names the line, and nothing can be imported.
    await settings.getByLabel('导入到').selectOption({ label: '国内口岸代码' });
    // A file is chosen as a broker does, in the form's file box; what it refuses is said in an alert, seen.
    const refusalOf = async (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      await settings.getByLabel('参数文件 (CSV/XLSX)').setInputFiles(file);
      await expectSeen(settings.getByRole('alert'));
      return settings.getByRole('alert');
    };
    const problems = await refusalOf('bad.csv', 'code,name_zh\n470101,蛇口\n470101,赤湾\n');
    await expect(problems).toContainText('第 3 行：代码 470101 重复（首次出现在第 2 行）');
    await expect(settings.getByRole('button', { name: '导入', exact: true })).toBeDisabled();

    // A malformed workbook: a clear error naming the file, and the table in use is as it was.
    const refused = await refusalOf('ports.xlsx', 'not a workbook');
    await expect(refused).toContainText('"ports.xlsx" 不是可读取的 .xlsx 工作簿');
    await expect(settings.getByRole('region')).toHaveCount(0);
    await expect(row('国内口岸代码')).toContainText('内置');
    await expect(row('国内口岸代码')).toContainText('997');

    // The newer official file: 998 rows, one added; imported whole.
    await settings.getByLabel('参数文件 (CSV/XLSX)').setInputFiles(newerPortsFile(dir));
    const preview = settings.getByRole('region', { name: 'entry-exit-ports.csv' });
    await expectSeen(preview);
    await expect(preview).toContainText('998 行');
    await expect(preview).toContainText('新增 1 行，删除 0 行，变更 0 行');
    await page.screenshot({ path: testInfo.outputPath('code-tables-preview-zh.png') });
    await settings.getByRole('button', { name: '导入', exact: true }).click();
    await expectSeen(page.getByText(/已导入国内口岸代码：998 行/));
    await expect(row('国内口岸代码')).toContainText('导入');
    await expect(row('国内口岸代码')).toContainText('完整');

    // The open declaration names the port at once.
    await settings.getByRole('button', { name: '关闭', exact: true }).click();
    await expectSeen(head.getByText(NEW_PORT_NAME, { exact: true }));
    await page.screenshot({ path: testInfo.outputPath('code-tables-editor-zh.png') });

    // The same screen in English.
    const english = await ui.openSettings('常规');
    await english.getByRole('button', { name: /English/ }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('tab', { name: 'Code tables' }).click();
    const englishRow = page.getByRole('rowheader', { name: 'Ports of entry/exit' });
    await englishRow.scrollIntoViewIfNeeded();
    await expectSeen(englishRow);
    await page.screenshot({ path: testInfo.outputPath('code-tables-en.png') });
  });
});
