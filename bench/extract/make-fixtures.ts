// `npx tsx bench/extract/make-fixtures.ts`: writes the small invoice, packing list and scan that tests of reading,
// parsing and proposing use (test-support/main/fixtures/invoice-pair/). They are committed because making them needs
// Chromium, which a unit test should not start; this script makes them again, the same for the same seed.
import fs from 'node:fs';
import path from 'node:path';
import { documentHtml } from './html';
import { openRenderer } from './render';
import { clean, spoil } from './scans';
import { drawShipment } from './shipment';
import { layoutById, truthDocument, truthExtraction } from './truth';
import { fixtureDpi, fixtureLayout, fixtureLines, fixtureSeed } from './fixture-pair';

const dir = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../test-support/main/fixtures/invoice-pair',
);

async function main(): Promise<void> {
  const shipment = drawShipment(fixtureSeed, fixtureLines);
  if (shipment.commonOrigin) throw new Error('the fixture seed should give per-line origins');
  const layout = layoutById(fixtureLayout);
  const renderer = await openRenderer(fixtureDpi);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const invoice = await renderer.render(documentHtml(layout, shipment, 'invoice'), 'invoice.pdf');
    const packing = await renderer.render(documentHtml(layout, shipment, 'packing-list'), 'packing-list.pdf');
    const page = await renderer.blankPage();
    const [sheet] = invoice.pages;
    if (!sheet) throw new Error('the invoice rendered no sheet');
    const scan = await spoil(page, sheet, { ...clean, rotate: 0.6, levels: 16, seed: 7 });
    const write = (name: string, data: Uint8Array | string) => fs.writeFileSync(path.join(dir, name), data);
    write('invoice.pdf', invoice.pdf);
    write('packing-list.pdf', packing.pdf);
    write('invoice-scan.png', scan.bytes);
    write('invoice.text.json', `${JSON.stringify(invoice.text)}\n`);
    write('packing-list.text.json', `${JSON.stringify(packing.text)}\n`);
    const truth = {
      seed: fixtureSeed,
      layout: fixtureLayout,
      scan: { width: scan.width, height: scan.height, dpi: fixtureDpi, rotate: 0.6 },
      invoice: truthDocument(layout, shipment, 'invoice', 'invoice.pdf'),
      packingList: truthDocument(layout, shipment, 'packing-list', 'packing-list.pdf'),
      extraction: truthExtraction(layout, shipment),
    };
    write('truth.json', `${JSON.stringify(truth, null, 1)}\n`);
    for (const f of fs.readdirSync(dir)) console.log(f, fs.statSync(path.join(dir, f)).size, 'bytes');
  } finally {
    await renderer.close();
  }
}

await main();
