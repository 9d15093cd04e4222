import type { Row } from '../catalog/document';
import { declaredByteLength } from '../validation/bytes';
import { usccProblem } from '../validation/formats';

/**
 * The party library (企业库): the companies a broker declares for again and again, each with
 * the identities the message carries (DOMAIN.md §1.1): a 10-character customs code (海关编码), an
 * 18-character unified social credit code (统一社会信用代码, GB 32100 check character) and a
 * 10-digit CIQ code (检验检疫编码), names in Chinese and English, and the roles it plays.
 *
 * Domestic roles: 境内收发货人 (trade), 消费使用/生产销售单位 (owner), 申报单位 (agent). An overseas
 * party (境外收发货人) has an English name, an optional code (its AEO code, or NO) and an address;
 * it is never also a domestic party.
 */
export const partyRoles = ['trade', 'owner', 'agent', 'overseas'] as const;
export type PartyRole = (typeof partyRoles)[number];

export interface PartyInput {
  roles: PartyRole[];
  /** Domestic: the 10-character customs code; overseas: the AEO code or NO (up to 50 characters). */
  customsCode: string;
  uscc: string;
  ciqCode: string;
  nameZh: string;
  nameEn: string;
  /** Overseas consignor's address (境外收发货人地址). */
  address: string;
  note: string;
}

export type PartyField = keyof PartyInput;

export type PartyProblemCode =
  | 'required'
  | 'roles-required'
  | 'roles-mixed'
  | 'code-required'
  | 'too-long'
  | 'customs-code-format'
  | 'uscc-format'
  | 'uscc-check-digit'
  | 'ciq-code-format'
  | 'not-for-overseas';

export interface PartyProblem {
  field: PartyField;
  code: PartyProblemCode;
  /** For too-long: the limit in bytes (a Chinese character counts 2). */
  max?: number;
}

/**
 * Byte limits: the tightest element each value fills. Domestic names go to TradeName, OwnerName
 * and AgentName (100); the English name to DomesticConsigneeEname (400); an overseas party's
 * English name to OverseasConsignorEname (100), its Chinese name to OverseasConsignorCname (150),
 * its code to OverseasConsignorCode/OverseasConsigneeCode (50), its address to OverseasConsignorAddr (100).
 */
export const partyLimits = {
  domestic: { nameZh: 100, nameEn: 400 },
  overseas: { nameZh: 150, nameEn: 100, customsCode: 50, address: 100 },
  note: 200,
} as const;

const roleOrder = new Map(partyRoles.map((r, i) => [r, i]));

/**
 * A party's own fields and nothing else: what its form edits and a save sends, from a stored party (which carries its
 * id, times and derived flags as well).
 */
export function partyInput(p: PartyInput): PartyInput {
  return {
    roles: p.roles,
    customsCode: p.customsCode,
    uscc: p.uscc,
    ciqCode: p.ciqCode,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    address: p.address,
    note: p.note,
  };
}

export function isOverseas(party: Pick<PartyInput, 'roles'>): boolean {
  return party.roles.includes('overseas');
}

/** Trims, upper-cases the codes, and lists the roles once each in a fixed order. */
export function normalizeParty(input: PartyInput): PartyInput {
  const roles = [...new Set(input.roles)].sort((a, b) => (roleOrder.get(a) ?? 0) - (roleOrder.get(b) ?? 0));
  const code = input.customsCode.trim().toUpperCase();
  return {
    roles,
    // An overseas party without a code is written NO in the message; the library keeps it empty.
    customsCode: roles.includes('overseas') && code === 'NO' ? '' : code,
    uscc: input.uscc.trim().toUpperCase(),
    ciqCode: input.ciqCode.trim(),
    nameZh: input.nameZh.trim(),
    nameEn: input.nameEn.trim(),
    address: input.address.trim(),
    note: input.note.trim(),
  };
}

