/** What the checks need to know about one 10-digit 商品编号 from the tariff table. */
export interface TariffInfo {
  code: string;
  name: string;
  /** 法定第一计量单位 (计量单位 code). */
  firstUnit: string;
  /** 法定第二计量单位, '' when the code has none. */
  secondUnit: string;
  /**
   * 申报要素 in the order GModel's `|`-separated values follow, numbered from 0 as the single
   * window does: 0 品牌类型, 1 出口享惠情况, then the code's own elements.
   */
  elements: string[];
  /** 监管条件: 监管证件 codes, one character each (case-sensitive), e.g. "AB". */
  conditions: string;
  /** 检验检疫类别, e.g. "PRQS". */
  inspection: string;
  /**
   * Set only on the entry for a code the tariff no longer has (tariff-changes): the codes that
   * replaced it, with their names. Such an entry is not a tariff line.
   */
  successors?: { code: string; name: string }[];
}

const GOODS_NAME = '品名';

/**
 * Reads a 申报要素 list as tariff sources write it — "0:品牌类型;1:出口享惠情况;2:…",
 * "1:品名;2:品牌类型;…" (third-party sites number from 1 and prepend 品名, which GModel does not
 * carry: DOMAIN.md, code-tables/SOURCES.md) or "品牌类型|出口享惠情况|…" — into the names in
 * GModel order.
 */
export function parseDeclarationElements(text: string): string[] {
  const names = text
    .split(/[;；|\n]/)
    .map((part) => part.replace(/^\s*\d+\s*[:：.、]\s*/, '').trim())
    .filter((name) => name !== '');
  return names[0] === GOODS_NAME ? names.slice(1) : names;
}

/** The normalized form the store keeps: `0:品牌类型;1:出口享惠情况;…`. */
export function formatDeclarationElements(names: readonly string[]): string {
  return names.map((name, i) => `${i}:${name}`).join(';');
}

/** Builds TariffInfo from a normalized tariff row (see normalize.ts). */
export function tariffInfoFromRow(row: Readonly<Record<string, string>>): TariffInfo {
  return {
    code: row.code ?? '',
    name: row.name_zh ?? '',
    firstUnit: row.first_unit ?? '',
    secondUnit: row.second_unit ?? '',
    elements: parseDeclarationElements(row.declaration_elements ?? ''),
    conditions: (row.supervision_conditions ?? '').replace(/[^0-9A-Za-z]/g, ''),
    inspection: (row.inspection_categories ?? '').replace(/[^0-9A-Za-z]/g, ''),
  };
}

/**
 * The codes that replaced a retired 商品编号, from its tariff-changes row (`successors`:
 * "8471301000;8471309000"), named from the tariff where it has them.
 */
export function successorsOf(
  change: Readonly<Record<string, string>> | undefined,
  nameOf: (code: string) => string | undefined,
): { code: string; name: string }[] | undefined {
  const list = (change?.successors ?? '').split(/[;；,\s]+/).filter((c) => c !== '');
  if (list.length === 0) return undefined;
  return list.map((code) => ({ code, name: nameOf(code) ?? '' }));
}

/** The entry tariff.getMany returns for a retired code: its note as the name, and its successors. */
export function retiredTariffInfo(
  code: string,
  note: string,
  successors: { code: string; name: string }[],
): TariffInfo {
  return { code, name: note, firstUnit: '', secondUnit: '', elements: [], conditions: '', inspection: '', successors };
}
