// The preload exposes exactly three things to the page: invoke, on and version.
// It runs sandboxed with context isolation, so the page never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';

const INVOKE_CHANNEL = 'swdesk:invoke';
const EVENT_CHANNEL = 'swdesk:event';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, name: string, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

contextBridge.exposeInMainWorld('swdesk', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  on: (event: string, listener: Listener): (() => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
  version: process.versions.electron ?? '',
});
