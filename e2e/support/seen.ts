import { expect, type Locator } from '@playwright/test';

/**
 * Seen, not only present. Playwright's `toBeVisible` passes for anything with a box and no
 * `visibility: hidden`: a list clipped away by an ancestor (`overflow`, paint containment,
 * `content-visibility`) or painted outside the window still counts. `expectSeen` asks what a person
 * would see, and waits (bounded, like any web-first assertion) until all of it holds:
 *
 * - in the page once, with a size, and not hidden by CSS (`display`, `visibility`, `opacity: 0`, a skipped
 *   `content-visibility` subtree: `Element.checkVisibility`);
 * - some of it inside the viewport after every clip on its containing-block chain (the browser's own
 *   IntersectionObserver geometry: overflow, `contain: paint`, `content-visibility: auto`, clip-path);
 * - hit-tested: `document.elementFromPoint` at the centre of its visible part is the element or
 *   inside it (nothing covers it). For a list option (`role="option"`) the point is the option's own
 *   centre, so the whole option must be there to be picked.
 *
 * `{ hitTest: false }` for an element that is drawn but deliberately takes no pointer events
 * (`pointer-events: none`) or sits behind a transparent overlay on purpose. The failure message says
 * what failed and names the clipping or covering element.
 */
export async function expectSeen(
  locator: Locator,
  options: { hitTest?: boolean; timeout?: number; message?: string } = {},
): Promise<void> {
  const { hitTest = true, timeout, message } = options;
  // One evaluation checks everything at one moment (a notice that comes and goes is judged while it is
  // there); polled often, so that something shown for a few seconds is caught.
  await expect
    .poll(() => sight(locator, hitTest), {
      timeout,
      intervals: [50, 100, 250],
      message: message ?? `${locator} is seen`,
    })
    .toBe('seen');
}

/** Every option of a list is seen (each one hit at its centre). Waits for at least `min` options. */
export async function expectOptionsSeen(
  list: Locator,
  options: { min?: number; timeout?: number } = {},
): Promise<void> {
  const { min = 1, timeout } = options;
  const all = list.getByRole('option');
  await expect
    .poll(() => all.count(), { timeout, message: `${list} lists at least ${min} options` })
    .toBeGreaterThanOrEqual(min);
  for (const option of await all.all()) await expectSeen(option, { timeout });
}

/** 'seen', or what a person would miss and why. */
export async function sight(locator: Locator, hitTest = true): Promise<string> {
  const count = await locator.count();
  if (count !== 1) return count === 0 ? 'not in the page' : `matches ${count} elements`;
  return locator.evaluate(inPage, hitTest);
}

/** Runs in the page: serialised by Playwright, so it uses nothing from this module's scope. */
async function inPage(el: Element, hitTest: boolean): Promise<string> {
  const describe = (node: Element): string => {
    const id = node.id ? `#${node.id}` : '';
    const cls =
      typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
    const role = node.getAttribute('role');
    return `<${node.tagName.toLowerCase()}${id}${cls}${role ? ` role=${role}` : ''}>`;
  };
  const box = el.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return `${describe(el)} has no size`;
  const shown = el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  if (!shown) return `${describe(el)} is hidden by CSS (display, visibility, opacity 0 or content-visibility)`;

  // The browser's geometry after every clip on the way to the viewport.
  const entry = await new Promise<IntersectionObserverEntry | undefined>((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      observer.disconnect();
      resolve(entries[0]);
    });
    observer.observe(el);
  });
  const part = entry?.intersectionRect;
  if (!entry || !part || !entry.isIntersecting || part.width <= 0 || part.height <= 0) {
    // Name the ancestor that cuts it off: the first clipping one on its containing-block chain whose
    // box misses the element (a fixed or absolute box escapes the clips below its containing block).
    let position = getComputedStyle(el).position;
    for (let node = el.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      const holdsFixed =
        style.transform !== 'none' ||
        style.filter !== 'none' ||
        style.perspective !== 'none' ||
        /paint|layout|strict|content/.test(style.contain) ||
        style.contentVisibility === 'auto' ||
        style.contentVisibility === 'hidden';
      if (position === 'fixed' && !holdsFixed) continue;
      if (position === 'absolute' && !holdsFixed && style.position === 'static') continue;
      position = style.position;
      const clips =
        style.overflowX !== 'visible' ||
        style.overflowY !== 'visible' ||
        /paint|strict|content/.test(style.contain) ||
        style.contentVisibility === 'auto' ||
        style.contentVisibility === 'hidden' ||
        style.clipPath !== 'none';
      if (!clips) continue;
      const r = node.getBoundingClientRect();
      if (box.right <= r.left || box.left >= r.right || box.bottom <= r.top || box.top >= r.bottom) {
        const how =
          style.contentVisibility !== 'visible'
            ? `content-visibility: ${style.contentVisibility}`
            : `overflow: ${style.overflow}, contain: ${style.contain}, clip-path: ${style.clipPath}`;
        return `${describe(el)} is clipped away by ${describe(node)} (${how})`;
      }
    }
    const at = `(${Math.round(box.left)},${Math.round(box.top)}) in a ${innerWidth}×${innerHeight} window`;
    return `${describe(el)} is outside the viewport or clipped away: nothing of it is painted ${at}`;
  }
  if (!hitTest) return 'seen';

  const isOption = el.getAttribute('role') === 'option';
  const x = isOption ? box.left + box.width / 2 : part.left + part.width / 2;
  const y = isOption ? box.top + box.height / 2 : part.top + part.height / 2;
  const hit = document.elementFromPoint(x, y);
  if (hit && (hit === el || el.contains(hit))) return 'seen';
  // Behind a modal dialog, outside its box: the point hits the dialog's ::backdrop. A light backdrop
  // (the browser's own is 10 % black) leaves what is behind it readable: seen, though not reachable.
  if (hit instanceof HTMLDialogElement && hit.matches(':modal') && !hit.contains(el)) {
    const r = hit.getBoundingClientRect();
    const onBackdrop = x < r.left || x > r.right || y < r.top || y > r.bottom;
    const backdrop = getComputedStyle(hit, '::backdrop');
    const alpha = /rgba?\(([^)]*)\)/.exec(backdrop.backgroundColor)?.[1]?.split(',')[3];
    const light = (alpha === undefined ? 1 : Number(alpha)) <= 0.5 && backdrop.backdropFilter === 'none';
    if (onBackdrop && (light || backdrop.backgroundColor === 'transparent')) return 'seen';
    if (onBackdrop) return `${describe(el)} is behind the backdrop of ${describe(hit)} (${backdrop.backgroundColor})`;
  }
  let cover = 'nothing';
  if (hit) {
    cover = describe(hit);
    for (let node: Element | null = hit; node; node = node.parentElement) {
      if (node.getAttribute('role') || node.id || node.tagName === 'DIALOG' || node.tagName === 'SECTION') {
        if (node !== hit) cover += ` in ${describe(node)}`;
        break;
      }
    }
  }
  return `${describe(el)} is not what is at its ${isOption ? 'centre' : 'visible centre'} (${Math.round(x)},${Math.round(y)}): ${cover} is`;
}
