import { expect, type Locator, type Page } from '@playwright/test';
import type { Row } from '../../shared/catalog';
import { findElement, goodsDeclaration, labelOf } from '../../shared/catalog';
import type { DeclarationRecord } from '../../shared/api';
import { seedImportSample } from '../fixtures/desk-api';
import { expectSeen } from '../support/seen';

/** A field's Chinese label as the form shows it: the direction's own wording where it has one (进境关别, 启运国(地区)). */
export function zhLabel(section: string, xml: string, ieFlag: 'I' | 'E' = 'I'): string {
  const def = findElement(goodsDeclaration, section, xml);
  if (!def) throw new Error(`no ${section}.${xml} in the catalog`);
  return labelOf(def, 'zh-CN', ieFlag);
}

/** The SW Desk window as a user sees it: found by labels and button names, never by CSS. */
export class DeskPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('button', { name: '新建', exact: true })).toBeVisible();
  }

  /** The import sample keyed into a new draft (seedImportSample), the desk opened on it: its editor on screen. */
  async openImportSample(url: string): Promise<DeclarationRecord> {
    const record = await seedImportSample(url);
    await this.open(url);
    await this.openFromList(record.clientSeqNo);
    return record;
  }

  connection(): Locator {
    return this.page.getByTestId('connection-state');
  }

  outboxCount(): Locator {
    return this.page.getByTestId('outbox-count');
  }

  status(): Locator {
    return this.page.getByTestId('declaration-status');
  }

  entryId(): Locator {
    return this.page.getByTestId('entry-id');
  }

  headField(xml: string): Locator {
    return this.page.getByLabel(zhLabel('head', xml), { exact: true });
  }

  /** A goods-line cell: an input where the cursor is, its text (a textbox to focus) everywhere else. */
  lineField(index: number, xml: string): Locator {
    return this.page
      .getByRole('row', { name: `第${index + 1}项`, exact: true })
      .getByLabel(zhLabel('lines', xml), { exact: true });
  }

  /** What a goods-line cell holds, whether it is the current cell (an input) or not (text). */
  async expectLineValue(index: number, xml: string, value: string): Promise<void> {
    await expect
      .poll(() =>
        this.lineField(index, xml).evaluate((el) =>
          // A text cell cut to its column keeps its whole value in data-value.
          el instanceof HTMLInputElement ? el.value : ((el as HTMLElement).dataset.value ?? el.textContent ?? ''),
        ),
      )
      .toBe(value);
  }

  /** Pastes `text` into a goods-line cell as the clipboard would (tabs between cells, CRLF between rows). */
  async pasteIntoLine(index: number, xml: string, text: string): Promise<void> {
    const cell = this.lineField(index, xml);
    await cell.focus();
    await cell.evaluate((el, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Types a goods-line cell's value: focusing the cell's text makes it the current cell, an input. */
  async fillLine(index: number, xml: string, value: string): Promise<void> {
    const cell = this.lineField(index, xml);
    await cell.focus();
    await cell.fill(value);
  }

  async newDeclaration(): Promise<void> {
    await this.page.getByRole('button', { name: '新建', exact: true }).click();
    await expect(this.status()).toHaveText('草稿');
  }

  async fillHead(head: Row): Promise<void> {
    for (const [xml, value] of Object.entries(head)) {
      if (xml === 'IEFlag') continue;
      await this.headField(xml).fill(value);
    }
  }

  async addLine(values: Row, index: number): Promise<void> {
    await this.page.getByRole('button', { name: '添加商品', exact: true }).click();
    for (const [xml, value] of Object.entries(values)) await this.fillLine(index, xml, value);
  }

  async waitSaved(): Promise<void> {
    await this.page.keyboard.press('Tab');
    await expect(this.page.getByRole('status').filter({ hasText: /^已保存$/ })).toBeVisible();
  }

  /** 申报, then the confirmation (the broker's default setting asks every time). */
  async declare(): Promise<void> {
    await this.page.getByRole('button', { name: '申报', exact: true }).click();
    const confirm = this.page.getByRole('dialog', { name: '确认申报' });
    await expectSeen(confirm);
    await confirm.getByRole('button', { name: '申报（Enter）' }).click();
    await expect(confirm).toBeHidden();
  }

  list(): Locator {
    return this.page.getByRole('navigation', { name: '报关单列表' });
  }

  /** A desk started with `firstRun`: the setup screen instead of the desk. */
  async openFirstRun(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: '欢迎使用 SW Desk' })).toBeVisible();
  }

  /** Opens Settings on a tab (录入员与申报单位, 数据交换中心, 备份, 数据, 签名密钥, 常规). */
  async openSettings(tab: string): Promise<Locator> {
    await this.page.getByRole('button', { name: '设置', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: '设置' });
    await dialog.getByRole('tab', { name: tab, exact: true }).click();
    return dialog;
  }

  /**
   * Opens a declaration from the list and waits for its editor (keys pressed before it mounts reach
   * no editor). Tried again until it holds: a reopened app restores the last view a moment after it
   * shows, and may replace the list just found with the editor it remembers.
   */
  async openFromList(clientSeqNo: string): Promise<void> {
    const editor = this.page.getByRole('heading', { level: 2, name: new RegExp(clientSeqNo) });
    await expect(async () => {
      if (await editor.isVisible()) return;
      if (!(await this.list().isVisible()))
        await this.page.getByRole('button', { name: '报关单列表', exact: true }).click();
      await this.list()
        .getByRole('button', { name: new RegExp(clientSeqNo) })
        .click({ timeout: 3_000 });
      await expect(editor).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
  }
}
