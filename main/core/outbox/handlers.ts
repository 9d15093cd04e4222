import type { Handlers } from '../api/dispatch';
import type { createOutboxService } from './outbox-service';

/** The contract handlers of the outbox: what waits to be sent, and taking a declaration back. */
export function createOutboxHandlers(deps: {
  outbox: ReturnType<typeof createOutboxService>;
  /** The transport, told that the queue changed. */
  transport: { enqueued(): void };
}): Pick<Handlers, 'outbox.list' | 'outbox.withdraw'> {
  return {
    'outbox.list': (input) => deps.outbox.list(input),
    'outbox.withdraw': ({ declarationId }) => {
      const result = deps.outbox.withdraw(declarationId);
      deps.transport.enqueued();
      return result;
    },
  };
}
