import { expect, test } from './fixtures/desk-test';
import type { DeclarationRecord, PatchOp } from '../shared/api';
import { chinaDate } from '../shared/validation/china-date';
import { invoke } from './fixtures/desk-api';
import { freshDir } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { rect } from './support/rect';
import { expectSeen } from './support/seen';

// The duty estimate beside the goods grid: the sample import (鲜苹果 0808100000, 2,500 USD CIF, MFN 10%,
// VAT 9%) with this month's 计征汇率 imported as a table.

test.describe('税费预估', () => {
  test('shows each figure of the line and the totals, and names a missing exchange rate', async ({
    page,
    startDesk,
    ui,
  }) => {
    const desk = await startDesk(freshDir('taxes'));
    const { doc } = sample('import-general-trade');
    const created = await invoke<DeclarationRecord>(desk.url, 'declarations.create', { ieFlag: 'I' });
    const ops: PatchOp[] = Object.entries(doc.head)
      .filter(([xml]) => xml !== 'IEFlag')
      .map(([xml, value]) => ({ op: 'set', path: `head.${xml}`, value }));
    for (const line of doc.lines) ops.push({ op: 'insertRow', table: 'lines', row: line });
    await invoke(desk.url, 'declarations.update', { id: created.id, baseRevision: created.revision, ops });
    await ui.open(desk.url);
    await ui.openFromList(created.clientSeqNo);
    const panel = page.getByRole('region', { name: '税费预估' });
    await expectSeen(panel);
    // No exchange-rate table yet: the line is not computed, and the panel says which rate is missing.
    await expectSeen(panel.getByText(/没有 USD 在 \d{4}-\d{2} 的计征汇率/));
    // In English at 1400 px, every column is seen: "not computed" is said once across the line, not in each column.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const uncomputed = page.getByRole('region', { name: 'Duty estimate' });
    for (const column of ['Line', 'Value', 'Duty', 'Cons. tax', 'VAT'])
      await expectSeen(uncomputed.getByRole('columnheader', { name: column, exact: true }));
    // Seen in part is not enough here: the table's last columns were cut off by the panel's edge.
    const [table, side] = await Promise.all([rect(uncomputed.locator('table')), rect(uncomputed)]);
    expect(table.x + table.width).toBeLessThanOrEqual(side.x + side.width);
    await expectSeen(uncomputed.getByRole('row').nth(1).getByText('not computed', { exact: true }));
    await page.screenshot({ path: test.info().outputPath('tax-panel-uncomputed-en.png'), fullPage: false });
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await expectSeen(panel);

    const today = chinaDate(Date.now());
    const month = `${today.slice(0, 4)}-${today.slice(4, 6)}`;
    await invoke(desk.url, 'codes.import', {
      table: 'exchange-rates',
      fileName: '计征汇率.csv',
      content: `币制代码,币制名称,计征汇率,适用月份\nUSD,美元,7.1074,${month}\n`,
      encoding: 'text',
    });
    await page.reload();
    await ui.openFromList(created.clientSeqNo);
    // 2500 × 7.1074 = 17768.50; duty 10% = 1776.85; VAT 9% × 19545.35 = 1759.08
    const line = panel.getByRole('row').nth(1);
    await expectSeen(line.getByRole('cell', { name: '17768.50', exact: true }));
    await expectSeen(line.getByRole('cell', { name: '1776.85 10%', exact: true }));
    await expectSeen(line.getByRole('cell', { name: '1759.08 9%', exact: true }));
    const payable = panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '应征' }) });
    await expectSeen(payable.getByRole('cell', { name: '1759.08', exact: true }));
    await expect(panel.getByText(/没有 USD/)).toHaveCount(0);
    // How the line was computed opens below it across the panel, and the figures stay in view beside it.
    await panel.getByText('计算过程').click();
    await expectSeen(panel.getByText('完税价格 17768.50: CIF', { exact: false }));
    await expectSeen(line.getByRole('cell', { name: '1759.08 9%', exact: true }));
    await page.screenshot({ path: test.info().outputPath('tax-panel-zh.png'), fullPage: false });

    // The printable sheet: the same figures with how each was computed, over the app; Esc closes it.
    await panel.getByRole('button', { name: '打印税费预估' }).click();
    const sheet = page.getByRole('dialog', { name: '税费预估单' });
    await expectSeen(sheet);
    await expectSeen(sheet.getByRole('cell', { name: '1776.85 (最惠国税率 10%)', exact: true }));
    await expectSeen(sheet.getByText('17768.50 = 申报总价 2500 · 币制 USD × 7.1074', { exact: false }));
    await page.screenshot({ path: test.info().outputPath('tax-sheet-zh.png'), fullPage: false });
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expectSeen(panel);

    // In English: the same figures, the panel and its words in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const english = page.getByRole('region', { name: 'Duty estimate' });
    await expectSeen(english);
    await expectSeen(english.getByRole('rowheader', { name: 'Payable', exact: true }));
    await expectSeen(english.getByRole('row').nth(1).getByRole('cell', { name: '1776.85 10%', exact: true }));
    await page.screenshot({ path: test.info().outputPath('tax-panel-en.png'), fullPage: false });
  });
});
