import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api';
import { AppError, unpackParams } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { localizeError } from '../../../renderer/i18n/reasons';
import { readTemplatesFile, templatesFile } from './template-files';

// The renderer's wording is imported (tests assemble whole apps): what a broker reads of a refused templates file.

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

describe('a refused templates file names the template and field, and words why in the UI language', () => {
  it('reads back what it wrote', () => {
    const written = templatesFile([{ ...good, id: 't1' } as never], '2026-12-07T09:00:00Z');
    expect(readTemplatesFile(goodsDeclaration, written.fileName, written.contentBase64)).toHaveLength(1);
  });

  it('a template whose parts break a check of the file', () => {
    const error = refusal(file([good, { ...good, name: '坏的', parts: [] }]));
    expect(error.reason).toBe('templates.bad-template');
    expect(error.params).toMatchObject({ index: 2, name: '坏的', field: 'parts', problem: 'input.too-small' });
    expect(localizeError(error, 'zh-CN').message).toBe(
      'bad.swtpl.json：第 2 个模板 "坏的"：parts：至少 1 项；未导入任何内容',
    );
    expect(localizeError(error, 'en').message).toBe(
      'bad.swtpl.json: template 2 "坏的": parts: Must have at least 1 item(s); nothing was imported',
    );
    // zod's English is kept for support only.
    expect(error.params?.detail).toContain('Too small');
    expect(localizeError(error, 'zh-CN').message).not.toContain('Too small');
  });

  it('a template whose document names a field the declaration does not have: the inner reason worded in turn', () => {
    const error = refusal(file([{ ...good, name: '坏的', doc: { ...good.doc, head: { NoSuchField: 'x' } } }]));
    expect(error.params).toMatchObject({ field: 'head.NoSuchField', problem: 'declarations.bad-edit' });
    // The reason carried inside, as the template's document was refused for it.
    const inner = {
      code: 'BAD_INPUT',
      message: '',
      reason: 'declarations.bad-edit',
      params: unpackParams(error.params?.problemParams ?? ''),
    };
    expect(inner.params).toEqual({ detail: 'There is no field "NoSuchField" in head' });
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(localizeError(error, locale).message).toContain(
        `NoSuchField${locale === 'en' ? ': ' : '：'}${localizeError(inner, locale).message}`,
      );
    }
    expect(localizeError(error, 'zh-CN').message).toMatch(
      /^bad\.swtpl\.json：第 1 个模板 "坏的"：head\.NoSuchField：.*；未导入任何内容$/,
    );
    expect(error.params?.detail).toBe(
      new AppError('declarations.bad-edit', { detail: 'There is no field "NoSuchField" in head' }).message,
    );
  });

  it('a file that is not a templates file', () => {
    const error = refusal({ format: 'something-else', version: 1, templates: [] });
    expect(error.reason).toBe('templates.not-a-templates-file');
    expect(localizeError(error, 'zh-CN').message).toBe(
      'bad.swtpl.json：不是模板文件（format：须为以下之一：swdesk-templates），未导入任何内容',
    );
    expect(localizeError(error, 'en').message).toBe(
      'bad.swtpl.json: this is not a templates file (format: Must be one of: swdesk-templates); nothing was imported',
    );
  });
});
