import { describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../catalog';
import { sampleDeclaration } from '../validation/sample-declaration';
import { reviewDifferences } from './review-diff';

describe('reviewDifferences: what a reviewer compares against a template or the last declaration', () => {
  it('is empty for the same content', () => {
    expect(reviewDifferences(goodsDeclaration, sampleDeclaration(2), sampleDeclaration(2), 'zh-CN')).toEqual([]);
  });

  it('lists each changed head field and goods-line cell, old → new, labelled as on the form, head first', () => {
    const base = sampleDeclaration(1);
    const current = sampleDeclaration(1);
    current.head.BillNo = 'COSU6300002222';
    const line = current.lines[0];
    if (!line) throw new Error('the sample has a line');
    line.GModel = '0|0|品牌：无|型号：A2';
    const found = reviewDifferences(goodsDeclaration, base, current, 'zh-CN', 'I');
    expect(found.map((d) => [d.path, d.before, d.after])).toEqual([
      ['head.BillNo', base.head.BillNo ?? '', 'COSU6300002222'],
      ['lines[0].GModel', base.lines[0]?.GModel ?? '', '0|0|品牌：无|型号：A2'],
    ]);
    expect(found[0]?.label).toBe('提运单号');
    expect(found[1]?.label).toMatch(/^第1项 /);
    const en = reviewDifferences(goodsDeclaration, base, current, 'en', 'I');
    expect(en[1]?.label).toMatch(/^Line 1 /);
  });

  it('shows a goods line only one of them has cell by cell, from or to empty', () => {
    const base = sampleDeclaration(1);
    const current = sampleDeclaration(2);
    const added = reviewDifferences(goodsDeclaration, base, current, 'zh-CN');
    const second = current.lines[1] ?? {};
    const filled = Object.entries(second).filter(([, v]) => v !== '');
    expect(added.length).toBe(filled.length);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((d) => d.path.startsWith('lines[1].') && d.before === '')).toBe(true);
    expect(added.map((d) => d.after).sort()).toEqual(filled.map(([, v]) => v).sort());
    const removed = reviewDifferences(goodsDeclaration, current, base, 'zh-CN');
    expect(removed.map((d) => [d.path, d.after])).toEqual(added.map((d) => [d.path, '']));
  });
});
