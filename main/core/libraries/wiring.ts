import type { DocumentCatalog } from '../../../shared/catalog';
import type { CodeLookup } from '../../../shared/validation';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import { createPartiesRepo } from '../../db/repositories/parties-repo';
import { createProductsRepo } from '../../db/repositories/products-repo';
import { createProfileDefaultsRepo } from '../../db/repositories/profile-defaults-repo';
import type { CoreContext } from '../context';
import type { ProfileService } from '../profiles/profile-service';
import { createDefaultsService } from './defaults-service';
import { createLibraryHandlers } from './handlers';
import { createLibraryInterchange } from './library-import';
import { createPartyService } from './party-service';
import { createProductLearning } from './product-learning';
import { createProductService } from './product-service';

/**
 * The repeat-shipment libraries as main/composition.ts wires them: the party and product
 * libraries with their spreadsheets, learning from releases (for the receipt applier's
 * `onApplied`), and the operator's defaults (for new declarations and templates).
 */
export function createLibraries(
  ctx: CoreContext,
  deps: {
    catalog: DocumentCatalog;
    codes: () => CodeLookup;
    profiles: ProfileService;
    declarationsRepo: DeclarationsRepo;
  },
) {
  const partiesRepo = createPartiesRepo(ctx.db);
  const productsRepo = createProductsRepo(ctx.db);
  const parties = createPartyService(ctx, { repo: partiesRepo });
  const products = createProductService(ctx, { repo: productsRepo, catalog: deps.catalog, codes: deps.codes });
  const interchange = createLibraryInterchange(ctx, {
    parties: partiesRepo,
    products: productsRepo,
    catalog: deps.catalog,
    codes: deps.codes,
  });
  const defaults = createDefaultsService({
    profiles: deps.profiles,
    repo: createProfileDefaultsRepo(ctx.db),
    catalog: deps.catalog,
    codes: deps.codes,
    clock: ctx.clock,
  });
  const learning = createProductLearning(ctx, { declarations: deps.declarationsRepo, products: productsRepo });

  /** The paths the current operator's profile fills on a new declaration (they win over a template's values). */
  function protectedPaths(): ReadonlySet<string> {
    const fields = deps.profiles.declarationFields();
    if (!fields) return new Set();
    return new Set([
      ...Object.keys(fields.head).map((k) => `head.${k}`),
      ...Object.keys(fields.sign).map((k) => `sign[0].${k}`),
    ]);
  }

  return {
    handlers: createLibraryHandlers({ parties, products, interchange, defaults }),
    onApplied: learning.onApplied,
    fillDefaults: defaults.fillNew,
    protectedPaths,
  };
}
