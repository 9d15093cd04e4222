import { expect, test } from './fixtures/desk-test';
import type { OperatorProfile } from '../shared/api';
import { invoke, seedImportSample } from './fixtures/desk-api';
import { hubEnv } from './fixtures/offline-declaration';
import { enrollCode, freshDir, startHub } from './fixtures/processes';
import { expectSeen } from './support/seen';

// A declaration's whole life with a second person: prepared, submitted for review (复核), returned with a remark
// pinned to a field, fixed, approved, declared and released — with the firm's rule 申报前须复核 on, two operators
// sharing one desk, a real hub and the browser host. Then 修改申请 of two fields, approved by the hub,
// changes the declaration's values, and 撤单申请 makes it 已撤单.
test('prepare → 提交复核 → 退回 with a remark → fix → 复核通过 → 申报 → 已放行 → 修改申请 approved', async ({
  page,
  startDesk,
  ui,
}, testInfo) => {
  test.setTimeout(240_000);
  const hubDir = freshDir('hub');
  const hub = await startHub(hubDir, 0, hubEnv);
  try {
    const desk = await startDesk(freshDir('desk'), { hubUrl: hub.url, code: enrollCode(hubDir) });
    // What the firm sets in Settings: the rule on, and a second operator who reviews (王芳, from the setup, prepares).
    await invoke(desk.url, 'settings.update', { review: { required: true } });
    await invoke<OperatorProfile>(desk.url, 'profiles.create', {
      company: { name: '上海捷通报关有限公司', customsCode: '3120980123', uscc: '91310115MA1H7AAA0F' },
      operator: { name: '李明', icCard: '8931000012346' },
      roles: ['reviewer'],
      makeCurrent: false,
    });
    // The customer's earlier declaration of the same goods: what the reviewer's differences compare with.
    const earlier = await seedImportSample(desk.url, { BillNo: 'COSU6300000000' });
    const record = await seedImportSample(desk.url, { BillNo: 'COSU6300001111' });
    await ui.open(desk.url);
    await expect(ui.connection()).toHaveText('在线');
    await ui.openFromList(record.clientSeqNo);

    const operator = page.getByRole('combobox', { name: '当前操作员' });
    const state = page.getByTestId('review-state');
    const bar = page.getByRole('region', { name: '复核', exact: true });
    const asOperator = async (name: string) => {
      await operator.selectOption({ label: name });
      await expect(operator.locator('option:checked')).toHaveText(name);
    };

    // The operator list in the top bar is drawn beside its neighbours, not under 设置 (in English too).
    const covered = () =>
      page.getByRole('banner').evaluate((bar) => {
        const list = bar.querySelector('select')?.getBoundingClientRect();
        if (!list) return ['no operator list'];
        return [...bar.children].flatMap((item) => {
          const r = item.getBoundingClientRect();
          const over =
            !item.contains(bar.querySelector('select')) &&
            r.width > 0 &&
            r.left < list.right - 0.5 &&
            list.left < r.right - 0.5 &&
            r.top < list.bottom - 0.5 &&
            list.top < r.bottom - 0.5;
          return over ? [item.textContent ?? ''] : [];
        });
      });
    expect(await covered()).toEqual([]);
    await page.keyboard.press('Alt+Shift+L');
    // The list shows the name alone, the operator's roles over it when it opens.
    const english = page.getByRole('combobox', { name: 'Operator', exact: true });
    await expect(english.locator('option:checked')).toHaveText('王芳');
    await expect(english.locator('optgroup:has(option:checked)')).toHaveAttribute('label', 'Preparer · Reviewer');
    expect(await covered()).toEqual([]);
    await page.keyboard.press('Alt+Shift+L');

    // 申报 with the rule on and no review: refused at once, in the broker's words — not first asked to sign and queue
    // a declaration that 'has no errors and no warnings'.
    await expect(state).toHaveText('复核：未提交复核');
    await page.keyboard.press('F9');
    await expectSeen(page.getByText(`报关单 ${record.clientSeqNo} 须经复核员复核通过后才能申报`).first());
    await expect(page.getByRole('dialog', { name: '确认申报' })).toHaveCount(0);
    await expect(ui.status()).toHaveText('草稿');

    // The preparer submits it (Alt+R); they cannot approve their own.
    await page.keyboard.press('Alt+R');
    await expect(state).toHaveText('复核：待复核（提交人 王芳）');
    await state.scrollIntoViewIfNeeded();
    await expectSeen(state);
    await expect(bar.getByRole('button', { name: '复核通过' })).toHaveCount(0);
    await expectSeen(bar.getByText('这是您提交的报关单，须由另一位复核员复核'));

    // The reviewer, at the same desk, returns it with a remark on 提运单号, focused in the form first.
    await asOperator('李明');
    await expectSeen(bar.getByRole('button', { name: '复核通过' }));
    await ui.headField('BillNo').focus();
    await bar.getByRole('button', { name: '退回' }).click();
    const dialog = page.getByRole('dialog', { name: '退回：复核意见' });
    await expectSeen(dialog);
    await expect(dialog.getByRole('combobox', { name: '字段' })).toHaveValue('head.BillNo');
    await dialog.getByRole('textbox', { name: '意见' }).fill('提运单号与舱单不符，应为 COSU6300002222');
    await page.screenshot({ path: testInfo.outputPath('review-return-zh.png') });
    await dialog.getByRole('button', { name: '退回', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(state).toHaveText('复核：已退回（复核人 李明）');

    // Back at the preparer: the remark is a finding, and F8 takes them to its field.
    await asOperator('王芳');
    const remark = page
      .getByRole('region', { name: '检查结果' })
      .getByRole('button', { name: '复核意见 · 提运单号：提运单号与舱单不符，应为 COSU6300002222' });
    await remark.scrollIntoViewIfNeeded();
    await expectSeen(remark);
    await page.screenshot({ path: testInfo.outputPath('review-remark-zh.png') });
    await ui.headField('TradeName').focus();
    await page.keyboard.press('F8');
    await expect(ui.headField('BillNo')).toBeFocused();
    await ui.headField('BillNo').fill('COSU6300002222');
    await ui.waitSaved();
    await bar.getByRole('button', { name: '提交复核' }).click();
    await expect(state).toHaveText('复核：待复核（提交人 王芳）');
    await expect(remark).toHaveCount(0);

    // The reviewer finds it in the review queue (Alt+Q, from the list) and opens it with Enter.
    await asOperator('李明');
    await page.keyboard.press('Alt+L');
    await page.keyboard.press('Alt+Q');
    const queue = page.getByRole('dialog', { name: '待复核' });
    await expectSeen(queue);
    await expectSeen(queue.getByText('共 1 份待复核，↑↓ 选择，Enter 打开'));
    const waiting = queue.getByRole('row').filter({ hasText: record.clientSeqNo });
    await expectSeen(waiting);
    await expect(waiting).toContainText('王芳');
    await expect(waiting).toContainText('COSU6300002222');
    await expect(waiting).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('review-queue-zh.png') });
    await page.keyboard.press('Alt+Shift+L');
    await expectSeen(page.getByRole('dialog', { name: 'Awaiting review' }).getByText('Submitted by'));
    await page.screenshot({ path: testInfo.outputPath('review-queue-en.png') });
    await page.keyboard.press('Alt+Shift+L');
    await expect(waiting).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(queue).toBeHidden();

    // The differences from the customer's last declaration of the same goods (Alt+D): the bill of lading, old → new.
    await page.keyboard.press('Alt+D');
    const differences = page.getByRole('region', { name: '复核差异' });
    await expectSeen(
      differences.getByText(new RegExp(`^与报关单 ${earlier.clientSeqNo}（\\d{4}-\\d{2}-\\d{2}）比较$`)),
    );
    const billRow = differences.getByRole('button', { name: '提运单号 COSU6300000000 → COSU6300002222' });
    await expectSeen(billRow);
    await page.screenshot({ path: testInfo.outputPath('review-differences-zh.png') });
    await page.keyboard.press('Alt+Shift+L');
    await expectSeen(
      page
        .getByRole('region', { name: 'Review differences' })
        .getByRole('button', { name: 'Bill of lading no. COSU6300000000 → COSU6300002222' }),
    );
    await page.screenshot({ path: testInfo.outputPath('review-differences-en.png') });
    await page.keyboard.press('Alt+Shift+L');
    await billRow.press('Enter');
    await expect(ui.headField('BillNo')).toBeFocused();
    await differences.getByRole('heading').focus();
    await page.keyboard.press('Escape');
    await expect(differences).toBeHidden();

    // The reviewer approves exactly this content (Alt+Y).
    await expect(bar.getByRole('button', { name: '复核通过' })).toBeVisible();
    await page.keyboard.press('Alt+Y');
    await expect(state).toHaveText('复核：复核通过（复核人 李明）');
    await state.scrollIntoViewIfNeeded();
    await expectSeen(state);
    await page.keyboard.press('Alt+Shift+L');
    await expect(state).toHaveText('Review: Approved (reviewer 李明)');
    await page.screenshot({ path: testInfo.outputPath('review-approved-en.png') });
    await page.keyboard.press('Alt+Shift+L');

    // Declared, it goes to the hub and comes back released.
    await ui.declare();
    await expect(ui.status()).toHaveText('已放行', { timeout: 60_000 });
    await ui.status().scrollIntoViewIfNeeded();
    await expectSeen(ui.status());
    await expect(ui.entryId()).toHaveText(/海关编号 \d{18}$/);
    const timeline = page.getByRole('region', { name: '经过' });
    for (const step of ['提交复核', '复核退回', '复核通过']) await expect(timeline).toContainText(step);

    // 修改申请 (Alt+M): an editable copy of the released declaration in the same form, the fields the hub refuses
    // locked; two fields changed, the confirmation lists them old → new, and the hub approves the request.
    const gross = await ui.headField('GrossWet').inputValue();
    const newGross = String(Number(gross) + 100);
    await page.keyboard.press('Alt+M');
    const copyBar = page.getByRole('region', { name: '修改申请：正在编辑副本' });
    await expectSeen(copyBar.getByText('修改申请：正在编辑副本'));
    const lockedInput = page.locator('.field-locked input').first();
    await expect(lockedInput).toHaveAttribute('readonly', '');
    await expectSeen(page.locator('.field-locked .locked-mark').first());
    await ui.headField('GrossWet').fill(newGross);
    await ui.headField('MarkNo').fill('COSU-A1');
    // Kept as a draft of the request: the editor closed and the declaration opened again, it offers to continue the
    // copy as it was left (Alt+M); the goods grid offers no line to add there.
    await page.keyboard.press('Alt+L');
    await ui.openFromList(record.clientSeqNo);
    await expectSeen(page.getByTestId('mod-draft'));
    await page.screenshot({ path: testInfo.outputPath('modify-draft-zh.png') });
    await page.keyboard.press('Alt+Shift+L');
    await expect(page.getByTestId('mod-draft')).toContainText('An unsent modification request');
    await page.screenshot({ path: testInfo.outputPath('modify-draft-en.png') });
    // Customs' 税费单 of the release fits the side column: with no hub rates each figure reads "not computed", and
    // with the line as a fifth column its English was cut off at the right (the last head read "com").
    const bill = page.getByRole('region', { name: 'Customs tax bill' });
    await expectSeen(bill.getByRole('columnheader', { name: 'VAT' }));
    expect(await bill.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.keyboard.press('Alt+Shift+L');
    await page.keyboard.press('Alt+M');
    await expect(ui.headField('GrossWet')).toHaveValue(newGross);
    await expect(ui.headField('MarkNo')).toHaveValue('COSU-A1');
    await page.locator('#lines-fixed').scrollIntoViewIfNeeded();
    await expectSeen(page.locator('#lines-fixed'));
    await page.screenshot({ path: testInfo.outputPath('modify-copy-lines-zh.png') });
    await page.keyboard.press('F9');
    const confirm = page.getByRole('dialog', { name: '确认修改申请' });
    await expectSeen(confirm);
    const changes = confirm.getByRole('table', { name: '修改 2 项：' });
    await expectSeen(changes);
    await expect(changes.getByRole('row').nth(1)).toContainText(`${gross}→ ${newGross}`);
    await expect(changes.getByRole('row').nth(2)).toContainText('→ COSU-A1');
    await confirm.getByRole('combobox', { name: '修改/撤销原因' }).selectOption('6');
    await confirm.getByRole('textbox', { name: '说明（修撤单原因）' }).fill('毛重录入错误');
    await page.screenshot({ path: testInfo.outputPath('modify-confirm-zh.png') });
    await confirm.getByRole('button', { name: '签名并提交' }).click();
    await expect(confirm).toBeHidden();
    const latest = page.getByTestId('mod-latest');
    await expect(latest).toContainText('修改申请：已通过', { timeout: 60_000 });
    await latest.scrollIntoViewIfNeeded();
    await expectSeen(latest);
    await expect(ui.status()).toHaveText('已放行');
    await expect(ui.headField('GrossWet')).toHaveValue(newGross);
    await expect(ui.headField('MarkNo')).toHaveValue('COSU-A1');
    await expect(timeline).toContainText(`${gross} → ${newGross}`);
    await expect(timeline).toContainText('修撤单统一编号');
    // The printed 报关单修改/撤销表 of the request: its data items old → new; Esc closes it.
    await latest.getByRole('button', { name: '打印修改/撤销表' }).click();
    const form = page.getByRole('dialog', { name: '进出口货物报关单修改/撤销表' });
    await expectSeen(form.getByRole('table', { name: '报关单数据项' }));
    await expect(form).toContainText(`${gross}${newGross}`);
    await page.screenshot({ path: testInfo.outputPath('modify-form-zh.png') });
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
    // 撤单申请 (Alt+Shift+M): Esc closes the dialog; the case, a note and Enter send it, and the hub's approval
    // makes the declaration 已撤单.
    await page.keyboard.press('Alt+Shift+M');
    const cancelDialog = page.getByRole('dialog', { name: '撤单申请' });
    await expectSeen(cancelDialog);
    await page.keyboard.press('Escape');
    await expect(cancelDialog).toBeHidden();
    await page.keyboard.press('Alt+Shift+M');
    await cancelDialog.getByRole('combobox', { name: '修改/撤销原因' }).selectOption('5');
    await cancelDialog.getByRole('textbox', { name: '说明（修撤单原因）' }).fill('整批直接退运');
    await page.keyboard.press('Enter');
    await expect(cancelDialog).toBeHidden();
    await expect(ui.status()).toHaveText('已撤单', { timeout: 60_000 });
    await expect(latest).toContainText('撤单申请：已通过');
    await page.keyboard.press('Alt+Shift+L');
    await expect(latest).toContainText('Cancellation request: approved');
    await page.screenshot({ path: testInfo.outputPath('modify-cancelled-en.png') });
    await page.keyboard.press('Alt+Shift+L');
  } finally {
    await hub.stop();
  }
});
