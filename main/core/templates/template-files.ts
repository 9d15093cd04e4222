import { z } from 'zod';
import type { FileOutput } from '../../../shared/api';
import {
  fieldError,
  ieFlagSchema,
  isAppError,
  issuesFromZod,
  nestedParams,
  reasonedDetail,
  templateNameSchema,
  templatePartSchema,
  zodDetail,
} from '../../../shared/api';
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
    throw fieldError('contentBase64', 'templates.not-json', { file: fileName });
  }
  const result = templateFileSchema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues[0]?.path ?? [];
    const index = where[0] === 'templates' && typeof where[1] === 'number' ? where[1] : null;
    // The check's own reason, worded in the UI language inside the refusal; zod's English is for support.
    const [problem] = issuesFromZod(result.error, parsed);
    const refused = {
      file: fileName,
      field: (index === null ? where : where.slice(2)).join('.') || (index === null ? 'file' : 'template'),
      problem: problem?.code ?? 'input.invalid',
      problemParams: nestedParams(problem?.params ?? {}),
      detail: zodDetail(result.error),
    };
    if (index !== null) {
      const raw = (parsed as { templates?: Array<{ name?: unknown }> }).templates?.[index];
      const name = typeof raw?.name === 'string' ? raw.name : '';
      throw fieldError(`templates[${index}]`, 'templates.bad-template', { ...refused, index: index + 1, name });
    }
    throw fieldError('contentBase64', 'templates.not-a-templates-file', refused);
  }
  const seen = new Set<string>();
  return result.data.templates.map((t, i) => {
    const name = t.name.trim();
    if (seen.has(name))
      throw fieldError(`templates[${i}].name`, 'templates.duplicate-name', { file: fileName, index: i + 1, name });
    seen.add(name);
    try {
      applyPatch(catalog, emptyDoc(), templateOps(catalog, t.doc));
    } catch (error) {
      if (isAppError(error))
        throw fieldError(`templates[${i}].doc`, 'templates.bad-template', {
          file: fileName,
          index: i + 1,
          name,
          field: error.issues?.[0]?.path ?? 'doc',
          problem: error.reason,
          problemParams: nestedParams(error.params),
          detail: reasonedDetail(error),
        });
      throw error;
    }
    return { name, ieFlag: t.ieFlag, parts: t.parts, doc: t.doc };
  });
}
