import type { ElementDef, ValueType } from './types';

/** Which stages require an element, as the import spec's 暂存必填 / 申报必填 columns say. */
export type Required = '' | 'draft' | 'declare' | 'both';

const types: Record<string, ValueType> = {
  S: 'string',
  N: 'decimal',
  I: 'integer',
  D: 'date',
  T: 'datetime',
  B: 'binary',
};

type Extra = Omit<Partial<ElementDef>, 'xml' | 'zh' | 'en' | 'type' | 'length' | 'decimals' | 'draft' | 'declare'>;

/**
 * Builds an element from the spec's own notation so the catalog files read like the spec:
 * `S10` String(10), `N19,5` Decimal(19,5), `I9` Integer(9), `D8` Date(8), `T16` DateTime(16),
 * `B1048576` a base64 BLOB of at most that many bytes.
 */
export function el(
  xml: string,
  zh: string,
  en: string,
  spec: string,
  required: Required,
  extra: Extra = {},
): ElementDef {
  const match = /^([SNIDTB])(\d+)(?:,(\d+))?$/.exec(spec);
  const type = match?.[1] ? types[match[1]] : undefined;
  if (!match || !type) throw new Error(`Bad element spec "${spec}" for ${xml}`);
  const def: ElementDef = {
    xml,
    zh,
    en,
    type,
    length: Number(match[2]),
    ...(match[3] !== undefined ? { decimals: Number(match[3]) } : type === 'decimal' ? { decimals: 0 } : {}),
    draft: required === 'draft' || required === 'both',
    declare: required === 'declare' || required === 'both',
    ...(type === 'date' && !extra.format ? { format: 'ymd' as const } : {}),
    ...(type === 'datetime' && !extra.format ? { format: 'datetime16' as const } : {}),
    ...extra,
  };
  return def;
}
