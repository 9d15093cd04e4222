import { expect, test } from './fixtures/desk-test';
import type { DeclarationRecord } from '../shared/api';
import type { Row } from '../shared/catalog';
import { withTwoStepMode } from '../shared/catalog';
import { addDays } from '../shared/status';
import { chinaDate } from '../shared/validation';
import { invoke } from './fixtures/desk-api';
import { freshDir } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { expectSeen } from './support/seen';

// A 概要申报 (DecHead/Type 5) shows the last day of its 完整申报 above its head: counted from the 进口日期, warned 3 days
// before, marked once past — on the China date, with no hub running.

async function summaryDeclaration(url: string, ieDate: string): Promise<DeclarationRecord> {
  const { doc } = sample('import-general-trade');
  const record = await invoke<DeclarationRecord>(url, 'declarations.create', { ieFlag: 'I' });
  const head: Row = { ...doc.head, Type: withTwoStepMode(doc.head.Type, 'summary'), IEDate: ieDate };
  const ops = [
    ...Object.entries(head)
      .filter(([k]) => k !== 'IEFlag')
      .map(([k, value]) => ({ op: 'set', path: `head.${k}`, value })),
    ...doc.lines.map((row) => ({ op: 'insertRow', table: 'lines', row })),
  ];
  await invoke(url, 'declarations.update', { id: record.id, baseRevision: record.revision, ops });
  return record;
}

const dashed = (ymd: string) => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;

test.describe('the 完整申报 deadline of a 概要申报', () => {
  test('is seen on the declaration, warned 2 days before and marked overdue, in Chinese and English', async ({
    page,
    startDesk,
    ui,
  }, testInfo) => {
    test.setTimeout(180_000);
    const desk = await startDesk(freshDir('desk'));
    const today = chinaDate(Date.now());
    // Entered 11 days ago: the 14th day is the day after tomorrow.
    const soon = await summaryDeclaration(desk.url, addDays(today, -11));
    // Entered 15 days ago: the 14th day was yesterday.
    const late = await summaryDeclaration(desk.url, addDays(today, -15));
    await ui.open(desk.url);

    await ui.openFromList(soon.clientSeqNo);
    const note = page.getByRole('status').filter({ hasText: '完整申报期限' });
    await expectSeen(note);
    await expect(note).toHaveText(
      `完整申报期限 ${dashed(addDays(today, 2))}（自进口日期 ${dashed(addDays(today, -11))} 起 14 日） · 还剩 2 天`,
    );
    await expect(note).toHaveAttribute('data-level', 'soon');
    await page.screenshot({ path: testInfo.outputPath('two-step-deadline-zh.png') });

    await page.keyboard.press('Alt+Shift+L');
    const english = page.getByRole('status').filter({ hasText: 'Complete declaration due' });
    await expectSeen(english);
    await expect(english).toContainText('2 days left');
    await page.screenshot({ path: testInfo.outputPath('two-step-deadline-en.png') });
    await page.keyboard.press('Alt+Shift+L');

    await ui.openFromList(late.clientSeqNo);
    const overdue = page.getByRole('status').filter({ hasText: '已逾期' });
    await expectSeen(overdue);
    await expect(overdue).toContainText('已逾期 2 天，请尽快完整申报');
    await expect(overdue).toHaveAttribute('data-level', 'overdue');
    await page.screenshot({ path: testInfo.outputPath('two-step-deadline-overdue-zh.png') });
  });

  test('a new import made a 概要申报 shows its step beside its status, Type says 5, and the checks ask the 概要 fields', async ({
    page,
    startDesk,
    ui,
  }, testInfo) => {
    test.setTimeout(120_000);
    const desk = await startDesk(freshDir('desk'));
    await ui.open(desk.url);
    await ui.newDeclaration();
    const make = page.getByRole('button', { name: '设为概要申报（两步申报）', exact: true });
    await expectSeen(make);
    await make.click();
    const step = page.getByTestId('two-step');
    await expectSeen(step);
    await expect(step).toHaveText('两步申报 · 概要申报');
    await expect(make).toHaveCount(0);
    await expect(ui.headField('Type')).toHaveValue('  5');
    // 成交方式 is asked at the 完整申报, not at the 概要: no star on it now; 提运单号 has one.
    await expect(
      page.getByRole('region', { name: '检查结果' }).getByRole('button', { name: /^提运单号：必填/ }),
    ).toHaveCount(1);
    await expect(
      page.getByRole('region', { name: '检查结果' }).getByRole('button', { name: /^成交方式：必填/ }),
    ).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('two-step-made-summary-zh.png') });
    await page.keyboard.press('Alt+Shift+L');
    await expect(step).toHaveText('Two-step · summary declaration');
    await page.screenshot({ path: testInfo.outputPath('two-step-made-summary-en.png') });
  });
});
