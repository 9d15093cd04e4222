import { v7 as uuidv7 } from 'uuid';
import type { DeclarationRecord, PatchOp, TemplateSummary } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog, Row } from '../../../shared/catalog';
import { findSection, isSingleRowTable } from '../../../shared/catalog';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { TemplatesRepo } from '../../db/repositories/templates-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { DeclarationService } from '../declarations/declaration-service';

/**
 * What a template keeps of a declaration: everything the user keyed in, nothing others fill —
 * customs' numbers (统一编号, 海关编号), the app's (项号, 客户端编号) and the signer's — and no
 * system-written block (DecSign, SddTax, DecRisk).
 */
export function templateDoc(catalog: DocumentCatalog, doc: DeclarationDoc): DeclarationDoc {
  const keep = (sectionId: string, row: Row): Row => {
    const section = findSection(catalog, sectionId);
    return Object.fromEntries(Object.entries(row).filter(([key]) => {
      const def = section?.elements.find((e) => e.xml === key);
      return def !== undefined && def.auto === undefined;
    }));
  };
  const tables: Record<string, Row[]> = {};
  for (const [id, rows] of Object.entries(doc.tables)) {
    const section = findSection(catalog, id);
    if (!section || section.filledBy === 'system') continue;
    const kept = rows.map((r) => keep(id, r));
    if (kept.length > 0) tables[id] = kept;
  }
  return { head: keep('head', doc.head), lines: doc.lines.map((r) => keep('lines', r)), tables };
}

/** The edit operations that fill an empty declaration with a template's document. */
export function templateOps(catalog: DocumentCatalog, doc: DeclarationDoc): PatchOp[] {
  const ops: PatchOp[] = Object.entries(doc.head).map(([key, value]) => ({ op: 'set', path: `head.${key}`, value }));
  for (const row of doc.lines) ops.push({ op: 'insertRow', table: 'lines', row });
  for (const [table, rows] of Object.entries(doc.tables)) {
    const section = findSection(catalog, table);
    if (!section) continue;
    if (isSingleRowTable(section)) {
      for (const [key, value] of Object.entries(rows[0] ?? {})) ops.push({ op: 'set', path: `${table}[0].${key}`, value });
    } else {
      for (const row of rows) ops.push({ op: 'insertRow', table, row });
    }
  }
  return ops;
}

/** Templates for repeat shipments: save a declaration under a name, start new declarations from it. */
export function createTemplateService(
  ctx: CoreContext,
  deps: { templates: TemplatesRepo; declarationsRepo: DeclarationsRepo; declarations: DeclarationService; catalog: DocumentCatalog },
) {
  const { templates, catalog } = deps;

  const createFrom = ctx.db.transaction((templateId: string): DeclarationRecord => {
    const template = templates.get(templateId);
    if (!template) throw new AppError('NOT_FOUND', `Template ${templateId} does not exist (it may have been deleted)`);
    const created = deps.declarations.create({ ieFlag: template.ieFlag });
    // What the new declaration was given at creation — its direction and the current operator
    // profile's company and operator fields — wins over what the template kept.
    const given = new Set([...Object.keys(created.doc.head).map((k) => `head.${k}`), ...Object.keys(created.doc.tables.sign?.[0] ?? {}).map((k) => `sign[0].${k}`)]);
    const ops = templateOps(catalog, templateDoc(catalog, template.doc)).filter((op) => !(op.op === 'set' && given.has(op.path)));
    if (ops.length > 0) deps.declarations.update({ id: created.id, baseRevision: created.revision, ops });
    return deps.declarations.get(created.id);
  });

  return {
    list(): TemplateSummary[] {
      return templates.list();
    },

    save(input: { name: string; declarationId: string }): TemplateSummary {
      const name = input.name.trim();
      const row = deps.declarationsRepo.get(input.declarationId);
      if (!row) throw new AppError('NOT_FOUND', `Declaration ${input.declarationId} does not exist (it may have been deleted)`);
      const doc = templateDoc(catalog, deps.declarationsRepo.loadDoc(row));
      return templates.save({ id: uuidv7(), name, ieFlag: row.ie_flag, doc, at: isoAt(ctx.clock) });
    },

    delete(id: string): { deleted: number } {
      return { deleted: templates.delete(id) };
    },

    createFromTemplate(templateId: string): DeclarationRecord {
      return createFrom(templateId);
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
