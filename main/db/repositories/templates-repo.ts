import type { TemplateSummary } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import type { TemplatePart } from '../../../shared/libraries';
import { templateParts } from '../../../shared/libraries';
import type { Db } from '../connection';

interface TemplateRow {
  id: string;
  name: string;
  ie_flag: 'I' | 'E';
  doc: string;
  line_count: number;
  parts: string;
  created_at: string;
  updated_at: string;
}

function partsOf(text: string): TemplatePart[] {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? templateParts.filter((p) => parsed.includes(p)) : [...templateParts];
  } catch {
    return [...templateParts];
  }
}

function toSummary(row: TemplateRow): TemplateSummary {
  return {
    id: row.id,
    name: row.name,
    ieFlag: row.ie_flag,
    lineCount: row.line_count,
    parts: partsOf(row.parts),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type StoredTemplate = TemplateSummary & { doc: DeclarationDoc };

/** Templates: a declaration's document, or chosen parts of it, kept under a unique name. */
export function createTemplatesRepo(db: Db) {
  const stmt = {
    // Names differing only in Latin letter case are one name ("Export FOB", "export fob"): NOCASE folds A–Z alone.
    byName: db.prepare<[string], TemplateRow>(`SELECT * FROM templates WHERE name = ? COLLATE NOCASE`),
    byId: db.prepare<[string], TemplateRow>(`SELECT * FROM templates WHERE id = ?`),
    all: db.prepare<[], TemplateRow>(`SELECT * FROM templates ORDER BY name`),
    insert: db.prepare(
      `INSERT INTO templates (id, name, ie_flag, doc, line_count, parts, created_at, updated_at) VALUES (@id, @name, @ie_flag, @doc, @line_count, @parts, @at, @at)`,
    ),
    update: db.prepare(
      `UPDATE templates SET name = @name, ie_flag = @ie_flag, doc = @doc, line_count = @line_count, parts = @parts, updated_at = @at WHERE id = @id`,
    ),
    rename: db.prepare(`UPDATE templates SET name = @name, updated_at = @at WHERE id = @id`),
    delete: db.prepare(`DELETE FROM templates WHERE id = ?`),
  };
  const full = (row: TemplateRow): StoredTemplate => ({
    ...toSummary(row),
    doc: JSON.parse(row.doc) as DeclarationDoc,
  });
  return {
    /**
     * Saves `doc` under `name`, replacing the template of that name (in any Latin letter case) if there is one; the
     * name is kept as given.
     */
    save(input: {
      id: string;
      name: string;
      ieFlag: 'I' | 'E';
      doc: DeclarationDoc;
      parts?: readonly TemplatePart[];
      at: string;
    }): TemplateSummary {
      const existing = stmt.byName.get(input.name);
      const values = {
        name: input.name,
        ie_flag: input.ieFlag,
        doc: JSON.stringify(input.doc),
        line_count: input.doc.lines.length,
        parts: JSON.stringify(input.parts ?? templateParts),
        at: input.at,
      };
      if (existing) stmt.update.run({ ...values, id: existing.id });
      else stmt.insert.run({ ...values, id: input.id });
      const row = stmt.byId.get(existing?.id ?? input.id);
      if (!row) throw new Error(`template ${input.name} was not saved`);
      return toSummary(row);
    },
    list(): TemplateSummary[] {
      return stmt.all.all().map(toSummary);
    },
    all(): StoredTemplate[] {
      return stmt.all.all().map(full);
    },
    get(id: string): StoredTemplate | undefined {
      const row = stmt.byId.get(id);
      return row ? full(row) : undefined;
    },
    byName(name: string): TemplateSummary | undefined {
      const row = stmt.byName.get(name);
      return row ? toSummary(row) : undefined;
    },
    rename(id: string, name: string, at: string): TemplateSummary | undefined {
      stmt.rename.run({ id, name, at });
      const row = stmt.byId.get(id);
      return row ? toSummary(row) : undefined;
    },
    delete(id: string): number {
      return stmt.delete.run(id).changes;
    },
  };
}

export type TemplatesRepo = ReturnType<typeof createTemplatesRepo>;
