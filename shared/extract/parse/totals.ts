import type { DocumentTotals } from '../document';
import { foundIn } from './head';
import type { Line } from './layout';
import { joinRuns } from './layout';
import { asciiText, numberWithRest } from './numbers';

/** Totals printed as labelled lines rather than a totals row ("TOTAL N.W.: 1,234.5 KGS", "总金额：USD 9,000.00"). */
const totalLabels: readonly [keyof DocumentTotals, RegExp][] = [
  ['netWeight', /total\s*(?:n\.?\s*w\.?|net\s*weight)|总净重/i],
  ['grossWeight', /total\s*(?:g\.?\s*w\.?|gross\s*weight)|总毛重/i],
  ['packages', /total\s*(?:packages|pkgs|ctns|cartons)|总件数|总箱数/i],
  ['quantity', /total\s*(?:qty|quantity)|总数量/i],
  ['amount', /total\s*(?:amount|value)|总金额|合计金额/i],
];

export function readTotalsOutside(lines: readonly Line[], european: boolean): DocumentTotals {
  const totals: DocumentTotals = {};
  for (const line of lines) {
    const text = asciiText(joinRuns(line.runs));
    for (const [kind, label] of totalLabels) {
      const m = label.exec(text);
      if (!m || totals[kind]) continue;
      const after = text.slice((m.index ?? 0) + m[0].length).replace(/^[\s.:：()A-Za-z]*?(?=[$€£¥￥\d])/, '');
      const n = numberWithRest(after, european);
      if (!n) continue;
      const runs = line.runs.filter((r) => /\d/.test(r.text) && after.includes(r.text.trim()));
      totals[kind] = foundIn(runs.length > 0 ? runs : line.runs, n.value, after.trim());
    }
  }
  return totals;
}
