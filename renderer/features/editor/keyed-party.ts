import type { KeyedParty } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import type { PartySlot } from '../../../shared/libraries';
import { partySlotFields } from '../../../shared/libraries';
import type { KeyedField } from './flow-messages';

/** The party boxes whose customs code or USCC, once keyed in full, fills the rest of the box. */
const keyedSlots = ['trade', 'owner', 'agent'] as const satisfies readonly PartySlot[];
type KeyedSlot = (typeof keyedSlots)[number];

/** A customs code (10 characters) or USCC (18) just keyed in full in a party box. */
export interface KeyedCode {
  slot: KeyedSlot;
  kind: 'code' | 'uscc';
  /** The head field keyed (e.g. TradeCoScc). */
  field: string;
  value: string;
}

/** What a keyed code filled: the values written and the ones they replaced, by path, to undo exactly. */
export interface PartyFill {
  slot: KeyedSlot;
  keyed: KeyedCode;
  source: KeyedParty['source'];
  clientSeqNo?: string;
  fields: KeyedField[];
  writes: Row;
  previous: Row;
}

const FULL = { code: 10, uscc: 18 } as const;

/** The keyed code a change of `path` to `value` completes, or null (another field, not yet full, not a code). */
export function keyedCodeOf(path: string, value: string, ieFlag: 'I' | 'E'): KeyedCode | null {
  const match = /^head\.(\w+)$/.exec(path);
  if (!match?.[1] || !/^[0-9A-Za-z]+$/.test(value)) return null;
  const field = match[1];
  for (const slot of keyedSlots) {
    const fields = partySlotFields(slot, ieFlag);
    const kind = field === fields.code ? 'code' : field === fields.uscc ? 'uscc' : null;
    if (kind && value.length === FULL[kind]) return { slot, kind, field, value };
  }
  return null;
}

/**
 * The fields of the box a found party fills, with what they held. The party's values go into the box's other
 * fields (name, customs code, USCC, CIQ code, and the English name of 境内收发货人) as a pick from the library
 * would, with two exceptions: a field the broker changed since the code was keyed (the lookup answers a moment
 * later) keeps what the broker typed, and a value the party lacks leaves the field as it is (nothing is
 * erased). Nothing at all when the keyed field no longer holds the code, or when the box already says it all.
 */
export function planFill(
  keyed: KeyedCode,
  found: KeyedParty,
  atKeying: Row,
  now: Row,
  ieFlag: 'I' | 'E',
): PartyFill | null {
  if ((now[keyed.field] ?? '') !== keyed.value) return null;
  const fields = partySlotFields(keyed.slot, ieFlag);
  const values: Array<[KeyedField, string | undefined, string]> = [
    ['name', fields.name, found.party.nameZh],
    ['nameEn', fields.nameEn, found.party.nameEn],
    ['code', fields.code, found.party.customsCode],
    ['uscc', fields.uscc, found.party.uscc],
    ['ciq', fields.ciq, found.party.ciqCode],
  ];
  const fill: PartyFill = {
    slot: keyed.slot,
    keyed,
    source: found.source,
    ...(found.clientSeqNo ? { clientSeqNo: found.clientSeqNo } : {}),
    fields: [],
    writes: {},
    previous: {},
  };
  for (const [name, key, value] of values) {
    if (!key || key === keyed.field || value === '') continue;
    const before = atKeying[key] ?? '';
    const current = now[key] ?? '';
    if (current !== before || current === value) continue;
    fill.fields.push(name);
    fill.writes[`head.${key}`] = value;
    fill.previous[`head.${key}`] = current;
  }
  return fill.fields.length > 0 ? fill : null;
}
