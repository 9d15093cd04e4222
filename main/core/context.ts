import type { EventName, EventPayload } from '../../shared/api';
import type { Db } from '../db/connection';
import type { Logger } from '../logging/logger';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function isoAt(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

/** Where core services publish events for the shells to push to the renderer. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface CoreContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  events: EventSink;
  /** Who is acting, recorded in revisions (the operator profile; 'local' until profiles exist). */
  actor(): string;
}
