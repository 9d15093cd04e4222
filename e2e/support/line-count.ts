import type { Locator } from '@playwright/test';

/** How many lines the element's text takes on screen (distinct tops of its text's line boxes). */
export function lineCount(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size;
  });
}

/** The texts of the elements that take more than one line on screen. */
export function wrapped(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els
      .filter((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        return new Set(rects.map((r) => Math.round(r.top))).size > 1;
      })
      .map((el) => el.textContent ?? ''),
  );
}
