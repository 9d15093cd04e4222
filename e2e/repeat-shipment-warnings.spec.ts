import { expect, test } from './fixtures/desk-test';
import { seedImportSample } from './fixtures/desk-api';
import { freshDir } from './fixtures/processes';
import { expectSeen } from './support/seen';

// A repeat shipment's traps, as the broker sees them: a copy warns that its 提运单号, 进口日期 and 航次号 are the
// earlier shipment's, and that the 提运单号 is already on another declaration; the warnings go once the broker keys
// this shipment's own; the history names the declaration it was copied from.

const billNo = 'COSU6123456780';

test.describe('repeat shipment warnings', () => {
  test('a copy warns of the earlier shipment’s 提运单号, 进口日期 and 航次号 and of a 提运单号 in use; the history names the source', async ({
    page,
    startDesk,
    ui,
  }) => {
    test.setTimeout(180_000);
    const desk = await startDesk(freshDir('repeat-warnings'));
    const source = await seedImportSample(desk.url, { BillNo: billNo, IEDate: '20261120' }, [
      { op: 'set', path: 'freeText[0].VoyNo', value: '012E' },
    ]);
    await ui.open(desk.url);
    await ui.openFromList(source.clientSeqNo);

    await page.getByRole('button', { name: '复制', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '复制报关单' });
    await dialog.getByRole('button', { name: '复制为新草稿' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 2 })).not.toContainText(source.clientSeqNo);

    const panel = page.getByRole('region', { name: '检查结果' });
    const from = `所复制的报关单 ${source.clientSeqNo}`;
    const carried = (label: string) => panel.getByText(`${label}来自${from}，请按本次货物核对`);
    const inUse = panel.getByText(`提运单号 ${billNo} 已用于报关单 ${source.clientSeqNo}（草稿），请确认不是重复申报`);
    for (const warning of [carried('提运单号'), carried('进口日期'), carried('航次号'), inUse]) {
      await warning.scrollIntoViewIfNeeded();
      await expectSeen(warning);
    }
    await page.screenshot({ path: 'test-results/repeat-warnings/copy-warnings-zh.png' });

    // The history, at the foot of the form, names the declaration copied.
    const history = page.getByRole('region', { name: '经过' });
    const created = history.getByRole('listitem').filter({ hasText: `复制自报关单 ${source.clientSeqNo}` });
    await created.scrollIntoViewIfNeeded();
    await expectSeen(created);

    // This shipment's own 提运单号 keyed: both of its warnings go; the 航次号 still warns.
    await ui.headField('BillNo').fill('COSU7000000001');
    await page.keyboard.press('Tab');
    await expect(carried('提运单号')).toHaveCount(0);
    await expect(panel.getByText(/已用于报关单/)).toHaveCount(0);
    await expectSeen(carried('航次号'));

    // English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const enPanel = page.getByRole('region', { name: 'Checks' });
    const voyage = enPanel.getByText(
      new RegExp(`comes from the copied declaration ${source.clientSeqNo}; check it against this shipment`),
    );
    await expect(voyage).toHaveCount(2);
    await voyage.first().scrollIntoViewIfNeeded();
    await expectSeen(voyage.first());
    await page.screenshot({ path: 'test-results/repeat-warnings/copy-warnings-en.png' });
  });
});
