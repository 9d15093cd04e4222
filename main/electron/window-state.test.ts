import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WindowState } from './window-state';
import { defaultSize, keepWindowState, placeWindow, readWindowState } from './window-state';

// Electron cannot run on the build machines: the window is a fake with the few calls used.

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const external = { x: 1920, y: 0, width: 2560, height: 1400 };

function fakeWindow(initial: { bounds: WindowState['bounds']; maximized?: boolean; minimized?: boolean }) {
  const listeners = new Map<string, Array<() => void>>();
  const state = {
    bounds: initial.bounds,
    normal: initial.bounds,
    maximized: initial.maximized ?? false,
    minimized: initial.minimized ?? false,
  };
  return {
    state,
    emit: (event: string) => listeners.get(event)?.forEach((l) => l()),
    window: {
      on: ((event: string, listener: () => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      }) as never,
      getBounds: () => state.bounds,
      getNormalBounds: () => state.normal,
      isMaximized: () => state.maximized,
      isMinimized: () => state.minimized,
      isDestroyed: () => false,
    },
  };
}

describe('window size and position are remembered (fake window: Electron cannot run here)', () => {
  afterEach(() => vi.useRealTimers());
  it('reads a saved state, and ignores a missing or damaged file', () => {
    expect(
      readWindowState('f', () =>
        JSON.stringify({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true }),
      ),
    ).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    expect(readWindowState('f', () => '{broken')).toBeNull();
    expect(readWindowState('f', () => JSON.stringify({ bounds: { x: 'a' } }))).toBeNull();
    expect(
      readWindowState('f', () => {
        throw new Error('ENOENT');
      }),
    ).toBeNull();
  });

  it('opens where it was, on whichever screen that was', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(placeWindow(saved, [laptop, external])).toEqual(saved);
  });

  it('centres on the primary screen when the saved screen is gone, shrinking to fit it', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 2400, height: 1300 }, maximized: true };
    expect(placeWindow(saved, [laptop])).toEqual({
      bounds: { x: 0, y: 0, width: 1920, height: 1040 },
      maximized: true,
    });
  });

  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: { x: 260, y: 70, ...defaultSize }, maximized: false });
  });

  it('saves the normal bounds while maximized, skips a minimized window, and saves on close', () => {
    vi.useFakeTimers();
    const write = vi.fn();
    const fake = fakeWindow({ bounds: { x: 1, y: 2, width: 1300, height: 850 } });
    keepWindowState(fake.window, '/state.json', { write, debounceMs: 100 });
    fake.state.bounds = { x: 5, y: 6, width: 1310, height: 860 };
    fake.emit('move');
    fake.emit('resize');
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(write).toHaveBeenCalledTimes(1);
    expect(JSON.parse(write.mock.calls[0]?.[1] as string)).toEqual({
      bounds: { x: 5, y: 6, width: 1310, height: 860 },
      maximized: false,
    });

    fake.state.normal = { x: 5, y: 6, width: 1310, height: 860 };
    fake.state.bounds = { x: 0, y: 0, width: 1920, height: 1040 };
    fake.state.maximized = true;
    fake.emit('maximize');
    expect(JSON.parse(write.mock.calls[1]?.[1] as string)).toEqual({
      bounds: { x: 5, y: 6, width: 1310, height: 860 },
      maximized: true,
    });

    fake.state.minimized = true;
    fake.emit('close');
    expect(write).toHaveBeenCalledTimes(2);
  });
});
