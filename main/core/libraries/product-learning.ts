import type { Row } from '../../../shared/catalog';
import { productFromLine } from '../../../shared/libraries';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import { createProductLearningRepo } from '../../db/repositories/product-learning-repo';
import type { ProductsRepo } from '../../db/repositories/products-repo';
import { pinyinInitials } from '../code-tables/pinyin';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { AppliedReceipt } from '../sync/receipts';
import { upsertProduct } from './product-service';

/** The channel of 海关已放行 (DOMAIN.md §2.1). */
const RELEASED = 'P';

/**
 * The product library learns from what customs released, as brokers' classification libraries
 * do (odoo fills its 商品归类 on CHANNEL P, DOMAIN.md §4): each goods line of a released
 * declaration adds its product, or updates the product with the same key (part number, else HS
 * code + name + 申报要素), marked as learned from that declaration.
 *
 * It runs inside the receipt applier's transaction (see receipts.ts `onApplied`), in a savepoint
 * of its own: a failure here is logged and undone alone, never holding receipts back. A ledger
 * row per released submission makes it exactly once, however often the P receipt arrives
 * (the hub and the e-port client may both deliver it).
 */
export function createProductLearning(
  ctx: CoreContext,
  deps: { declarations: DeclarationsRepo; products: ProductsRepo },
) {
  const ledger = createProductLearningRepo(ctx.db);

  const learnOne = ctx.db.transaction((declarationId: string, submissionId: string): number => {
    const row = deps.declarations.get(declarationId);
    if (!row) return 0;
    const at = isoAt(ctx.clock);
    if (!ledger.claim(declarationId, submissionId, at)) return 0;
    const doc = deps.declarations.loadDoc(row);
    const head: Row = doc.head;
    const customer = head.TradeCode || head.TradeName || '';
    const from = row.entryId ?? row.clientSeqNo;
    let learned = 0;
    for (const line of doc.lines) {
      const product = productFromLine(line, row.ieFlag, customer);
      if (!product.fields.CodeTS || !product.fields.GName) continue;
      upsertProduct(
        deps.products,
        { input: product, initials: pinyinInitials(product.fields.GName), learned: { from, at } },
        at,
      );
      learned++;
    }
    ledger.recordCount(declarationId, submissionId, learned);
    return learned;
  });

  return {
    /** For the receipt applier: learns from each declaration a fresh CHANNEL P receipt released. */
    onApplied(applied: readonly AppliedReceipt[]): void {
      let learned = 0;
      for (const a of applied) {
        if (!a.fresh || a.channel !== RELEASED || !a.declarationId) continue;
        try {
          learned += learnOne(a.declarationId, a.submissionId);
        } catch (error) {
          ctx.logger.warn('product library could not learn from a release', {
            declarationId: a.declarationId,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      if (learned > 0) ctx.events.emit('libraries.changed', { kind: 'products' });
    },
  };
}

export type ProductLearning = ReturnType<typeof createProductLearning>;
