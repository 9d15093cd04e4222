import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, issuesFromZod, zodDetail } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { localizeError } from '.';

const form = z
  .object({
    name: z.string().min(1),
    code: z.string().length(10),
    note: z.string().max(4),
    count: z.number().int().gt(0),
    lines: z.array(z.string()).min(1),
    ieFlag: z.enum(['I', 'E']),
    url: z.url(),
    digits: z.string().regex(/^\d+$/),
    boxes: z.number().multipleOf(5),
    gross: z.number(),
  })
  .strict();

/** The refusal main sends for `input`, as dispatch builds it. */
function refusalOf(input: Record<string, unknown>) {
  const parsed = form.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  const detail = zodDetail(parsed.error);
  return new AppError('common.bad-input', { method: 'parties.save', detail }, issuesFromZod(parsed.error, input));
}

const input = {
  code: '123',
  note: 'too long',
  count: 0,
  lines: [],
  ieFlag: 'X',
  url: 'nope',
  digits: 'a1',
  boxes: 3,
  gross: 'heavy',
  extra: 1,
};

/** What each field of `input` is told, in Chinese and in English. */
const worded: [path: string, zh: string, en: string][] = [
  ['name', '必填，请填写', 'Required: please fill it in'],
  ['code', '须为 10 个字符', 'Exactly 10 characters'],
  ['note', '最多 4 个字符', 'At most 4 characters'],
  ['count', '须大于 0', 'Must be more than 0'],
  ['lines', '至少 1 项', 'At least 1 item'],
  ['ieFlag', '须为以下之一：I / E', 'Must be one of: I / E'],
  ['url', '不是有效的网址（URL）', 'Not a web address (URL)'],
  ['digits', '格式不符合该项的要求', 'Not in the format this field takes'],
  ['boxes', '须为 5 的倍数', 'Must be a multiple of 5'],
  ['gross', '应为数字', 'Must be a number'],
  ['(input)', '此操作不接受这些字段：extra', 'Fields this call does not take: extra'],
];

describe("zod's own checks are worded in the UI language, each naming its field by path", () => {
  it('in Chinese and English, with no zod English in either', () => {
    const error = refusalOf(input).toApiError();
    const issuesIn = (locale: Locale) =>
      Object.fromEntries((localizeError(error, locale).issues ?? []).map((i) => [i.path, i.message]));
    expect(issuesIn('zh-CN')).toEqual(Object.fromEntries(worded.map(([path, zh]) => [path, zh])));
    expect(issuesIn('en')).toEqual(Object.fromEntries(worded.map(([path, , en]) => [path, en])));
  });

  it("keeps zod's English whole in the detail, for support under 详情", () => {
    const error = refusalOf(input);
    expect(error.params.detail).toMatch(/^name: Invalid input: expected string, received undefined; code: Too small/);
    expect(JSON.stringify(error.issues)).not.toMatch(/Invalid input|Too small|Too big|Invalid option/);
  });

  it('tells an empty text from a short one, and a wrong type from a missing field', () => {
    const zh = (value: Record<string, unknown>) =>
      localizeError(refusalOf({ ...input, ...value }).toApiError(), 'zh-CN').issues?.find((i) => i.path === 'name')
        ?.message;
    expect(zh({ name: '' })).toBe('不能为空');
    expect(zh({ name: 7 })).toBe('应为文字');
  });
});
