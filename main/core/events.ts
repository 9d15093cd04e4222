import type { EventName, EventPayload } from '../../shared/api';
import type { EventSink } from './context';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Fans core events out to whichever shell is listening (IPC windows, SSE streams). */
export function createEventHub(): EventSink & { subscribe(listener: EventListener): () => void } {
  const listeners = new Set<EventListener>();
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
