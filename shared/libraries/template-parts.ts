import type { DocumentCatalog } from '../catalog';
import { findSection } from '../catalog';

/**
 * The parts of a declaration a template may keep: the head (with its free text: 航次号, 报关员),
 * the goods lines (with what hangs on a line: licences, VINs, control elements), the containers,
 * the documents (随附单证 and 随附单据), and every other sub-table. A template of head and
 * containers starts each new declaration with those and no goods.
 */
export const templateParts = ['head', 'lines', 'containers', 'documents', 'other'] as const;
export type TemplatePart = (typeof templateParts)[number];

export const templatePartLabels: Record<TemplatePart, { zh: string; en: string }> = {
  head: { zh: '表头', en: 'Header' },
  lines: { zh: '商品', en: 'Goods lines' },
  containers: { zh: '集装箱', en: 'Containers' },
  documents: { zh: '随附单证与单据', en: 'Licences and documents' },
  other: { zh: '其他随附信息', en: 'Other attached information' },
};

/** The part a section belongs to (`head` and `lines` are the sections of those names). */
export function templatePartOf(catalog: DocumentCatalog, sectionId: string): TemplatePart {
  if (sectionId === 'head' || sectionId === 'freeText') return 'head';
  if (sectionId === 'containers') return 'containers';
  if (sectionId === 'licenceDocs' || sectionId === 'edocs') return 'documents';
  // A section nested in a goods line (at any depth) goes with the lines.
  for (let s = findSection(catalog, sectionId); s; s = s.parent ? findSection(catalog, s.parent.section) : undefined) {
    if (s.id === 'lines') return 'lines';
  }
  return 'other';
}
