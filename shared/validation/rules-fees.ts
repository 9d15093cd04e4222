import type { Row } from '../catalog';
import type { Finding, Rule } from './types';

type Need = 'required' | 'forbidden' | 'free';

const TRANS_NAMES: Record<string, string> = {
  '1': 'CIF',
  '2': 'C&F',
  '3': 'FOB',
  '4': 'C&I',
  '5': '市场价',
  '6': '垫仓',
  '7': 'EXW',
};

/**
 * Which of freight and insurance a 成交方式 leaves to be declared (填制规范, 运费/保费): an import is
 * valued CIF, so freight and insurance are declared when the price does not include them; an
 * export is valued FOB, so they are declared when the price does include them. 市场价 and 垫仓
 * say nothing either way.
 */
const NEEDS: Record<'I' | 'E', Record<string, { freight: Need; insurance: Need }>> = {
  I: {
    '1': { freight: 'forbidden', insurance: 'forbidden' },
    '2': { freight: 'forbidden', insurance: 'required' },
    '3': { freight: 'required', insurance: 'required' },
    '4': { freight: 'required', insurance: 'forbidden' },
    '7': { freight: 'required', insurance: 'required' },
  },
  E: {
    '1': { freight: 'required', insurance: 'required' },
    '2': { freight: 'required', insurance: 'forbidden' },
    '3': { freight: 'forbidden', insurance: 'forbidden' },
    '4': { freight: 'forbidden', insurance: 'required' },
    '7': { freight: 'forbidden', insurance: 'forbidden' },
  },
};

const BLOCKS = [
  { kind: 'freight', mark: 'FeeMark', rate: 'FeeRate', curr: 'FeeCurr' },
  { kind: 'insurance', mark: 'InsurMark', rate: 'InsurRate', curr: 'InsurCurr' },
  { kind: 'other', mark: 'OtherMark', rate: 'OtherRate', curr: 'OtherCurr' },
] as const;

function filled(head: Row, field: string): boolean {
  return (head[field] ?? '').trim() !== '';
}

/** 成交方式 ↔ 运费/保费, and each charge complete: a mark with its rate or amount, a currency for an amount. */
export const feeRules: Rule = (doc, ctx, out) => {
  const head = doc.head;
  const declare = ctx.stage === 'declare';
  const push = (f: Finding) => out.push(f);
  const transMode = head.TransMode ?? '';
  const needs = NEEDS[ctx.ieFlag][transMode];
  for (const block of BLOCKS) {
    const present = filled(head, block.mark) || filled(head, block.rate);
    if (block.kind !== 'other' && needs) {
      const need = needs[block.kind];
      const params = { transMode, transName: TRANS_NAMES[transMode] ?? transMode, ie: ctx.ieFlag };
      if (need === 'forbidden' && present)
        push({
          path: `head.${filled(head, block.mark) ? block.mark : block.rate}`,
          code: `${block.kind}-not-allowed`,
          severity: 'error',
          params,
        });
      if (need === 'required' && !present && declare)
        push({ path: `head.${block.mark}`, code: `${block.kind}-required`, severity: 'error', params });
    }
    if (!present || !declare) continue;
    const mark = head[block.mark] ?? '';
    if (mark === '')
      push({ path: `head.${block.mark}`, code: 'fee-mark-required', severity: 'error', params: { kind: block.kind } });
    if (!filled(head, block.rate))
      push({ path: `head.${block.rate}`, code: 'fee-rate-required', severity: 'error', params: { kind: block.kind } });
    if ((mark === '2' || mark === '3') && !filled(head, block.curr))
      push({
        path: `head.${block.curr}`,
        code: 'fee-currency-required',
        severity: 'error',
        params: { kind: block.kind },
      });
  }
};
