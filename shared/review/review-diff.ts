import type { DeclarationDoc, DocumentCatalog, Row } from '../catalog';
import type { Locale } from '../i18n/locale';
import { fieldLabel } from '../validation/messages';

/** One field that differs between the declaration a reviewer compares against and the one under review. */
export interface ReviewDifference {
  /** The field's path as findings name it (head.BillNo, lines[1].GModel). */
  path: string;
  /** The field labelled as on the form (提运单号, 第2项 规格型号). */
  label: string;
  before: string;
  after: string;
}

function rowDifferences(prefix: string, before: Row, after: Row): { path: string; before: string; after: string }[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => {
    const was = before[key] ?? '';
    const now = after[key] ?? '';
    return was === now ? [] : [{ path: `${prefix}${key}`, before: was, after: now }];
  });
}

/**
 * What a reviewer checks first: every head field and goods-line cell of `current` that differs from `base` (the
 * template it was made from, or the customer's last declaration of the same goods), head first, then the lines by
 * 项号 — a line only one of them has shows each of its cells from or to empty. Labelled as the form labels them.
 */
export function reviewDifferences(
  catalog: DocumentCatalog,
  base: DeclarationDoc,
  current: DeclarationDoc,
  locale: Locale,
  ieFlag?: 'I' | 'E',
): ReviewDifference[] {
  const lineCount = Math.max(base.lines.length, current.lines.length);
  const found = [
    ...rowDifferences('head.', base.head, current.head),
    ...Array.from({ length: lineCount }, (_, i) =>
      rowDifferences(`lines[${i}].`, base.lines[i] ?? {}, current.lines[i] ?? {}),
    ).flat(),
  ];
  return found.map((d) => ({ ...d, label: fieldLabel(catalog, d.path, locale, ieFlag) }));
}
