import { v7 as uuidv7 } from 'uuid';
import type { DeclarationRecord, FileOutput, TemplateSummary } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { DocumentCatalog } from '../../../shared/catalog';
import type { TemplatePart } from '../../../shared/libraries';
import { templateParts } from '../../../shared/libraries';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { TemplatesRepo } from '../../db/repositories/templates-repo';
import { pinyinInitials } from '../code-tables/pinyin';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { DeclarationService } from '../declarations/declaration-service';
import { createStarter, templateDoc } from './start-from';
import { readTemplatesFile, templatesFile } from './template-files';

export { templateDoc, templateOps } from './start-from';

/** The parts in their fixed order, each once. */
function orderedParts(parts: readonly TemplatePart[] | undefined): TemplatePart[] {
  return parts ? templateParts.filter((p) => parts.includes(p)) : [...templateParts];
}

type SaveInput = { name: string; declarationId: string; parts?: readonly TemplatePart[]; replace?: boolean };

function nameTaken(name: string): AppError {
  return new AppError('templates.name-taken', { name }, [reasonIssue('name', 'templates.name-taken', { name })]);
}

/**
 * Templates for repeat shipments: save a declaration (or chosen parts of it) under a name, find
 * them by name or pinyin initials, rename, delete, carry them between desks as files, and start
 * new declarations from them — or from a copy of any declaration.
 */
export function createTemplateService(
  ctx: CoreContext,
  deps: {
    templates: TemplatesRepo;
    declarationsRepo: DeclarationsRepo;
    declarations: DeclarationService;
    catalog: DocumentCatalog;
    /** The fields the current operator's profile fills; they win over a template's values (its defaults do not). */
    protectedPaths?: () => ReadonlySet<string>;
  },
) {
  const { templates, catalog } = deps;
  const starter = createStarter(ctx, deps);
  const changed = () => ctx.events.emit('libraries.changed', { kind: 'templates' });

  function mustGet(id: string) {
    const template = templates.get(id);
    if (!template) throw new AppError('templates.not-found', { id });
    return template;
  }

  const importAll = ctx.db.transaction((items: ReturnType<typeof readTemplatesFile>, replace: boolean) => {
    const at = isoAt(ctx.clock);
    let replaced = 0;
    for (const t of items) {
      if (templates.byName(t.name)) replaced++;
      templates.save({
        id: uuidv7(),
        name: t.name,
        ieFlag: t.ieFlag,
        parts: orderedParts(t.parts),
        doc: templateDoc(catalog, t.doc, t.parts),
        at,
      });
    }
    return { imported: items.length - (replace ? replaced : 0), replaced };
  });

  const saveOne = ctx.db.transaction((input: SaveInput) => {
    const name = input.name.trim();
    const row = deps.declarationsRepo.get(input.declarationId);
    if (!row) throw new AppError('declarations.not-found', { id: input.declarationId });
    const kept = templates.byName(name);
    if (kept && !input.replace) throw nameTaken(kept.name);
    const parts = orderedParts(input.parts);
    const doc = templateDoc(catalog, deps.declarationsRepo.loadDoc(row), parts);
    return templates.save({ id: uuidv7(), name, ieFlag: row.ieFlag, doc, parts, at: isoAt(ctx.clock) });
  });

  return {
    /** Every template by name; with `query`, those whose name holds it or whose pinyin initials start with it. */
    list(query?: string): TemplateSummary[] {
      const all = templates.list();
      const q = (query ?? '').trim();
      if (q === '') return all;
      const lower = q.toLowerCase();
      return all.filter((t) => t.name.toLowerCase().includes(lower) || pinyinInitials(t.name).startsWith(lower));
    },

    /**
     * Keeps the declaration (or its chosen parts) under a name. A name in use is refused unless `replace`: a template
     * a colleague kept under it would be lost unasked. Checked and written in one transaction, so that no save can
     * slip in between.
     */
    save(input: SaveInput): TemplateSummary {
      const saved = saveOne(input);
      changed();
      return saved;
    },

    rename(id: string, rawName: string): TemplateSummary {
      const template = mustGet(id);
      const name = rawName.trim();
      const other = templates.byName(name);
      if (other && other.id !== id) throw nameTaken(other.name);
      const renamed = templates.rename(template.id, name, isoAt(ctx.clock));
      if (!renamed) throw new AppError('templates.not-found', { id });
      changed();
      return renamed;
    },

    delete(id: string): { deleted: number } {
      const deleted = templates.delete(id);
      if (deleted > 0) changed();
      return { deleted };
    },

    createFromTemplate(templateId: string): DeclarationRecord {
      const template = mustGet(templateId);
      // By id too: the review compares a draft with its template, which may be renamed meanwhile.
      return starter.start(template.ieFlag, templateDoc(catalog, template.doc, template.parts), {
        template: template.name,
        templateId: template.id,
      });
    },

    /** A new draft from any declaration (see start-from.ts). */
    copy(id: string, keepLines: boolean): DeclarationRecord {
      return starter.copy(id, keepLines);
    },

    exportFile(ids?: readonly string[]): FileOutput {
      const chosen = ids ? ids.map(mustGet) : templates.all();
      if (chosen.length === 0)
        throw new AppError('templates.none-to-export', {}, [reasonIssue('ids', 'templates.none-to-export')]);
      return templatesFile(chosen, isoAt(ctx.clock));
    },

    /** Every template of the file checked first; names used here are refused unless `replace`. All or nothing. */
    importFile(input: { fileName: string; contentBase64: string; replace: boolean }): {
      imported: number;
      replaced: number;
      names: string[];
    } {
      const items = readTemplatesFile(catalog, input.fileName, input.contentBase64);
      if (items.length === 0)
        throw new AppError('templates.file-empty', { file: input.fileName }, [
          reasonIssue('contentBase64', 'templates.file-empty', { file: input.fileName }),
        ]);
      const taken = items.filter((t) => templates.byName(t.name)).map((t) => t.name);
      if (taken.length > 0 && !input.replace) {
        throw new AppError(
          'templates.names-taken',
          { file: input.fileName, names: taken.map((n) => `"${n}"`).join(', ') },
          taken.map((name) => reasonIssue('name', 'templates.name-exists', { name })),
        );
      }
      const result = importAll(items, input.replace);
      changed();
      return { ...result, names: items.map((t) => t.name) };
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
