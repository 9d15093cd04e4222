import { expect, test } from './fixtures/desk-test';
import fs from 'node:fs';
import type { DeclarationRecord } from '../shared/api';
import { invoke } from './fixtures/desk-api';
import { freshDir } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { expectSeen } from './support/seen';

// The declaration list — search by an identifier, sort, choose columns (kept across a
// restart), act on a selection (declare, delete drafts, export) — and templates.

test.describe('the declaration list', () => {
  test('searches by 提运单号, sorts, keeps the chosen columns, declares and deletes a selection, exports it, and starts from a template', async ({
    page,
    startDesk,
    ui,
  }) => {
    test.setTimeout(240_000);
    const dir = freshDir('desk');
    let desk = await startDesk(dir);
    const { doc } = sample('import-general-trade');
    const made: DeclarationRecord[] = [];
    for (const [billNo, tradeName] of [
      ['COSU1000000001', '甲贸易有限公司'],
      ['COSU1000000002', '乙贸易有限公司'],
      ['MSKU2000000003', '丙贸易有限公司'],
    ] as const) {
      const record = await invoke<DeclarationRecord>(desk.url, 'declarations.create', { ieFlag: 'I' });
      const head = { ...doc.head, BillNo: billNo, TradeName: tradeName };
      const ops = [
        ...Object.entries(head)
          .filter(([k]) => k !== 'IEFlag')
          .map(([k, value]) => ({ op: 'set', path: `head.${k}`, value })),
        ...doc.lines.map((row) => ({ op: 'insertRow', table: 'lines', row })),
      ];
      await invoke(desk.url, 'declarations.update', {
        id: record.id,
        baseRevision: (await invoke<DeclarationRecord>(desk.url, 'declarations.get', { id: record.id })).revision,
        ops,
      });
      made.push(record);
    }
    await ui.open(desk.url);
    const list = ui.list();
    await expect(list.getByRole('row')).toHaveCount(4);

    // A prefix of 提运单号, in one identifier or in all of them.
    await list.getByLabel('搜索', { exact: true }).fill('cosu1');
    await expect(list.getByRole('row')).toHaveCount(3);
    await list.getByLabel('搜索范围').selectOption({ label: '合同协议号' });
    await expectSeen(list.getByText('没有符合条件的报关单'));
    await list.getByLabel('搜索范围').selectOption({ label: '全部编号' });
    await list.getByLabel('搜索', { exact: true }).fill('');

    // Sorted by 境内收发货人, either way.
    await list.getByRole('button', { name: /^境内收发货人/ }).click();
    await expect(list.getByRole('row').nth(1)).toContainText('丙贸易有限公司');
    await list.getByRole('button', { name: /^境内收发货人/ }).click();
    await expect(list.getByRole('row').nth(1)).toContainText('甲贸易有限公司');

    // The status choices: their button says 状态 with the Chinese colon; in English they open inside the window, the
    // longest one read whole.
    await expectSeen(list.getByText('状态：全部状态', { exact: true }));
    await page.keyboard.press('Alt+Shift+L');
    await page.getByText(/^Status: /).click();
    const statuses = page.getByRole('group', { name: 'Status' });
    const longest = statuses.getByText('Summary released · full declaration due');
    await expectSeen(longest);
    const [edge, window] = [await longest.boundingBox(), page.viewportSize()];
    expect((edge?.x ?? 0) + (edge?.width ?? 0)).toBeLessThanOrEqual(window?.width ?? 0);
    await page.getByText(/^Status: /).click();
    await page.keyboard.press('Alt+Shift+L');

    // Columns: 合同协议号 shown, 提运单号 hidden; kept after a restart.
    await list.getByText('显示列').click();
    await list.getByRole('checkbox', { name: '合同协议号' }).check();
    await list.getByRole('checkbox', { name: '提运单号' }).uncheck();
    await expectSeen(list.getByRole('columnheader', { name: /合同协议号/ }));
    await expect(list.getByRole('columnheader', { name: /提运单号/ })).toHaveCount(0);
    await desk.stop();
    desk = await startDesk(dir);
    await ui.open(desk.url);
    await expectSeen(list.getByRole('columnheader', { name: /合同协议号/ }));
    await expect(list.getByRole('columnheader', { name: /提运单号/ })).toHaveCount(0);

    // Select two with the keyboard (Space on a row), declare them; delete the third, a draft.
    const first = made[0]?.clientSeqNo ?? '';
    const second = made[1]?.clientSeqNo ?? '';
    const third = made[2]?.clientSeqNo ?? '';
    await list.getByRole('button', { name: first }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await list.getByRole('button', { name: second }).focus();
    await page.keyboard.press('Space');
    await expect(list.getByRole('checkbox', { name: `选择 ${first}` })).toBeChecked();
    await expect(list.getByRole('checkbox', { name: `选择 ${second}` })).toBeChecked();
    await list.getByRole('button', { name: '申报所选' }).click();
    await expect(list.getByRole('row', { name: new RegExp(first) })).toContainText('待发送');
    await expect(list.getByRole('row', { name: new RegExp(second) })).toContainText('待发送');

    await list.getByRole('checkbox', { name: `选择 ${third}` }).check();
    page.once('dialog', (dialog) => void dialog.accept());
    await list.getByRole('button', { name: '删除所选草稿' }).click();
    await expect(list.getByRole('button', { name: third })).toHaveCount(0);

    // Export: the page (nothing selected) as CSV with the visible columns.
    const download = page.waitForEvent('download');
    await list.getByRole('button', { name: '导出本页' }).click();
    const csv = fs.readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF客户端编号,进出口,状态,境内收发货人,合同协议号,海关编号,更新时间');
    expect(csv).toContain(first);

    // Templates: saved from a declaration (Ctrl+Shift+S), a new declaration started from it.
    await ui.openFromList(first);
    await page.keyboard.press('Control+Shift+S');
    const naming = page.getByRole('dialog', { name: '另存为模板' });
    await naming.getByLabel('模板名称').fill('甲公司鲜苹果');
    await page.keyboard.press('Enter');
    await expect(naming).toBeHidden();
    await page.getByText('用模板新建').click();
    await page.getByRole('button', { name: /^甲公司鲜苹果/ }).click();
    await expect(ui.status()).toHaveText('草稿');
    await expect(ui.headField('TradeName')).toHaveValue('甲贸易有限公司');
    await ui.expectLineValue(0, 'GName', doc.lines[0]?.GName ?? '');
    await expect(page.getByRole('heading', { level: 2 })).not.toContainText(first);
  });
});
