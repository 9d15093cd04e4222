import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DeclarationDoc } from '../../shared/catalog';
import { declarationDocSchema } from '../../shared/catalog';
import { CliError } from './io';

export interface DeclarationFile {
  ieFlag: 'I' | 'E';
  doc: DeclarationDoc;
}

type Reader = (text: string, file: string) => DeclarationFile;

const appJson = z.union([
  z.object({ ieFlag: z.enum(['I', 'E']), doc: declarationDocSchema }).passthrough(),
  declarationDocSchema,
]);

/** The app's JSON form: `{ ieFlag, doc: { head, lines, tables } }` (resources/samples) or the bare doc. */
function readJson(text: string, file: string): DeclarationFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = appJson.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${file} is not a declaration in the app's JSON form (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape'})`);
  }
  const value = parsed.data;
  if ('doc' in value) return { ieFlag: value.ieFlag, doc: value.doc };
  const flag = value.head.IEFlag;
  if (flag !== 'I' && flag !== 'E') throw new CliError(`${file}: head.IEFlag must be I or E when the file is a bare document`);
  return { ieFlag: flag, doc: value };
}

/**
 * Readers by file extension. DecMessage XML joins here once its reader exists
 * (`readers['.xml'] = readDecMessage`), and every command that takes a declaration file gets it.
 */
export const readers: Record<string, Reader> = { '.json': readJson };

export function readDeclarationFile(file: string): DeclarationFile {
  const ext = path.extname(file).toLowerCase();
  const reader = readers[ext];
  if (!reader) {
    throw new CliError(ext === '.xml' ? `${file}: reading DecMessage XML is not available yet; use the app's JSON form` : `${file}: unsupported file type "${ext}" (expected ${Object.keys(readers).join(', ')})`);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`Cannot read ${file}: no such file`);
  }
  return reader(text.replace(/^\uFEFF/, ''), file);
}
