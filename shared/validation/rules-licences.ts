import type { Rule } from './types';

/**
 * 监管条件 of a line's 商品编号 ⇒ the 监管证件 on the declaration (DOMAIN.md §4.5 #17). A and B are
 * the inspection conditions (检验检疫 on entry, 电子底账 on exit): since the 2018 merger of customs
 * and inspection they are met by the declaration's own inspection data, so they ask for the line's
 * 检验检疫编码 rather than a document. Every other letter asks for a 随附单证 row with that code,
 * when the 监管证件 table says the licence applies in this direction; where the table cannot say
 * (a built-in partial table), the broker is asked to check.
 */
export const licenceRules: Rule = (doc, ctx, out) => {
  if (ctx.stage !== 'declare' || !ctx.codes?.tariff) return;
  const documents = new Set((doc.tables.licenceDocs ?? []).map((r) => r.DocuCode ?? ''));
  const appliesColumn = ctx.ieFlag === 'I' ? 'applies_import' : 'applies_export';
  const inspection = ctx.ieFlag === 'I' ? 'A' : 'B';
  doc.lines.forEach((line, i) => {
    const code = line.CodeTS ?? '';
    if (!/^\d{10}$/.test(code)) return;
    const info = ctx.codes?.tariff?.(code);
    if (!info) return;
    for (const letter of new Set(info.conditions)) {
      if (letter === 'A' || letter === 'B') {
        if (letter === inspection && (line.CiqCode ?? '') === '') {
          out.push({
            path: `lines[${i}].CiqCode`,
            code: 'ciq-code-required',
            severity: 'warning',
            params: { code, condition: letter },
          });
        }
        continue;
      }
      if (documents.has(letter)) continue;
      const applies = ctx.codes?.row?.('licence-doc-types', letter)?.[appliesColumn];
      if (applies === 'N') continue;
      const name = ctx.codes?.row?.('licence-doc-types', letter)?.name_zh ?? '';
      out.push({
        path: `lines[${i}].CodeTS`,
        code: applies === 'Y' ? 'licence-required' : 'licence-check',
        severity: applies === 'Y' ? 'error' : 'warning',
        params: { code, condition: letter, name },
      });
    }
  });
};
