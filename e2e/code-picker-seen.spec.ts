import { expect, test, type Locator, type Page } from '@playwright/test';
import type { DeclarationRecord, PatchOp } from '../shared/api';
import { importCodeTables, invoke } from './fixtures/desk-api';
import { freshDir, startDesk, type Running } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { DeskPage } from './pages/desk-page';
import { expectSeen } from './support/seen';

// The code lookup (F4, or typing a code, Chinese text or pinyin initials) must be seen by the broker
// wherever the field is: in every box of the head, in the goods grid, and near the window's edges.
// A list present in the page but clipped by its box (a box's content-visibility made it the list's
// containing block) passed every earlier test while brokers keyed blind.

/**
 * The list is seen, and so is every line of it inside the list's scrolled box (an option, or the
 * line saying nothing matches): each is what the pointer would hit at its centre. Returns how many
 * options it lists.
 */
async function expectListSeen(page: Page, field: Locator): Promise<number> {
  const list = page.getByRole('listbox');
  await expectSeen(list);
  await expect(list.getByRole('option').or(list.getByText('代码表中没有匹配的代码')).first()).toBeVisible();
  await expect(field).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? '');
  const { inBox, options } = await list.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const lines = [...el.querySelectorAll('li')];
    const shown = lines.flatMap((line, index) => {
      const r = line.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom + 0.5 ? [index] : [];
    });
    return { inBox: shown, options: el.querySelectorAll('[role="option"]').length };
  });
  expect(inBox.length).toBeGreaterThan(0);
  for (const index of inBox) await expectSeen(list.locator('li').nth(index));
  return options;
}

/** F4 on the field: its list is seen; Esc closes it. Returns how many options it listed. */
async function lookUp(page: Page, field: Locator): Promise<number> {
  await field.focus();
  await page.keyboard.press('F4');
  const options = await expectListSeen(page, field);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  return options;
}

test.describe('the code lookup is seen', () => {
  let desk: Running | undefined;
  test.afterEach(async () => {
    await desk?.stop();
  });

  test('F4 and typing show the list in every head box, the goods grid and near the window edges', async ({ page }) => {
    desk = await startDesk(freshDir('picker-seen'));
    await importCodeTables(desk.url);
    const { doc } = sample('import-general-trade');
    const created = await invoke<DeclarationRecord>(desk.url, 'declarations.create', { ieFlag: 'I' });
    const ops: PatchOp[] = Object.entries(doc.head)
      .filter(([xml]) => xml !== 'IEFlag')
      .map(([xml, value]) => ({ op: 'set', path: `head.${xml}`, value }));
    for (let i = 0; i < 3; i++) for (const line of doc.lines) ops.push({ op: 'insertRow', table: 'lines', row: line });
    await invoke(desk.url, 'declarations.update', { id: created.id, baseRevision: created.revision, ops });
    const ui = new DeskPage(page);
    await ui.open(desk.url);
    await ui.openFromList(created.clientSeqNo);

    // Every coded field of the head, the boxes behind 更多 included.
    await page.getByRole('button', { name: /其他表头信息/ }).click();
    const head = page.getByRole('group', { name: '表头', exact: true });
    const fields = await head.getByRole('combobox').all();
    expect(fields.length).toBeGreaterThan(20);
    let listed = 0;
    for (const field of fields) if ((await lookUp(page, field)) > 0) listed++;
    // Every table the sample's head uses is installed: nearly every list has codes to show.
    expect(listed).toBeGreaterThan(fields.length - 5);

    // Typed pinyin initials open the list too (上海 → sh).
    const district = ui.headField('CustomMaster');
    await district.focus();
    await district.fill('');
    await page.keyboard.type('sh');
    await expectListSeen(page, district);
    await page.keyboard.press('Escape');

    // A goods-grid cell.
    await ui.lineField(1, 'GUnit').focus();
    expect(await lookUp(page, ui.lineField(1, 'GUnit'))).toBeGreaterThan(0);

    // Near the window's bottom edge the list opens above the field; near the right edge it moves left.
    await page.setViewportSize({ width: 900, height: 420 });
    const currency = ui.headField('FeeCurr');
    await currency.scrollIntoViewIfNeeded();
    await currency.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    expect(await lookUp(page, currency)).toBeGreaterThan(0);
    const last = ui.lineField(1, 'DutyMode');
    await last.focus();
    await last.evaluate((el) => el.scrollIntoView({ block: 'end', inline: 'end' }));
    expect(await lookUp(page, ui.lineField(1, 'DutyMode'))).toBeGreaterThan(0);
  });
});
