import { describe, expect, it } from 'vitest';
import type { DeclarationDoc, SectionDef } from '../catalog';
import { goodsDeclaration, summaryElements, twoStepModeOf, withTwoStepMode } from '../catalog';
import { check, messages, sample } from '../../scripts/validation-harness';
import { isRequired } from './rules-basic';
import { declareStageOf } from './rules-two-step';
import { sampleSummaryDeclaration } from './sample-declaration';

const section = (id: string): SectionDef => {
  const found = goodsDeclaration.sections.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
};
const head = section('head');
const lines = section('lines');

const summaryOnly = () => sampleSummaryDeclaration();

const requiredAt = (doc: DeclarationDoc, stage: 'summary' | 'declare') =>
  check(doc, { stage })
    .filter((f) => f.code === 'required')
    .map((f) => f.path);

describe('两步申报 stages from the catalog', () => {
  it('the catalog marks the 概要 release data: parties, transport, bill, goods, value, origin, weight', () => {
    expect(summaryElements(head).map((e) => e.xml)).toEqual(
      expect.arrayContaining(['TradeCode', 'TradeName', 'TrafMode', 'TrafName', 'BillNo', 'TradeMode', 'GrossWet']),
    );
    expect(summaryElements(lines).map((e) => e.xml)).toEqual(
      expect.arrayContaining(['CodeTS', 'GName', 'GQty', 'GUnit', 'DeclTotal', 'OriginCountry']),
    );
    // 成交方式, 件数 and the 申报要素 wait for the 完整申报.
    expect(summaryElements(head).map((e) => e.xml)).not.toContain('TransMode');
    expect(summaryElements(head).map((e) => e.xml)).not.toContain('PackNo');
    expect(summaryElements(lines).map((e) => e.xml)).not.toContain('GModel');
  });

  it('an empty 概要申报 asks for exactly the 概要 and draft elements, each named', () => {
    const doc: DeclarationDoc = { head: { Type: withTwoStepMode('', 'summary') }, lines: [{}], tables: {} };
    const asked = requiredAt(doc, 'summary');
    const expected = [
      ...head.elements.filter((e) => isRequired(e, 'summary')).map((e) => `head.${e.xml}`),
      ...lines.elements.filter((e) => isRequired(e, 'summary')).map((e) => `lines[0].${e.xml}`),
    ];
    expect(asked.sort()).toEqual(expected.sort());
    expect(asked).toContain('head.BillNo'); // optional at 申报 by the spec, needed for release
    expect(asked).not.toContain('head.TransMode');
    expect(messages({ path: 'head.BillNo', code: 'required', severity: 'error', params: {} }).zh).toBe(
      '提运单号：必填，请填写',
    );
  });

  it('a declaration holding only the 概要 data passes the 概要 stage and not the 完整 one', () => {
    const doc = summaryOnly();
    const atSummary = check(doc, { stage: 'summary' }).filter((f) => f.severity === 'error');
    expect(atSummary).toEqual([]);
    const complete = { ...doc, head: { ...doc.head, Type: withTwoStepMode(doc.head.Type, 'complete') } };
    const missing = requiredAt(complete, 'declare');
    expect(missing).toEqual(expect.arrayContaining(['head.TransMode', 'head.PackNo', 'lines[0].DeclPrice']));
    expect(missing).not.toContain('head.BillNo');
  });

  it('the 概要 stage requires DecHead/Type to say 5; the whole declaration must not', () => {
    const plain = sample();
    expect(check(plain, { stage: 'summary' }).filter((f) => f.code === 'two-step-mode')).toEqual([
      { path: 'head.Type', code: 'two-step-mode', severity: 'error', params: { field: 'Type', expected: '5' } },
    ]);
    const stillSummary = sample((d) => (d.head.Type = withTwoStepMode(d.head.Type, 'summary')));
    const [finding] = check(stillSummary).filter((f) => f.code === 'two-step-mode');
    expect(finding?.params.expected).toBe('6');
    expect(finding && messages(finding).zh).toBe(
      '单据类型：第三位应为 6（5 概要申报，6 完整申报，空 一次申报），请在两步申报中选择对应的步骤',
    );
    expect(finding && messages(finding).en).toMatch(/^Declaration type: its third position must be 6/);
    const complete = sample((d) => (d.head.Type = withTwoStepMode(d.head.Type, 'complete')));
    expect(check(complete).filter((f) => f.code === 'two-step-mode')).toEqual([]);
    expect(check(plain).filter((f) => f.code === 'two-step-mode')).toEqual([]);
  });
});

describe('the stage a declaration is declared at', () => {
  it('is 概要 when DecHead/Type says 5, the whole otherwise', () => {
    expect(declareStageOf(summaryOnly())).toBe('summary');
    expect(declareStageOf(sample())).toBe('declare');
    expect(declareStageOf(sample((d) => (d.head.Type = withTwoStepMode(d.head.Type, 'complete'))))).toBe('declare');
  });
});

describe('DecHead/Type third position', () => {
  it('reads 5 as 概要, 6 as 完整, blank or 0 as one step', () => {
    expect(twoStepModeOf('  5')).toBe('summary');
    expect(twoStepModeOf('ZC6')).toBe('complete');
    expect(twoStepModeOf('ZC0')).toBeNull();
    expect(twoStepModeOf('ZC')).toBeNull();
    expect(twoStepModeOf(undefined)).toBeNull();
  });

  it('writes the position and keeps the type letters and the 7th position (Z 组合港)', () => {
    expect(withTwoStepMode(undefined, 'summary')).toBe('  5');
    expect(withTwoStepMode('ZC', 'summary')).toBe('ZC5');
    expect(withTwoStepMode('ZC5', 'complete')).toBe('ZC6');
    expect(withTwoStepMode('ZC6', null)).toBe('ZC');
    expect(withTwoStepMode('SW5   Z', 'complete')).toBe('SW6   Z');
    expect(withTwoStepMode('SW5   Z', null)).toBe('SW    Z');
  });
});
