import { describe, expect, it, vi } from 'vitest';
import type { SenderLike } from './ipc';
import { APP_ORIGIN, broadcast, createSenderGuard, EVENT_CHANNEL, INVOKE_CHANNEL, registerContract } from './ipc';
import { createDispatch } from '../core/api/dispatch';
import type { Handlers } from '../core/api/dispatch';
import { silentLogger } from '../logging/logger';

// Electron cannot run on the build machines, so these tests drive the IPC
// registration with fake ipcMain objects and fake events (test doubles).

function fakeIpc() {
  const handlers = new Map<string, (event: SenderLike, ...args: unknown[]) => Promise<unknown>>();
  return {
    handle: (channel: string, handler: (event: SenderLike, ...args: unknown[]) => Promise<unknown>) =>
      void handlers.set(channel, handler),
    call: (event: SenderLike, method: unknown, input: unknown) => {
      const handler = handlers.get(INVOKE_CHANNEL);
      if (!handler) throw new Error('contract not registered');
      return handler(event, method, input);
    },
  };
}

const ours = new Set([7]);
const good: SenderLike = { sender: { id: 7 }, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };

function setup() {
  const info = vi.fn(() => ({
    name: 'SW Desk',
    version: '1',
    host: 'electron' as const,
    dataDir: '/d',
    schemaVersion: 1,
  }));
  const ipc = fakeIpc();
  registerContract(
    ipc as never,
    createDispatch({ 'app.info': info } as unknown as Handlers, silentLogger),
    createSenderGuard(ours),
  );
  return { ipc, info };
}

describe('IPC contract registration (fake IPC events: Electron cannot run here)', () => {
  it('answers a call from our window on our origin', async () => {
    const { ipc, info } = setup();
    await expect(ipc.call(good, 'app.info', {})).resolves.toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(info).toHaveBeenCalledOnce();
  });

  it.each([
    ['another window', { sender: { id: 99 }, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } }],
    ['a page on another origin', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['an iframe inside our window', { sender: { id: 7 }, senderFrame: { url: `${APP_ORIGIN}/x.html`, parent: {} } }],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }],
    ['a file:// page', { sender: { id: 7 }, senderFrame: { url: 'file:///etc/passwd', parent: null } }],
  ])('refuses %s with FORBIDDEN and runs nothing', async (_name, event) => {
    const { ipc, info } = setup();
    await expect(ipc.call(event as SenderLike, 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses bad input from a trusted sender with BAD_INPUT and runs nothing', async () => {
    const { ipc, info } = setup();
    await expect(ipc.call(good, 'app.info', { unexpected: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    await expect(ipc.call(good, 'shell.exec', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(info).not.toHaveBeenCalled();
  });

  it('broadcasts only contract events, and skips destroyed windows', () => {
    const live = { send: vi.fn(), isDestroyed: () => false };
    const dead = { send: vi.fn(), isDestroyed: () => true };
    broadcast([live, dead], 'sync.status', { state: 'online' });
    broadcast([live], 'not-an-event', {});
    expect(live.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, 'sync.status', { state: 'online' });
    expect(dead.send).not.toHaveBeenCalled();
  });
});
