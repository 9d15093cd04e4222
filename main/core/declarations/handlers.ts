import type { Handlers } from '../api/dispatch';
import type { DeclarationService } from './declaration-service';
import type { createDeclareAction } from './declare';

type DeclarationMethods =
  | 'declarations.list'
  | 'declarations.get'
  | 'declarations.create'
  | 'declarations.update'
  | 'declarations.delete'
  | 'declarations.declare'
  | 'declarations.receipts'
  | 'declarations.timeline'
  | 'declarations.withBillNo';

/** The contract handlers of declarations: the list, one declaration's life, declaring it. */
export function createDeclarationHandlers(deps: {
  declarations: DeclarationService;
  declare: ReturnType<typeof createDeclareAction>;
}): Pick<Handlers, DeclarationMethods> {
  const { declarations, declare } = deps;
  return {
    'declarations.list': (input) => declarations.list(input),
    'declarations.get': ({ id }) => declarations.get(id),
    'declarations.create': (input) => declarations.create(input),
    'declarations.update': (input) => declarations.update(input),
    'declarations.delete': ({ ids }) => declarations.delete(ids),
    'declarations.declare': ({ id }) => declare(id),
    'declarations.receipts': ({ id }) => declarations.receipts(id),
    'declarations.timeline': ({ id }) => declarations.timeline(id),
    'declarations.withBillNo': (input) => declarations.withBillNo(input),
  };
}
