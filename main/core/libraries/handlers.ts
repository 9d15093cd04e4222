import type { Handlers } from '../api/dispatch';
import type { DefaultsService } from './defaults-service';
import type { KeyedPartyLookup } from './keyed-party';
import type { LibraryInterchange } from './library-import';
import type { PartyService } from './party-service';
import type { ProductService } from './product-service';

type LibraryMethods =
  | 'parties.search'
  | 'parties.list'
  | 'parties.save'
  | 'parties.delete'
  | 'parties.keyed'
  | 'products.search'
  | 'products.list'
  | 'products.save'
  | 'products.delete'
  | 'products.used'
  | 'libraries.preview'
  | 'libraries.import'
  | 'libraries.cancelImport'
  | 'libraries.export'
  | 'defaults.get'
  | 'defaults.update';

/** The contract handlers of the party and product libraries and the operator's defaults, for main/composition.ts. */
export function createLibraryHandlers(deps: {
  parties: PartyService;
  keyedParty: KeyedPartyLookup;
  products: ProductService;
  interchange: LibraryInterchange;
  defaults: DefaultsService;
}): Pick<Handlers, LibraryMethods> {
  const { parties, keyedParty, products, interchange, defaults } = deps;
  return {
    'parties.search': (input) => parties.search(input),
    'parties.list': (input) => parties.list(input),
    'parties.save': (input) => parties.save(input),
    'parties.delete': ({ ids }) => parties.delete(ids),
    'parties.keyed': (input) => keyedParty.find(input),
    'products.search': (input) => products.search(input),
    'products.list': (input) => products.list(input),
    'products.save': ({ id, customer, fields }) =>
      products.save({
        ...(id ? { id } : {}),
        customer,
        fields: Object.fromEntries(
          Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
        ),
      }),
    'products.delete': ({ ids }) => products.delete(ids),
    'products.used': ({ id }) => products.used(id),
    'libraries.preview': (input) => interchange.preview(input),
    'libraries.import': (input) => interchange.import(input),
    'libraries.cancelImport': ({ importId }) => interchange.cancel(importId),
    'libraries.export': ({ kind, format }) => interchange.exportFile(kind, format),
    'defaults.get': () => defaults.get(),
    'defaults.update': (input) => defaults.update(input),
  };
}
