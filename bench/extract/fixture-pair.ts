// What the committed invoice pair (test-support/main/fixtures/invoice-pair/) is made of, apart from the script that
// makes it (make-fixtures.ts runs when imported): a spec that prints the same shipment imports these.

/** Five lines, origins per line, bilingual headers and names: one pair exercises Chinese and English at once. */
export const fixtureSeed = 20_261_207;
export const fixtureLayout = 'bilingual';
export const fixtureLines = 5;
/** Scanner resolution of the committed scan: enough for OCR, small enough to commit. */
export const fixtureDpi = 150;
