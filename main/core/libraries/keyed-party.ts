import type { KeyedParty } from '../../../shared/api';
import { partySlotFields } from '../../../shared/libraries';
import type { KeyedPartyRepo } from '../../db/repositories/keyed-party-repo';
import type { PartiesRepo } from '../../db/repositories/parties-repo';

/**
 * The libraries learn from what is keyed: a customs code or USCC keyed in a party box names the party the party
 * library holds with it (a domestic party: overseas parties have neither here), or else the party of the newest
 * declaration here holding it in one of its party boxes (境内收发货人, 消费使用单位 / 生产销售单位, 申报单位).
 * Unknown: null, and the box is left as keyed.
 */
export function createKeyedPartyLookup(deps: { parties: PartiesRepo; declarations: KeyedPartyRepo }) {
  const { parties, declarations } = deps;
  return {
    find(input: { kind: 'code' | 'uscc'; value: string; exceptId?: string }): KeyedParty | null {
      const value = input.value.toUpperCase();
      const here = input.kind === 'code' ? parties.byCustomsCode(value) : parties.byUscc(value);
      if (here && !here.overseas)
        return {
          source: 'library',
          party: {
            nameZh: here.nameZh,
            nameEn: here.nameEn,
            customsCode: here.customsCode,
            uscc: here.uscc,
            ciqCode: here.ciqCode,
          },
        };
      const hit = declarations.newest(input.kind, value, input.exceptId ?? '');
      if (!hit) return null;
      // The domestic boxes' fields do not depend on the direction.
      const fields = partySlotFields(hit.slot, 'I');
      const read = (key: string | undefined) => (key ? (hit.head[key] ?? '').trim() : '');
      const code = read(fields.code);
      return {
        source: 'declaration',
        clientSeqNo: hit.clientSeqNo,
        party: {
          nameZh: read(fields.name),
          nameEn: read(fields.nameEn),
          // 消费使用单位 without a customs code is keyed NO: not a code to fill another box with.
          customsCode: code === 'NO' ? '' : code,
          uscc: read(fields.uscc),
          ciqCode: read(fields.ciq),
        },
      };
    },
  };
}

export type KeyedPartyLookup = ReturnType<typeof createKeyedPartyLookup>;
