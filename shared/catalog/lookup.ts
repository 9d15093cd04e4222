import type { DocumentCatalog, ElementDef, SectionDef } from './types';
import type { FieldPath } from './document';

const sectionIndex = new WeakMap<DocumentCatalog, Map<string, { section: SectionDef; elements: Map<string, ElementDef> }>>();

function indexOf(catalog: DocumentCatalog) {
  let index = sectionIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const section of catalog.sections) {
      index.set(section.id, { section, elements: new Map(section.elements.map((e) => [e.xml, e])) });
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
