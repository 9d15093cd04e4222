import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewComparisonSchema } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { reviewDifferences } from '../../../shared/review/review-diff';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, keyedDraft, templateServiceOf } from '../../../test-support/main/core-fixture';
import { createReviewsRepo } from '../../db/repositories/reviews-repo';
import { createTemplatesRepo } from '../../db/repositories/templates-repo';
import type { TemplateService } from '../templates/template-service';
import { createReviewComparison } from './review-comparison';

// What a reviewer's differences compare a declaration with, on a real SQLite file: its template wins, else the same
// customer's last earlier declaration of the same goods, else nothing.
describe('what a review compares with', () => {
  let f: CoreFixture;
  let templates: TemplateService;
  let compare: ReturnType<typeof createReviewComparison>;
  beforeEach(() => {
    f = coreFixture();
    templates = templateServiceOf(f);
    compare = createReviewComparison({
      repo: f.repo,
      reviews: createReviewsRepo(f.db),
      templates: createTemplatesRepo(f.db),
      catalog: goodsDeclaration,
    });
  });
  afterEach(() => f.close());

  const apples = { CodeTS: '0808100000', GName: '鲜苹果' };
  const pears = { CodeTS: '0808300000', GName: '鲜梨' };
  /** A keyed draft made a minute after the one before (the clock is the test's). */
  function declaration(head: Record<string, string>, lines: Array<Record<string, string>>, ieFlag: 'I' | 'E' = 'I') {
    f.clock.advance(60_000);
    return keyedDraft(f, { ieFlag, head, lines });
  }
  const comparison = (id: string) => reviewComparisonSchema.parse(compare.comparison(id));

  it('compares a draft started from a template with that template, even renamed, before any declaration', () => {
    const source = declaration({ TradeCode: '3120980001', BillNo: 'COSU1' }, [apples]);
    const saved = templates.save({ name: '鲜苹果进口', declarationId: source });
    templates.rename(saved.id, '甲公司鲜苹果');
    f.clock.advance(60_000);
    const draft = templates.createFromTemplate(saved.id);
    f.declarations.update({
      id: draft.id,
      baseRevision: draft.revision,
      ops: [{ op: 'set', path: 'head.BillNo', value: 'COSU2' }],
    });

    const found = comparison(draft.id);
    expect(found?.basis).toEqual({ kind: 'template', id: saved.id, name: '甲公司鲜苹果' });
    if (!found) throw new Error('a comparison');
    // 统一编号, 项号 and the other numbers the app gives are no difference; the bill of lading keyed over it is.
    expect(reviewDifferences(goodsDeclaration, found.base, found.current, 'zh-CN').map((d) => d.path)).toEqual([
      'head.BillNo',
    ]);
  });

  it('else takes the same customer’s last earlier declaration of the same goods, not a withdrawn one', () => {
    const customer = { TradeCode: '3120980001' };
    const older = declaration({ ...customer, BillNo: 'COSU1' }, [pears, apples]);
    const last = declaration({ ...customer, BillNo: 'COSU2' }, [apples, pears, apples]);
    declaration({ ...customer, BillNo: 'COSU3' }, [apples]); // other goods
    declaration({ TradeCode: '3120980002', BillNo: 'COSU4' }, [apples, pears]); // another customer
    declaration({ ...customer, BillNo: 'COSU5' }, [apples, pears], 'E'); // the other direction
    const withdrawn = declaration({ ...customer, BillNo: 'COSU6' }, [apples, pears]);
    const state = f.repo.getState(withdrawn);
    if (!state) throw new Error('stored');
    f.repo.setState({ ...state, workflow: 'cancelled', status: 'cancelled', updatedAt: 't' });
    const current = declaration({ ...customer, BillNo: 'COSU9' }, [pears, apples]);
    declaration({ ...customer, BillNo: 'COSU10' }, [apples, pears]); // made after it

    const found = comparison(current);
    expect(found?.basis).toMatchObject({ kind: 'declaration', id: last, clientSeqNo: f.repo.get(last)?.clientSeqNo });
    // The earliest has nothing earlier of the same customer and goods.
    expect(comparison(older)).toBeNull();
  });

  it('says there is nothing to compare with for a first declaration or one without goods codes', () => {
    expect(comparison(declaration({ TradeCode: '3120980001' }, [apples]))).toBeNull();
    declaration({ TradeCode: '3120980001' }, [{ GName: '鲜苹果' }]);
    expect(comparison(declaration({ TradeCode: '3120980001' }, [{ GName: '鲜苹果' }]))).toBeNull();
  });
});