/** Every problem of a party, in form order; empty when it can be saved. */
export function partyProblems(raw: PartyInput): PartyProblem[] {
  const p = normalizeParty(raw);
  const out: PartyProblem[] = [];
  const long = (field: PartyField, value: string, max: number) => {
    if (declaredByteLength(value) > max) out.push({ field, code: 'too-long', max });
  };
  if (p.roles.length === 0) out.push({ field: 'roles', code: 'roles-required' });
  else if (isOverseas(p) && p.roles.length > 1) out.push({ field: 'roles', code: 'roles-mixed' });

  if (isOverseas(p)) {
    const limits = partyLimits.overseas;
    if (p.nameEn === '') out.push({ field: 'nameEn', code: 'required' });
    long('nameEn', p.nameEn, limits.nameEn);
    long('nameZh', p.nameZh, limits.nameZh);
    long('customsCode', p.customsCode, limits.customsCode);
    if (p.uscc !== '') out.push({ field: 'uscc', code: 'not-for-overseas' });
    if (p.ciqCode !== '') out.push({ field: 'ciqCode', code: 'not-for-overseas' });
    long('address', p.address, limits.address);
  } else {
    const limits = partyLimits.domestic;
    if (p.nameZh === '') out.push({ field: 'nameZh', code: 'required' });
    long('nameZh', p.nameZh, limits.nameZh);
    long('nameEn', p.nameEn, limits.nameEn);
    if (p.customsCode === '' && p.uscc === '') out.push({ field: 'customsCode', code: 'code-required' });
    if (p.customsCode !== '' && !/^[0-9A-Z]{10}$/.test(p.customsCode))
      out.push({ field: 'customsCode', code: 'customs-code-format' });
    if (p.uscc !== '') {
      const problem = usccProblem(p.uscc);
      if (problem) out.push({ field: 'uscc', code: problem === 'format' ? 'uscc-format' : 'uscc-check-digit' });
    }
    if (p.ciqCode !== '' && !/^\d{10}$/.test(p.ciqCode)) out.push({ field: 'ciqCode', code: 'ciq-code-format' });
    if (p.address !== '') long('address', p.address, limits.nameEn);
  }
  long('note', p.note, partyLimits.note);
  return out;
}

