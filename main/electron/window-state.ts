import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

// The window opens where it was closed: size, position and whether it was maximized. A saved
// position on a screen that is no longer there (a laptop undocked) is not used: the window is
// centred on the primary screen instead, never lost off-screen.

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const defaultSize = { width: 1400, height: 900 };
const MIN = { width: 900, height: 600 };
/** How much of the title bar must be on a screen for a saved position to be used. */
const VISIBLE = { width: 120, height: 40 };

type WindowLike = Pick<
  BrowserWindow,
  'on' | 'getBounds' | 'getNormalBounds' | 'isMaximized' | 'isMinimized' | 'isDestroyed'
>;

function isRectangle(value: unknown): value is Rectangle {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((value as Record<string, unknown>)[k]))
  );
}

/** Reads the saved state; anything missing or damaged gives null (the window then opens at its default size). */
export function readWindowState(
  file: string,
  read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8'),
): WindowState | null {
  try {
    const parsed = JSON.parse(read(file)) as { bounds?: unknown; maximized?: unknown };
    if (!isRectangle(parsed.bounds)) return null;
    return { bounds: parsed.bounds, maximized: parsed.maximized === true };
  } catch {
    return null;
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The bounds to open with: the saved ones when their title bar is on one of today's screens
 * (shrunk to fit that screen), otherwise the saved (or default) size centred on the primary screen.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...defaultSize };
  const want = saved?.bounds ?? { x: 0, y: 0, ...defaultSize };
  const fit = (area: Rectangle) => ({
    width: Math.max(MIN.width, Math.min(want.width, area.width)),
    height: Math.max(MIN.height, Math.min(want.height, area.height)),
  });
  if (saved) {
    const titleBar = { x: want.x, y: want.y, width: want.width, height: VISIBLE.height };
    const home = workAreas.find((area) => {
      const o = overlap(titleBar, area);
      return o.width >= Math.min(VISIBLE.width, want.width) && o.height >= VISIBLE.height / 2;
    });
    if (home) return { bounds: { x: want.x, y: want.y, ...fit(home) }, maximized: saved.maximized };
  }
  const size = fit(primary);
  return {
    bounds: {
      x: primary.x + Math.round((primary.width - size.width) / 2),
      y: primary.y + Math.round((primary.height - size.height) / 2),
      ...size,
    },
    maximized: saved?.maximized ?? false,
  };
}

/**
 * Saves the window's state as it changes (debounced) and when it closes. The normal bounds are
 * kept while maximized, so un-maximizing after a restart returns to them; a minimized window's
 * bounds are not saved (they are meaningless).
 */
export function keepWindowState(
  window: WindowLike,
  file: string,
  options: { debounceMs?: number; write?: (file: string, text: string) => void } = {},
): { flush(): void } {
  const write =
    options.write ??
    ((target: string, text: string) => {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(`${target}.partial`, text);
      fs.renameSync(`${target}.partial`, target);
    });
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed() || window.isMinimized()) return;
    const maximized = window.isMaximized();
    const state: WindowState = { bounds: maximized ? window.getNormalBounds() : window.getBounds(), maximized };
    try {
      write(file, JSON.stringify(state));
    } catch {
      // Remembering the window is a convenience; failing to must not disturb anything.
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 500);
  };
  for (const event of ['resize', 'move'] as const) window.on(event as 'resize', later);
  for (const event of ['maximize', 'unmaximize'] as const) window.on(event as 'maximize', flush);
  window.on('close', flush);
  return { flush };
}
