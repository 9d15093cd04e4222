import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api';
import {
  AppError,
  causeInEnglish,
  causeKinds,
  hubUrlSchema,
  issuesFromZod,
  reasonIssue,
  reasons,
} from '../../../shared/api';
import { causeInChinese } from './causes-zh';
import { issueText, localizeError, reasonText, zhReasons } from '.';

const han = /\p{Script=Han}/u;

/**
 * Reasons whose two texts are written by shared code that already speaks both languages (the product
 * checks' report rows) and travel as parameters: each language must still read its own parameter.
 */
const textsInParams: Record<string, { zh: string; en: string }> = {
  'libraries.product-problem': { zh: 'zh', en: 'en' },
};

/** Parameters that answer any name with a marker, and remember which names a text read. */
function recordingParams(): { params: never; read: Set<string> } {
  const read = new Set<string>();
  const params = new Proxy(
    {},
    {
      get: (_target, name) => {
        if (typeof name !== 'string') return undefined;
        read.add(name);
        return `‹${name}›`;
      },
    },
  );
  return { params: params as never, read };
}

function render(locale: 'zh-CN' | 'en', key: string): { text: string; read: Set<string> } {
  const { params, read } = recordingParams();
  const text = reasonText(locale, key, params);
  if (text === null) throw new Error(`${key} is not registered`);
  return { text, read };
}

describe('reasons in both languages', () => {
  const keys = Object.keys(reasons);

  it('has a Chinese text for exactly the registered reasons', () => {
    expect(keys.length).toBeGreaterThan(0);
    expect(Object.keys(zhReasons).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s reads in Chinese and English with every parameter the English names', (key) => {
    const zh = render('zh-CN', key);
    const en = render('en', key);
    for (const [locale, { text }] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
      expect(text, `${locale} ${key}`).not.toMatch(/undefined|NaN|\[object /);
    }
    const own = textsInParams[key];
    if (own) {
      expect([...zh.read], key).toEqual([own.zh]);
      expect([...en.read], key).toEqual([own.en]);
      return;
    }
    // Chinese is translated: Chinese characters outside the parameters' values.
    expect(zh.text.replace(/‹[^›]*›/g, ''), key).toMatch(han);
    // English carries no Chinese of its own (parameters such as names may).
    expect(en.text.replace(/‹[^›]*›/g, ''), key).not.toMatch(han);
    // Nothing the English says is lost in Chinese.
    expect(
      [...en.read].filter((name) => !zh.read.has(name)),
      key,
    ).toEqual([]);
  });
});

/**
 * Reasons whose worded sentence still carries the program's own `detail` (English from a library, the OS or another
 * reason) while they are reworded: each leaves this list when its sentence names the cause in the UI language
 * (a `cause` kind from shared/api/failure-cause.ts, or words of its own) and the detail is only folded under 详情.
 */
describe("the program's own words stay out of the broker's sentence", () => {
  const keys = Object.keys(reasons);

  it.each(keys)('%s does not put its raw detail into the worded sentence', (key) => {
    const inline = ['zh-CN', 'en'].some((locale) => render(locale as 'zh-CN', key).text.includes('‹detail›'));
    expect(inline, `${key}: its detail belongs under 详情 only`).toBe(false);
  });

  it('words every kind of cause in both languages', () => {
    for (const kind of causeKinds) {
      expect(causeInChinese(kind), kind).toMatch(han);
      expect(causeInEnglish(kind), kind).not.toMatch(han);
    }
    expect(new Set(causeKinds.map((k) => causeInChinese(k))).size).toBe(causeKinds.length);
    expect(new Set(causeKinds.map((k) => causeInEnglish(k))).size).toBe(causeKinds.length);
    // A kind a newer main sends that this renderer does not know reads as the unknown kind, never as nothing.
    expect(causeInChinese('quantum-tunnelling')).toBe('意外错误');
    expect(causeInEnglish(undefined)).toBe('an unexpected error');
  });
});

describe('errors across the contract', () => {
  it('carry the reason and its parameters, with the English text as the message', () => {
    const error = new AppError('common.unknown-method', { method: 'declarations.frob' });
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(error.message).toBe('There is no method "declarations.frob"');
    expect(error.toApiError()).toEqual({
      code: 'UNKNOWN_METHOD',
      message: 'There is no method "declarations.frob"',
      reason: 'common.unknown-method',
      params: { method: 'declarations.frob' },
    });
  });

  it('are shown in the UI language, issues too', () => {
    const error = new AppError('common.bad-input', { method: 'parties.save', detail: 'x' }, [
      reasonIssue('nameZh', 'common.unknown-method', { method: 'm' }),
      { path: 'head.TradeMode', code: 'required', message: 'TradeMode: required', params: {} },
      { path: 'x', code: 'too_small', message: 'Too small' },
    ]).toApiError();
    const zh = localizeError(error, 'zh-CN');
    // The issues' joined English (`detail`) is for support: under 详情, never in the sentence.
    expect(zh.message).toBe('parties.save 的输入不正确，未执行任何操作');
    expect(zh.issues?.map((i) => i.message)).toEqual([
      '没有名为 "m" 的操作（程序版本不一致？请重新启动 SW Desk）',
      '监管方式：必填，请填写',
      'Too small',
    ]);
    expect(localizeError(error, 'en').issues?.[1]?.message).toBe('Supervision mode: required — please fill it in');
  });

  // A notice gives a refusal's problems after a dash on the same line (failureLine), so a sentence that said they
  // were "listed below" pointed at nothing; English counts one problem in the singular.
  it.each([
    ['xml.cannot-import', {}],
    ['xml.cannot-write', {}],
    ['codetables.not-imported', { file: 'units.csv', table: 'units' }],
  ])('%s counts its problems and points at no list below', (key, params) => {
    for (const count of [1, 2]) {
      const zh = reasonText('zh-CN', key, { ...params, count }) ?? '';
      const en = reasonText('en', key, { ...params, count }) ?? '';
      expect(zh).toContain(`有 ${count} 处问题`);
      expect(zh).not.toMatch(/下面|下列/);
      expect(en).toContain(count === 1 ? '1 problem' : '2 problems');
      expect(en).not.toMatch(/below|\(s\)/);
    }
  });

  it("word an input's own refinement by its reason, not zod's English", () => {
    const parsed = hubUrlSchema.safeParse('hub.example.cn');
    const [issue] = parsed.success ? [] : issuesFromZod(parsed.error);
    expect(issue?.code).toBe('input.hub-url');
    expect(issueText('zh-CN', issue ?? { path: '', code: '', message: '' })).toMatch(/^数据交换中心地址须以 http/);
    expect(hubUrlSchema.safeParse('http://127.0.0.1:8740').success).toBe(true);
    expect(hubUrlSchema.safeParse('ftp://hub.example.cn').success).toBe(false);
  });

  it('keep the message of an error without a registered reason', () => {
    const plain: ApiError = { code: 'INTERNAL', message: 'as written', reason: 'no.such-reason' };
    expect(localizeError(plain, 'zh-CN').message).toBe('as written');
    expect(issueText('zh-CN', { path: 'p', code: 'custom', message: 'kept' })).toBe('kept');
  });
});