export const partyFieldLabels: Record<PartyField, { zh: string; en: string }> = {
  roles: { zh: '角色', en: 'Roles' },
  customsCode: { zh: '海关编码', en: 'Customs code' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  ciqCode: { zh: '检验检疫编码', en: 'CIQ code' },
  nameZh: { zh: '中文名称', en: 'Chinese name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  address: { zh: '地址', en: 'Address' },
  note: { zh: '备注', en: 'Note' },
};

export const partyRoleLabels: Record<PartyRole, { zh: string; en: string }> = {
  trade: { zh: '境内收发货人', en: 'Domestic consignee/consignor' },
  owner: { zh: '消费使用/生产销售单位', en: 'Consumer / producer' },
  agent: { zh: '申报单位', en: 'Declaring agent' },
  overseas: { zh: '境外收发货人', en: 'Overseas party' },
};

/** A problem as a sentence in Chinese or English, naming the field. */
export function describePartyProblem(problem: PartyProblem, locale: 'zh-CN' | 'en' = 'en'): string {
  // A field or code this version does not know (an older or newer main) still reads as a sentence.
  const label = (partyFieldLabels as Partial<typeof partyFieldLabels>)[problem.field] ?? {
    zh: problem.field,
    en: problem.field,
  };
  const zh = locale === 'zh-CN';
  const field = zh ? label.zh : label.en;
  switch (problem.code) {
    case 'required':
      return zh ? `${field}必须填写` : `${field} is required`;
    case 'roles-required':
      return zh ? '请至少选择一个角色' : 'Choose at least one role';
    case 'roles-mixed':
      return zh ? '境外收发货人不能同时是境内企业的角色' : 'An overseas party cannot also have a domestic role';
    case 'code-required':
      return zh
        ? '境内企业须填写海关编码或统一社会信用代码'
        : 'A domestic party needs a customs code or a unified social credit code';
    case 'too-long':
      return zh
        ? `${field}过长（最多 ${problem.max ?? 0} 字节，一个汉字计 2 字节）`
        : `${field} is too long (at most ${problem.max ?? 0} bytes; a Chinese character counts 2)`;
    case 'customs-code-format':
      return zh ? `${field}应为10位数字或大写字母` : `${field} must be 10 digits or capital letters`;
    case 'uscc-format':
      return zh
        ? `${field}应为18位（数字和除 I、O、S、V、Z 外的大写字母）`
        : `${field} must have 18 characters (digits and capitals except I, O, S, V, Z)`;
    case 'uscc-check-digit':
      return zh ? `${field}校验位不正确，请检查是否输错` : `${field}: the check character is wrong — check for a typo`;
    case 'ciq-code-format':
      return zh ? `${field}应为10位数字` : `${field} must be 10 digits`;
    case 'not-for-overseas':
      return zh ? `境外收发货人没有${field}` : `An overseas party has no ${field}`;
    default:
      return zh ? `${field}填写有误，请核对` : `${field} is not valid`;
  }
}

/**
 * The head fields each party box of the form fills (DOMAIN.md §1.3): name, customs code, USCC,
 * CIQ code; the overseas party's fields differ by direction (境外发货人 on imports, 境外收货人 on exports).
 */
export interface PartySlotFields {
  name?: string;
  nameEn?: string;
  code?: string;
  uscc?: string;
  ciq?: string;
  address?: string;
}

/** A party box of the form; each asks for the party role of the same name. */
export type PartySlot = PartyRole;

export function partySlotFields(slot: PartySlot, ieFlag: 'I' | 'E'): PartySlotFields {
  switch (slot) {
    case 'trade':
      return {
        name: 'TradeName',
        code: 'TradeCode',
        uscc: 'TradeCoScc',
        ciq: 'TradeCiqCode',
        nameEn: 'DomesticConsigneeEname',
      };
    case 'owner':
      return { name: 'OwnerName', code: 'OwnerCode', uscc: 'OwnerCodeScc', ciq: 'OwnerCiqCode' };
    case 'agent':
      return { name: 'AgentName', code: 'AgentCode', uscc: 'AgentCodeScc', ciq: 'DeclCiqCode' };
    case 'overseas':
      return ieFlag === 'I'
        ? {
            code: 'OverseasConsignorCode',
            nameEn: 'OverseasConsignorEname',
            name: 'OverseasConsignorCname',
            address: 'OverseasConsignorAddr',
          }
        : { code: 'OverseasConsigneeCode', nameEn: 'OverseasConsigneeEname' };
  }
}

export const partySlots: readonly PartySlot[] = ['trade', 'owner', 'agent', 'overseas'];

/** The party box a head field belongs to, or null (e.g. head.TradeCoScc → trade). */
export function partySlotOf(path: string, ieFlag: 'I' | 'E'): PartySlot | null {
  const match = /^head\.(\w+)$/.exec(path);
  if (!match) return null;
  for (const slot of partySlots) if (Object.values(partySlotFields(slot, ieFlag)).includes(match[1])) return slot;
  return null;
}

/**
 * The head values choosing a party writes into a box: every field of the box, so nothing of a
 * previously chosen party stays behind. A domestic owner without a customs code is `NO` (the
 * message allows it there), an overseas party without a code is `NO` (DOMAIN.md §1.1).
 */
export function partyHeadValues(slot: PartySlot, party: PartyInput, ieFlag: 'I' | 'E'): Row {
  const fields = partySlotFields(slot, ieFlag);
  const out: Row = {};
  const put = (key: string | undefined, value: string) => {
    if (key) out[key] = value;
  };
  if (slot === 'overseas') {
    put(fields.code, party.customsCode || 'NO');
    put(fields.nameEn, party.nameEn);
    put(fields.name, party.nameZh);
    put(fields.address, party.address);
    return out;
  }
  put(fields.name, party.nameZh);
  put(fields.code, party.customsCode || (slot === 'owner' ? 'NO' : ''));
  put(fields.uscc, party.uscc);
  put(fields.ciq, party.ciqCode);
  put(fields.nameEn, party.nameEn);
  return out;
}

/**
 * A party's identities pointing at two parties here: its USCC at one and its customs code at another (`split`), or
 * its USCC at an overseas party. Kept as values, worded in the language it is shown in.
 */
export type PartyConflict = {
  kind: 'split' | 'overseas';
  uscc: string;
  usccParty: string;
  customsCode: string;
  codeParty: string;
};

/** A party conflict as a sentence in Chinese or English. */
export function describePartyConflict(c: PartyConflict, locale: 'zh-CN' | 'en'): string {
  if (c.kind === 'overseas')
    return locale === 'en'
      ? `USCC ${c.uscc} belongs to an overseas party`
      : `统一社会信用代码 ${c.uscc} 属于一家境外企业`;
  return locale === 'en'
    ? `USCC ${c.uscc} belongs to "${c.usccParty}" but customs code ${c.customsCode} to "${c.codeParty}"`
    : `统一社会信用代码 ${c.uscc} 属于“${c.usccParty}”，海关编码 ${c.customsCode} 却属于“${c.codeParty}”`;
}
