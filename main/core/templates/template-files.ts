import { z } from 'zod';
import type { FileOutput } from '../../../shared/api';
import { AppError, ieFlagSchema, isAppError, templateNameSchema, templatePartSchema } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog } from '../../../shared/catalog';
import { applyPatch, declarationDocSchema, emptyDoc } from '../../../shared/catalog';
import type { TemplatePart } from '../../../shared/libraries';
import type { StoredTemplate } from '../../db/repositories/templates-repo';
import { templateOps } from './start-from';

// Templates as a file, to carry them to another desk or keep them aside: one JSON document with
// each template's name, direction, parts and document. Reading one back checks every template
// before anything is written, and names the template and field of each refusal.

const FORMAT = 'swdesk-templates';

const templateFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  templates: z
    .array(
      z.object({
        name: templateNameSchema,
        ieFlag: ieFlagSchema,
        parts: z.array(templatePartSchema).min(1).max(5),
        doc: declarationDocSchema,
      }),
    )
    .max(1000),
});

export interface TemplateFromFile {
  name: string;
  ieFlag: 'I' | 'E';
  parts: TemplatePart[];
  doc: DeclarationDoc;
}

export function templatesFile(templates: readonly StoredTemplate[], exportedAt: string): FileOutput {
  const body = {
    format: FORMAT,
    version: 1,
    exportedAt,
    templates: templates.map((t) => ({ name: t.name, ieFlag: t.ieFlag, parts: t.parts, doc: t.doc })),
  };
  const stamp = exportedAt.slice(0, 10).replace(/-/g, '');
  const fileName =
    templates.length === 1 && templates[0] ? `${templates[0].name}.swtpl.json` : `templates-${stamp}.swtpl.json`;
  return {
    fileName,
    mimeType: 'application/json',
    contentBase64: Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8').toString('base64'),
  };
}

function refuse(fileName: string, message: string, path = 'contentBase64'): never {
  throw new AppError('IMPORT_FAILED', `${fileName}: ${message}; nothing was imported`, [
    { path, code: 'bad-template-file', message },
  ]);
}

/**
 * The templates of a file, each checked (its fields exist in the catalog); a refusal names the file, template and
 * field.
 */
export function readTemplatesFile(
  catalog: DocumentCatalog,
  fileName: string,
  contentBase64: string,
): TemplateFromFile[] {
  let parsed: unknown;
  try {
    const text = Buffer.from(contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    parsed = JSON.parse(text);
  } catch {
    refuse(fileName, 'this is not a templates file (it is not JSON)');
  }
  const result = templateFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path ?? [];
    if (where[0] === 'templates' && typeof where[1] === 'number') {
      const raw = (parsed as { templates?: Array<{ name?: unknown }> }).templates?.[where[1]];
      const name = typeof raw?.name === 'string' ? ` "${raw.name}"` : '';
      refuse(
        fileName,
        `template ${where[1] + 1}${name}: ${where.slice(2).join('.') || 'template'}: ${issue?.message ?? 'not a template'}`,
        `templates[${where[1]}]`,
      );
    }
    refuse(
      fileName,
      `this is not a templates file (${where.join('.') || 'file'}: ${issue?.message ?? 'unexpected content'})`,
    );
  }
  const seen = new Set<string>();
  return result.data.templates.map((t, i) => {
    const name = t.name.trim();
    if (seen.has(name))
      refuse(
        fileName,
        `template ${i + 1} "${name}": the file holds two templates of this name`,
        `templates[${i}].name`,
      );
    seen.add(name);
    try {
      applyPatch(catalog, emptyDoc(), templateOps(catalog, t.doc));
    } catch (error) {
      if (isAppError(error)) refuse(fileName, `template ${i + 1} "${name}": ${error.message}`, `templates[${i}].doc`);
      throw error;
    }
    return { name, ieFlag: t.ieFlag, parts: t.parts, doc: t.doc };
  });
}
