import type { Page } from '@playwright/test';
import { documentHtml } from '../../bench/extract/html';
import { fixtureSeed } from '../../bench/extract/fixture-pair';
import { drawShipment } from '../../bench/extract/shipment';
import { layoutById } from '../../bench/extract/truth';

/** A shipment's document as a text PDF, printed by this browser. */
export async function printed(
  page: Page,
  shipment: ReturnType<typeof drawShipment>,
  role: 'invoice' | 'packing-list',
): Promise<Buffer> {
  const maker = await page.context().newPage();
  try {
    await maker.setContent(documentHtml(layoutById('bilingual'), shipment, role), { waitUntil: 'load' });
    await maker.waitForSelector('body[data-paginated]');
    return await maker.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await maker.close();
  }
}

/**
 * The corpus's invoice of five lines as a text PDF, with line 3's amount (and so the total) one unit more than
 * quantity × price: a mistake of the customer's that the review must flag.
 */
export async function invoicePdf(page: Page): Promise<Buffer> {
  const shipment = drawShipment(fixtureSeed, 5);
  const line = shipment.lines[2];
  if (!line) throw new Error('the shipment has no line 3');
  line.amount += 100;
  shipment.totals.amount += 100;
  return printed(page, shipment, 'invoice');
}
