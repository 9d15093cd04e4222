import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api';
import { AppError, unpackParams } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { templateWithoutParts } from '../../../test-support/shared/template-refusals';
import { readTemplatesFile, templatesFile } from './template-files';

// What a refused templates file carries across the contract: the template, the field and the reason it was refused
// for, whole, so the renderer words it (renderer/i18n/reasons/file-problems.test.ts words these same parameters).

const good = {
  name: '鲜果进口',
  ieFlag: 'I',
  parts: ['head'],
  doc: { head: { TradeMode: '0110' }, lines: [], tables: {} },
};

function refusal(body: unknown): ApiError {
  const contentBase64 = Buffer.from(JSON.stringify(body)).toString('base64');
  try {
    readTemplatesFile(goodsDeclaration, 'bad.swtpl.json', contentBase64);
  } catch (error) {
    if (error instanceof AppError) return error.toApiError();
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const file = (templates: unknown[]) => ({ format: 'swdesk-templates', version: 1, templates });

describe('a refused templates file names the template and field, and carries why as a reason', () => {
  it('reads back what it wrote', () => {
    const written = templatesFile([{ ...good, id: 't1' } as never], '2026-12-07T09:00:00Z');
    expect(readTemplatesFile(goodsDeclaration, written.fileName, written.contentBase64)).toHaveLength(1);
  });

  it("a template whose parts break a check of the file: zod's check as its reason, zod's English only the detail", () => {
    const error = refusal(file([good, { ...good, name: '坏的', parts: [] }]));
    expect(error.reason).toBe('templates.bad-template');
    expect(error.params).toMatchObject(templateWithoutParts);
    expect(error.message).toBe('bad.swtpl.json: template 2 "坏的": parts: At least 1 item; nothing was imported');
    expect(error.params?.detail).toMatch(/^templates\[1\]\.parts: Too small/);
  });

  it("a template whose document names a field the declaration does not have: the inner refusal's reason, whole", () => {
    const error = refusal(file([{ ...good, name: '坏的', doc: { ...good.doc, head: { NoSuchField: 'x' } } }]));
    expect(error.params).toMatchObject({ index: 1, field: 'head.NoSuchField', problem: 'declarations.bad-edit' });
    const inner = new AppError('declarations.bad-edit', unpackParams(error.params?.problemParams ?? '') as never);
    expect(inner.params).toEqual({ detail: 'There is no field "NoSuchField" in head' });
    expect(error.message).toBe(
      `bad.swtpl.json: template 1 "坏的": head.NoSuchField: ${inner.message}; nothing was imported`,
    );
    // Support reads the inner refusal's sentence and its own words, which that sentence leaves out.
    expect(error.params?.detail).toBe(`${inner.message}: There is no field "NoSuchField" in head`);
  });

  it('a file that is not a templates file', () => {
    const error = refusal({ format: 'something-else', version: 1, templates: [] });
    expect(error.reason).toBe('templates.not-a-templates-file');
    expect(error.params).toMatchObject({
      field: 'format',
      problem: 'input.not-one-of',
      problemParams: '{"values":"swdesk-templates"}',
    });
    expect(error.message).toBe(
      'bad.swtpl.json: this is not a templates file (format: Must be one of: swdesk-templates); nothing was imported',
    );
  });
});
