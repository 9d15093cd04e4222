import { afterEach, expect, it } from 'vitest';
import { receiptsResponseSchema, type Receipt } from '../../shared/protocol';
import { chinaDate } from '../../shared/validation/china-date';
import { samplePayload } from '../../test-support/hub/fixtures';
import { startTestHub, type TestHub } from '../../test-support/hub/in-process';
import { submission } from '../../test-support/hub/test-client';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
});

it('sends the 税费单 of an import on a T 需交税费 receipt before the release, from the tariff and 计征汇率 the hub serves', async () => {
  t = await startTestHub();
  const client = await t.enroll();
  const today = chinaDate(Date.now());
  const month = `${today.slice(0, 4)}-${today.slice(4, 6)}`;
  await t.store.importCodeTable({
    tableId: 'exchange-rates',
    columns: ['code', 'name_zh', 'rate', 'month'],
    rows: [{ code: 'USD', name_zh: '美元', rate: '7.1', month }],
    sha256: 'x'.repeat(64),
    source: 'test',
    importedAt: new Date().toISOString(),
  });
  const sent = await t.call(client, 'POST', '/v1/submissions', {
    submissions: [submission(client.key, samplePayload())],
  });
  expect(sent.statusCode, sent.body).toBe(200);
  const all: Receipt[] = [];
  let cursor = '';
  while (all.length < 4) {
    const page = await t.call(client, 'GET', `/v1/receipts?after=${encodeURIComponent(cursor)}&wait=5`);
    const parsed = receiptsResponseSchema.parse(page.json());
    all.push(...parsed.receipts);
    cursor = parsed.cursor;
  }
  expect(all.map((r) => [r.channel, r.taxBill !== undefined])).toEqual([
    ['7', false],
    ['L', false],
    ['T', true],
    ['P', false],
  ]);
  const bill = all[2]?.taxBill;
  // The built-in tariff's 0808100000 (MFN 10 %, VAT 9 %): USD 1500 × 7.1 = 10650.00 → 1065.00 and 1054.35.
  expect(bill?.lines.map((l) => [l.duty.amount, l.duty.rate?.row, l.vat.amount])).toEqual([
    ['1065.00', '0808100000', '1054.35'],
  ]);
  expect(bill?.lines[0]?.goods.rate?.source).toMatchObject({ table: 'exchange-rates', version: '1' });
  expect(bill?.date).toBe(`${month}-${today.slice(6)}`);
});
