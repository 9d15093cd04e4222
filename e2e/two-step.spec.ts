import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/desk-test';
import type { Row, SectionDef } from '../shared/catalog';
import { goodsDeclaration } from '../shared/catalog';
import { addDays } from '../shared/status';
import { samplePdf } from '../test-support/shared/pdf';
import { chinaDate, isRequired } from '../shared/validation';
import { hubEnv } from './fixtures/offline-declaration';
import { enrollCode, freshDir, startHub, type Running } from './fixtures/processes';
import { sample } from './fixtures/samples';
import { DeskPage } from './pages/desk-page';
import { wrapped } from './support/line-count';
import { expectSeen } from './support/seen';

// 两步申报 as a broker does it, on a real hub: New → 概要申报 asks the 概要 fields only and is declared with them;
// customs release it (概要已放行 · 完整申报待办) and the list and the declaration show the 完整申报's last day, the 14th
// day after the release (warned 3 days and 1 day before, marked once past — read on a page whose clock is moved on);
// 完整申报 (Alt+Shift+W) opens the same declaration, the rest is keyed, two PDFs are attached on the 随附单据 tab (one
// pasted), and declared it is concluded under the same 海关编号 (完整已结关).

const section = (id: string): SectionDef => {
  const found = goodsDeclaration.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no ${id} section`);
  return found;
};

/** The values of `row` the 概要 stage asks (the catalog's 概要 and 暂存 elements); Type is the 概要 button's. */
function summaryPart(row: Row, of: SectionDef): Row {
  const out: Row = {};
  for (const e of of.elements) {
    const value = row[e.xml];
    if (value !== undefined && e.xml !== 'Type' && isRequired(e, 'summary')) out[e.xml] = value;
  }
  return out;
}

/** What `full` holds that `part` does not: the rest the 完整申报 asks. */
const rest = (full: Row, part: Row, skip: readonly string[]): Row =>
  Object.fromEntries(Object.entries(full).filter(([k, v]) => !skip.includes(k) && part[k] !== v));

/** Scrolled to, then seen: the editor's header scrolls away while the broker keys further down. */
async function seen(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await expectSeen(locator);
}

const dashed = (ymd: string) => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
const DAY = 86_400_000;

/** A second page on the same desk whose clock reads `days` after now: the deadline as it will stand then. */
async function pageDaysLater(page: Page, url: string, days: number): Promise<{ later: Page; ui: DeskPage }> {
  const context = await page.context().browser()?.newContext();
  if (!context) throw new Error('no browser');
  const later = await context.newPage();
  await later.clock.setFixedTime(Date.now() + days * DAY);
  const ui = new DeskPage(later);
  await ui.open(url);
  return { later, ui };
}

test('两步申报: 概要申报 released, its deadline shown and warned, 完整申报 with two PDFs concluded', async ({
  page,
  startDesk,
  ui,
}, testInfo) => {
  // Keying some forty fields, two hub plans of 200 ms steps and a second page: 100 s at load 10 here.
  test.setTimeout(300_000);
  const running: Running[] = [];
  try {
    const hubDir = freshDir('hub');
    const hub = await startHub(hubDir, 0, hubEnv);
    running.push(hub);
    const desk = await startDesk(freshDir('desk'), { hubUrl: hub.url, code: enrollCode(hubDir) });
    await ui.open(desk.url);
    await expect(ui.connection()).toHaveText('在线');

    // New → 概要申报: the checks ask the 概要 fields only.
    const { doc } = sample('import-general-trade');
    const head = summaryPart(doc.head, section('head'));
    const line = summaryPart(doc.lines[0] ?? {}, section('lines'));
    await ui.newDeclaration();
    await page.getByRole('button', { name: '设为概要申报（两步申报）', exact: true }).click();
    await seen(page.getByTestId('two-step'));
    await expect(page.getByTestId('two-step')).toHaveText('两步申报 · 概要申报');
    await ui.fillHead(head);
    await ui.addLine(line, 0);
    await ui.waitSaved();
    const checks = page.getByRole('region', { name: '检查结果' });
    await expect(checks.getByRole('button', { name: /^成交方式：必填/ })).toHaveCount(0);
    const clientSeqNo = (await page.getByRole('heading', { level: 2 }).textContent())?.split('·')[1]?.trim() ?? '';
    expect(clientSeqNo).toMatch(/^SW\d{6}/);
    await ui.declare();
    await expect(ui.status()).toHaveText('概要已放行 · 完整申报待办', { timeout: 90_000 });
    await seen(ui.status());
    const entryId = (await ui.entryId().textContent())?.replace(/\D/g, '') ?? '';
    expect(entryId).toMatch(/^\d{18}$/);

    // The deadline: the 14th day after today's release (China date), on the declaration and in the list.
    const released = chinaDate(Date.now());
    const lastDay = addDays(released, 14);
    const note = page.getByRole('status').filter({ hasText: '完整申报期限' });
    await seen(note);
    await expect(note).toHaveText(
      `完整申报期限 ${dashed(lastDay)}（概要申报 ${dashed(released)} 放行后第 14 日，北京时间） · 还剩 14 天`,
    );
    await page.screenshot({ path: testInfo.outputPath('two-step-released-zh.png') });
    // At 1280 × 800 in English the status line's items each stay whole, the line breaking between them: they broke
    // inside ('Summary released · full declaration' above 'due', 'Entry no.' above its number, a two-line button).
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('Alt+Shift+L');
    await expectSeen(page.getByRole('button', { name: 'Complete declaration', exact: true }));
    expect(await wrapped(page.locator('.status-line > *'))).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('two-step-released-en.png') });
    await page.keyboard.press('Alt+Shift+L');
    if (size) await page.setViewportSize(size);
    await page.getByRole('button', { name: '报关单列表', exact: true }).click();
    const row = ui.list().getByRole('row', { name: new RegExp(clientSeqNo) });
    await seen(row.getByTestId('complete-deadline'));
    await expect(row.getByTestId('complete-deadline')).toHaveText(
      `完整申报 ${dashed(lastDay).slice(5)} 前（北京时间） · 还剩 14 天`,
    );
    await page.screenshot({ path: testInfo.outputPath('two-step-list-zh.png') });
    await page.keyboard.press('Alt+Shift+L');
    // The list is named in English now: the row is found by its number alone.
    await expect(page.getByRole('row', { name: new RegExp(clientSeqNo) }).getByTestId('complete-deadline')).toHaveText(
      `Complete by ${dashed(lastDay).slice(5)} (China date) · 14 days left`,
    );
    await page.screenshot({ path: testInfo.outputPath('two-step-list-en.png') });
    await page.keyboard.press('Alt+Shift+L');

    // 12 days on, 2 are left: warned; 16 days on, it is overdue by 2 — in the list and on the declaration, offline
    // arithmetic on the page's own clock.
    const soon = await pageDaysLater(page, desk.url, 12);
    await soon.later.getByRole('button', { name: '报关单列表', exact: true }).click();
    const soonBadge = soon.ui
      .list()
      .getByRole('row', { name: new RegExp(clientSeqNo) })
      .getByTestId('complete-deadline');
    await seen(soonBadge);
    await expect(soonBadge).toHaveAttribute('data-level', 'soon');
    await expect(soonBadge).toContainText('还剩 2 天');
    await soon.later.screenshot({ path: testInfo.outputPath('two-step-list-soon-zh.png') });
    await soon.later.clock.setFixedTime(Date.now() + 16 * DAY);
    await soon.later.reload();
    await soon.ui.openFromList(clientSeqNo);
    const overdue = soon.later.getByRole('status').filter({ hasText: '已逾期' });
    await seen(overdue);
    await expect(overdue).toContainText('已逾期 2 天，请尽快完整申报');
    await expect(overdue).toHaveAttribute('data-level', 'overdue');
    await soon.later.screenshot({ path: testInfo.outputPath('two-step-overdue-zh.png') });
    await soon.later.context().close();

    // 完整申报 from the keyboard: the same declaration, a draft again, under the same 海关编号.
    await ui.openFromList(clientSeqNo);
    await seen(page.getByRole('button', { name: '完整申报', exact: true }));
    await page.keyboard.press('Alt+Shift+W');
    await expect(ui.status()).toHaveText('草稿');
    await expect(page.getByTestId('two-step')).toHaveText('两步申报 · 完整申报');
    await expect(ui.entryId()).toContainText(entryId);
    await seen(note);
    // A 两步申报 is billed once, on its 完整: the 完整's draft shows no bill until one answers the 完整 itself.
    await expect(page.getByRole('region', { name: '海关税费单' })).toHaveCount(0);

    // The rest keyed, then two PDFs on the 随附单据 tab.
    await ui.fillHead(rest(doc.head, head, ['Type', 'IEFlag']));
    for (const [xml, value] of Object.entries(rest(doc.lines[0] ?? {}, line, []))) await ui.fillLine(0, xml, value);
    await ui.waitSaved();
    await page.getByRole('tab', { name: /^随附单据/ }).click();
    const panel = page.getByRole('region', { name: '随附单据文件（PDF）' });
    await seen(panel);
    // The invoice by the file dialog; the packing list pasted (Ctrl+V of a file copied in the file manager: a paste
    // whose clipboard holds a File), the focus back on the 随附单据 tab.
    for (const [code, name, how] of [
      ['00000001', 'invoice.pdf', 'dialog'],
      ['00000002', 'packing-list.pdf', 'paste'],
    ] as const) {
      await panel.getByLabel('单据类别').selectOption(code);
      const buffer = Buffer.from(samplePdf({ text: name }));
      if (how === 'dialog')
        await panel.getByLabel('添加 PDF…').setInputFiles({ name, mimeType: 'application/pdf', buffer });
      else {
        await page.getByRole('tab', { name: /^随附单据/ }).focus();
        await page.evaluate(
          ({ fileName, base64 }) => {
            const clipboardData = new DataTransfer();
            const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
            clipboardData.items.add(new File([bytes], fileName, { type: 'application/pdf' }));
            const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
            document.activeElement?.dispatchEvent(paste);
          },
          { fileName: name, base64: buffer.toString('base64') },
        );
      }
      await seen(panel.getByRole('cell', { name, exact: true }));
    }
    await expect(panel.getByRole('row')).toHaveCount(2);
    await page.screenshot({ path: testInfo.outputPath('two-step-complete-zh.png') });

    // Declared as the second step: concluded under the 概要's 海关编号.
    await ui.declare();
    await expect(ui.status()).toHaveText('完整已结关', { timeout: 90_000 });
    await seen(ui.status());
    await expect(ui.entryId()).toContainText(entryId);
    await expect(note).toHaveCount(0);
    await page.keyboard.press('Alt+Shift+L');
    await expect(ui.status()).toHaveText('Full declaration closed');
    // The bill customs sent for the 完整 (at its R) is shown on it.
    await seen(page.getByRole('region', { name: 'Customs tax bill' }));
    await page.screenshot({ path: testInfo.outputPath('two-step-closed-en.png') });
  } finally {
    for (const r of running.reverse()) await r.stop();
  }
});
