import type { DocumentCatalog, ElementDef, SectionDef } from './types';
import type { FieldPath } from './document';

interface SectionIndex {
  section: SectionDef;
  elements: Map<string, ElementDef>;
  children: SectionDef[];
}

const sectionIndex = new WeakMap<DocumentCatalog, Map<string, SectionIndex>>();

function indexOf(catalog: DocumentCatalog): Map<string, SectionIndex> {
  let index = sectionIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const section of catalog.sections) {
      index.set(section.id, { section, elements: new Map(section.elements.map((e) => [e.xml, e])), children: [] });
    }
    for (const section of catalog.sections) {
      if (section.parent) index.get(section.parent.section)?.children.push(section);
    }
    sectionIndex.set(catalog, index);
  }
  return index;
}

export function findSection(catalog: DocumentCatalog, id: string): SectionDef | undefined {
  return indexOf(catalog).get(id)?.section;
}

export function findElement(catalog: DocumentCatalog, sectionId: string, xml: string): ElementDef | undefined {
  return indexOf(catalog).get(sectionId)?.elements.get(xml);
}

/** The element a field path names, or undefined when the catalog has no such field. */
export function elementForPath(catalog: DocumentCatalog, path: FieldPath): ElementDef | undefined {
  return findElement(catalog, path.kind === 'head' ? 'head' : path.table, path.element);
}

/** Sections written inside the records of `sectionId` (DecGoodsLimit inside DecList …), in schema order. */
export function childSections(catalog: DocumentCatalog, sectionId: string): readonly SectionDef[] {
  return indexOf(catalog).get(sectionId)?.children ?? [];
}

/** Sections written directly under the message root, in schema order. */
export function rootSections(catalog: DocumentCatalog): SectionDef[] {
  return catalog.sections.filter((s) => !s.parent);
}

/** The full XML path of a section's record from the root, e.g. `DecLists/DecList/DecGoodsLimits/DecGoodsLimit`. */
export function sectionXmlPath(catalog: DocumentCatalog, sectionId: string): string {
  const section = findSection(catalog, sectionId);
  if (!section) throw new Error(`No section "${sectionId}" in ${catalog.id}`);
  return section.parent ? `${sectionXmlPath(catalog, section.parent.section)}/${section.xml}` : section.xml;
}

/** A section kept in `doc.tables` as at most one row (DecFreeTxt, DecSign, TrnHead …). */
export function isSingleRowTable(section: SectionDef): boolean {
  return !section.repeats && section.id !== 'head';
}
