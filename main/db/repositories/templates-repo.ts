import type { TemplateSummary } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import type { Db } from '../connection';

interface TemplateRow {
  id: string;
  name: string;
  ie_flag: 'I' | 'E';
  doc: string;
  line_count: number;
  created_at: string;
  updated_at: string;
}

function toSummary(row: TemplateRow): TemplateSummary {
  return { id: row.id, name: row.name, ieFlag: row.ie_flag, lineCount: row.line_count, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Templates: a declaration's document kept under a unique name. */
export function createTemplatesRepo(db: Db) {
  const stmt = {
    byName: db.prepare<[string], TemplateRow>(`SELECT * FROM templates WHERE name = ?`),
    byId: db.prepare<[string], TemplateRow>(`SELECT * FROM templates WHERE id = ?`),
    all: db.prepare<[], TemplateRow>(`SELECT * FROM templates ORDER BY name`),
    insert: db.prepare(`INSERT INTO templates (id, name, ie_flag, doc, line_count, created_at, updated_at) VALUES (@id, @name, @ie_flag, @doc, @line_count, @at, @at)`),
    update: db.prepare(`UPDATE templates SET ie_flag = @ie_flag, doc = @doc, line_count = @line_count, updated_at = @at WHERE id = @id`),
    delete: db.prepare(`DELETE FROM templates WHERE id = ?`),
  };
  return {
    /** Saves `doc` under `name`, replacing the template of that name if there is one. */
    save(input: { id: string; name: string; ieFlag: 'I' | 'E'; doc: DeclarationDoc; at: string }): TemplateSummary {
      const existing = stmt.byName.get(input.name);
      const values = { name: input.name, ie_flag: input.ieFlag, doc: JSON.stringify(input.doc), line_count: input.doc.lines.length, at: input.at };
      if (existing) stmt.update.run({ ...values, id: existing.id });
      else stmt.insert.run({ ...values, id: input.id });
      const row = stmt.byId.get(existing?.id ?? input.id);
      if (!row) throw new Error(`template ${input.name} was not saved`);
      return toSummary(row);
    },
    list(): TemplateSummary[] {
      return stmt.all.all().map(toSummary);
    },
    get(id: string): (TemplateSummary & { doc: DeclarationDoc }) | undefined {
      const row = stmt.byId.get(id);
      return row ? { ...toSummary(row), doc: JSON.parse(row.doc) as DeclarationDoc } : undefined;
    },
    delete(id: string): number {
      return stmt.delete.run(id).changes;
    },
  };
}

export type TemplatesRepo = ReturnType<typeof createTemplatesRepo>;
