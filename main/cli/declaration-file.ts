import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isAppError } from '../../shared/api';
import type { DeclarationDoc } from '../../shared/catalog';
import { declarationDocSchema, goodsDeclaration } from '../../shared/catalog';
import { readDecMessage } from '../../shared/interchange';
import { decodeXmlBytes } from '../core/interchange/decode';
import { CliError } from './io';

export interface DeclarationFile {
  ieFlag: 'I' | 'E';
  doc: DeclarationDoc;
}

type Reader = (bytes: Buffer, file: string) => DeclarationFile;

const appJson = z.union([
  z.object({ ieFlag: z.enum(['I', 'E']), doc: declarationDocSchema }).passthrough(),
  declarationDocSchema,
]);

/** The app's JSON form: `{ ieFlag, doc: { head, lines, tables } }` (resources/samples) or the bare doc. */
function readJson(bytes: Buffer, file: string): DeclarationFile {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = appJson.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      `${file} is not a declaration in the app's JSON form (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape'})`,
    );
  }
  const value = parsed.data;
  if ('doc' in value) return { ieFlag: value.ieFlag, doc: value.doc };
  const flag = value.head.IEFlag;
  if (flag !== 'I' && flag !== 'E')
    throw new CliError(`${file}: head.IEFlag must be I or E when the file is a bare document`);
  return { ieFlag: flag, doc: value };
}

/** A DecMessage file (UTF-8 or GB2312/GBK, with or without a byte-order mark); refusals name the element and line. */
function readXml(bytes: Buffer, file: string): DeclarationFile {
  try {
    const { ieFlag, doc } = readDecMessage(goodsDeclaration, decodeXmlBytes(bytes).text);
    return { ieFlag, doc };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const details = (error.issues ?? [])
      .slice(1)
      .map((i) => `\n  ${i.path}: ${i.message}`)
      .join('');
    throw new CliError(`${file}: ${error.message}${details}`);
  }
}

/** Readers by file extension: every command that takes a declaration file reads these. */
export const readers: Record<string, Reader> = { '.json': readJson, '.xml': readXml };

export function readDeclarationFile(file: string): DeclarationFile {
  const ext = path.extname(file).toLowerCase();
  const reader = readers[ext];
  if (!reader)
    throw new CliError(`${file}: unsupported file type "${ext}" (expected ${Object.keys(readers).join(', ')})`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CliError(`Cannot read ${file}: no such file`);
  }
  return reader(bytes, file);
}
