import type { ReviewComparison } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { DocumentCatalog } from '../../../shared/catalog';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { ReviewsRepo } from '../../db/repositories/reviews-repo';
import type { TemplatesRepo } from '../../db/repositories/templates-repo';
import { templateDoc } from '../templates/start-from';

/**
 * What a reviewer compares a declaration with, first of: the template it was started from (as that template is now),
 * the same customer's last earlier declaration of the same goods, nothing. Both documents are cut as a template
 * keeps one (templateDoc: what was keyed, the template's parts), so that 统一编号, 项号 and other numbers customs or
 * the app gives are never listed as differences, nor a part the template does not hold.
 */
export function createReviewComparison(deps: {
  repo: DeclarationsRepo;
  reviews: ReviewsRepo;
  templates: TemplatesRepo;
  catalog: DocumentCatalog;
}) {
  const { repo, reviews, templates, catalog } = deps;
  return {
    comparison(id: string): ReviewComparison {
      const row = repo.get(id);
      if (!row) throw new AppError('declarations.not-found', { id });
      const doc = repo.loadDoc(row);
      const templateId = reviews.templateOf(id);
      const template = templateId === undefined ? undefined : templates.get(templateId);
      if (template)
        return {
          basis: { kind: 'template', id: template.id, name: template.name },
          base: templateDoc(catalog, template.doc, template.parts),
          current: templateDoc(catalog, doc, template.parts),
        };
      const lastId = reviews.lastOfCustomer(id);
      const last = lastId === undefined ? undefined : repo.get(lastId);
      if (!last) return null;
      return {
        basis: {
          kind: 'declaration',
          id: last.id,
          clientSeqNo: last.clientSeqNo,
          entryId: last.entryId,
          at: last.declaredAt ?? last.createdAt,
        },
        base: templateDoc(catalog, repo.loadDoc(last)),
        current: templateDoc(catalog, doc),
      };
    },
  };
}
