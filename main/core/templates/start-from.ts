import type { DeclarationRecord, PatchOp } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog, Row } from '../../../shared/catalog';
import { findSection, isSingleRowTable, parseFieldPath, readField } from '../../../shared/catalog';
import type { TemplatePart } from '../../../shared/libraries';
import { templatePartOf, templateParts } from '../../../shared/libraries';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { CoreContext } from '../context';
import type { DeclarationService } from '../declarations/declaration-service';

/**
 * What a template or a copy keeps of a declaration: everything the user keyed in, in the parts
 * chosen, nothing others fill — customs' numbers (统一编号, 海关编号, 预录入编号), the app's (项号,
 * 客户端编号) and the signer's — and no system-written block (DecSign, SddTax, DecRisk).
 */
export function templateDoc(
  catalog: DocumentCatalog,
  doc: DeclarationDoc,
  parts: readonly TemplatePart[] = templateParts,
): DeclarationDoc {
  const keep = (sectionId: string, row: Row): Row => {
    const section = findSection(catalog, sectionId);
    return Object.fromEntries(
      Object.entries(row).filter(([key]) => {
        const def = section?.elements.find((e) => e.xml === key);
        return def !== undefined && def.auto === undefined;
      }),
    );
  };
  const wanted = new Set(parts);
  const tables: Record<string, Row[]> = {};
  for (const [id, rows] of Object.entries(doc.tables)) {
    const section = findSection(catalog, id);
    if (!section || section.filledBy === 'system' || !wanted.has(templatePartOf(catalog, id))) continue;
    const kept = rows.map((r) => keep(id, r));
    if (kept.length > 0) tables[id] = kept;
  }
  return {
    head: wanted.has('head') ? keep('head', doc.head) : {},
    lines: wanted.has('lines') ? doc.lines.map((r) => keep('lines', r)) : [],
    tables,
  };
}

/** The edit operations that fill an empty declaration with a template's document. */
export function templateOps(catalog: DocumentCatalog, doc: DeclarationDoc): PatchOp[] {
  const ops: PatchOp[] = Object.entries(doc.head).map(([key, value]) => ({ op: 'set', path: `head.${key}`, value }));
  for (const row of doc.lines) ops.push({ op: 'insertRow', table: 'lines', row });
  for (const [table, rows] of Object.entries(doc.tables)) {
    const section = findSection(catalog, table);
    if (!section) continue;
    if (isSingleRowTable(section)) {
      for (const [key, value] of Object.entries(rows[0] ?? {}))
        ops.push({ op: 'set', path: `${table}[0].${key}`, value });
    } else {
      for (const row of rows) ops.push({ op: 'insertRow', table, row });
    }
  }
  return ops;
}

/**
 * One shipment's own fields: a template or a copy brings the earlier shipment's values, which the editor warns of until
 * the broker changes them (the first revision records them beside where the declaration came from).
 */
export const shipmentPaths = ['head.BillNo', 'head.IEDate', 'freeText[0].VoyNo'] as const;

function carriedValues(doc: DeclarationDoc): Record<string, string> {
  const values: Record<string, string> = {};
  for (const path of shipmentPaths) {
    const parsed = parseFieldPath(path);
    const value = parsed ? readField(doc, parsed) : '';
    if (value !== '') values[path] = value;
  }
  return values;
}

/**
 * Starting a declaration from another document — a template or a copy — in one transaction: a
 * new draft (its own 客户端编号, the operator's defaults and profile fields), then the document's
 * values over it. The current operator's profile fields (`protectedPaths`) and the direction win
 * over the document; the operator's defaults do not (a template is more particular than a
 * default). Without `protectedPaths` everything given at creation wins.
 */
export function createStarter(
  ctx: CoreContext,
  deps: {
    declarations: DeclarationService;
    declarationsRepo: DeclarationsRepo;
    catalog: DocumentCatalog;
    protectedPaths?: () => ReadonlySet<string>;
  },
) {
  const { catalog } = deps;

  const start = ctx.db.transaction(
    (ieFlag: 'I' | 'E', doc: DeclarationDoc, origin: Record<string, string>): DeclarationRecord => {
      const carried = carriedValues(doc);
      const created = deps.declarations.create(
        { ieFlag },
        Object.keys(carried).length > 0 ? { ...origin, carried } : origin,
      );
      const given = deps.protectedPaths
        ? new Set([...deps.protectedPaths(), 'head.IEFlag'])
        : new Set([
            ...Object.keys(created.doc.head).map((k) => `head.${k}`),
            ...Object.keys(created.doc.tables.sign?.[0] ?? {}).map((k) => `sign[0].${k}`),
          ]);
      const ops = templateOps(catalog, doc).filter((op) => !(op.op === 'set' && given.has(op.path)));
      if (ops.length > 0) deps.declarations.update({ id: created.id, baseRevision: created.revision, ops });
      return deps.declarations.get(created.id);
    },
  );

  return {
    start(ieFlag: 'I' | 'E', doc: DeclarationDoc, origin: Record<string, string>): DeclarationRecord {
      return start(ieFlag, doc, origin);
    },

    /** A new draft from any declaration, whatever its status, with or without its goods lines. */
    copy(id: string, keepLines: boolean): DeclarationRecord {
      const row = deps.declarationsRepo.get(id);
      if (!row) throw new AppError('declarations.not-found', { id });
      const parts = templateParts.filter((p) => keepLines || p !== 'lines');
      const doc = templateDoc(catalog, deps.declarationsRepo.loadDoc(row), parts);
      return start(row.ieFlag, doc, {
        copiedFrom: row.clientSeqNo,
        ...(row.entryId ? { copiedEntryId: row.entryId } : {}),
      });
    },
  };
}

export type Starter = ReturnType<typeof createStarter>;
