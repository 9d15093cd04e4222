import type { Rule } from './types';

/**
 * Processing-trade supervision modes: 来料加工 (02xx), 来料料件退换/不作价设备 (03xx), 补偿贸易 and
 * bonded-zone processing (05xx), 进料加工 (06xx) and 进料料件退换/非对口 (07xx). Their goods are
 * declared against a 加工贸易手册 or 账册 (备案号) and its item numbers (DOMAIN.md §3.2, §4.5 #10).
 */
export function isProcessingTrade(tradeMode: string): boolean {
  return /^0[23567]\d\d$/.test(tradeMode);
}

/** 手册/账册 kinds a processing-trade 备案号 starts with: B 来料, C 进料, D 不作价设备, E 电子账册, H 区域账册. */
const PROCESSING_RECORD_KINDS = /^[BCDEH]/;

/** 征免性质 that belong to processing trade only. */
const PROCESSING_LEVIES: Record<string, string> = { '502': '来料加工', '503': '进料加工' };

/** The 征免性质 the main processing modes carry (the 手册 states it; other values are worth a second look). */
const EXPECTED_LEVY: Record<string, string> = { '0214': '502', '0615': '503', '0715': '503' };

/** 监管方式 ↔ 征免性质 ↔ 征免方式, and processing-trade modes need a 备案号 and each line its 备案序号. */
export const tradeModeRules: Rule = (doc, ctx, out) => {
  const head = doc.head;
  const tradeMode = head.TradeMode ?? '';
  const cutMode = head.CutMode ?? '';
  const manualNo = head.ManualNo ?? '';
  const declare = ctx.stage === 'declare';
  const processing = isProcessingTrade(tradeMode);

  if (processing) {
    if (manualNo === '') {
      if (declare)
        out.push({ path: 'head.ManualNo', code: 'manual-no-required', severity: 'error', params: { tradeMode } });
    } else {
      if (!PROCESSING_RECORD_KINDS.test(manualNo))
        out.push({
          path: 'head.ManualNo',
          code: 'manual-no-kind',
          severity: 'warning',
          params: { tradeMode, value: manualNo },
        });
      if (declare) {
        doc.lines.forEach((line, i) => {
          if ((line.ContrItem ?? '') === '')
            out.push({
              path: `lines[${i}].ContrItem`,
              code: 'contr-item-required',
              severity: 'error',
              params: { manualNo },
            });
        });
      }
    }
    const expected = EXPECTED_LEVY[tradeMode];
    if (expected && cutMode !== '' && cutMode !== expected)
      out.push({
        path: 'head.CutMode',
        code: 'processing-levy',
        severity: 'warning',
        params: { tradeMode, expected, value: cutMode },
      });
  } else if (tradeMode !== '' && PROCESSING_LEVIES[cutMode]) {
    out.push({
      path: 'head.CutMode',
      code: 'levy-for-processing-only',
      severity: 'error',
      params: { tradeMode, value: cutMode, name: PROCESSING_LEVIES[cutMode] ?? '' },
    });
  }

  let levyAsked = false;
  doc.lines.forEach((line, i) => {
    const dutyMode = line.DutyMode ?? '';
    if (cutMode === '101' && dutyMode !== '' && dutyMode !== '1') {
      out.push({
        path: `lines[${i}].DutyMode`,
        code: 'general-levy-duty',
        severity: 'error',
        params: { value: dutyMode },
      });
    }
    if (dutyMode === '5' && cutMode === '' && declare && !levyAsked) {
      out.push({ path: 'head.CutMode', code: 'duty-mode-needs-levy', severity: 'error', params: { line: i + 1 } });
      levyAsked = true;
    }
  });
};
