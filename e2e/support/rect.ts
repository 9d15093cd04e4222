import type { Locator } from '@playwright/test';

/** Where an element is laid out on the page; fails plainly when it has no box. */
export async function rect(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box;
}
