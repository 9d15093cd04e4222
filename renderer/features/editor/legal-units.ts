import type { Row } from '../../../shared/catalog';
import type { TariffInfo } from '../../../shared/code-tables/tariff';

// 法定第一/第二计量单位 follow from the 商品编号: the tariff line names them, and the single window fills them the
// moment the code is known. A unit the broker typed by hand while the line held that very code is deliberate and
// stays; one left from an earlier code (or typed before any code) is the desk's to replace.

/** A unit set by hand on a goods line: what was set, and the 商品编号 the line held then. */
export interface TypedUnit {
  value: string;
  code: string;
}

/** The units set by hand, by path (lines[i].FirstUnit): what the desk must not overwrite for that code. */
export type TypedUnits = Map<string, TypedUnit>;

export const UNIT_KEYS: readonly string[] = ['FirstUnit', 'SecondUnit'];

/**
 * The unit fields to set on goods line `index` (the line as it is now) from its code's tariff line: each unit the
 * tariff names where the line holds another, the second unit emptied where the tariff has none. Nothing when the line
 * no longer holds the code, and nothing over a unit typed by hand for this code.
 */
export function legalUnitWrites(
  line: Row,
  index: number,
  info: Pick<TariffInfo, 'code' | 'firstUnit' | 'secondUnit'>,
  typed: TypedUnits,
): [path: string, value: string][] {
  if ((line.CodeTS ?? '') !== info.code) return [];
  const writes: [string, string][] = [];
  const wanted: [string, string][] = [
    ['FirstUnit', info.firstUnit],
    ['SecondUnit', info.secondUnit],
  ];
  for (const [key, unit] of wanted) {
    const path = `lines[${index}].${key}`;
    const now = line[key] ?? '';
    // A tariff line without a first unit says nothing about it (the tariff always has one; a copy may lack it).
    if (now === unit || (key === 'FirstUnit' && unit === '')) continue;
    const hand = typed.get(path);
    if (hand && hand.code === info.code && hand.value === now) continue;
    writes.push([path, unit]);
  }
  return writes;
}
