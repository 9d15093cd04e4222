import { describe, expect, it } from 'vitest';
import { readDomainText } from '../../scripts/domain-data';
import { goodsDeclaration } from './goods-declaration';
import { specCalibrations } from './calibrations';
import { childSections, findElement, findSection, rootSections, sectionXmlPath } from './lookup';
import { labelOf } from './labels';
import type { ElementDef } from './types';

interface SpecRow {
  section: string;
  element: string;
  type: string;
  length: string;
  draft: boolean;
  declare: boolean;
}

// decmessage-fields.tsv names three sections by their wrapper only (their record element was not
// in the transcription); the catalog carries the record names from the XSD-generated classes.
// DecControlModel is listed at the root there, but its rows belong to a goods line (a third-party
// schema of the spec links them to DecList) and carry no line number, so the catalog nests it.
const wrapperOnly: Record<string, string> = {
  TrnContaGoodsList: 'TrnContaGoodsList/TrnContaGoods',
  DecSupplementLists: 'DecSupplementLists/DecSupplementList',
  SddTax: 'SddTax/SddTaxHead',
  DecControlModel: 'DecLists/DecList/DecControlModel',
};

function specRows(): SpecRow[] {
  const [, ...lines] = readDomainText('decmessage-fields.tsv')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const [section = '', element = '', , type = '', length = '', draft = '', declare = ''] = line.split('\t');
    // Two-part draft flags ("Y/Y", "N/Y") are read by their first part, as the spec's 暂存 column.
    return { section, element, type, length, draft: draft.startsWith('Y'), declare: declare === 'Y' };
  });
}

const pathToSection = new Map(goodsDeclaration.sections.map((s) => [sectionXmlPath(goodsDeclaration, s.id), s.id]));

function catalogElement(row: SpecRow): ElementDef | undefined {
  if (row.section === 'DecMessage/@Version')
    return goodsDeclaration.root?.attributes.find((a) => a.xml === row.element);
  const sectionId = pathToSection.get(wrapperOnly[row.section] ?? row.section);
  return sectionId ? findElement(goodsDeclaration, sectionId, row.element) : undefined;
}

const typeNames: Record<string, ElementDef['type']> = {
  String: 'string',
  Decimal: 'decimal',
  Integer: 'integer',
  Date: 'date',
  DateTime: 'datetime',
  BLOB: 'binary',
};

describe('goods declaration catalog', () => {
  const rows = specRows();

  it('reads the whole field list', () => {
    expect(rows.length).toBeGreaterThanOrEqual(407);
  });

  it('has every element of decmessage-fields.tsv with the same type, length and requirement', () => {
    const problems: string[] = [];
    for (const row of rows) {
      const def = catalogElement(row);
      if (!def) {
        problems.push(`${row.section}/${row.element}: missing`);
        continue;
      }
      if (typeNames[row.type] !== def.type)
        problems.push(`${row.section}/${row.element}: type ${def.type}, spec ${row.type}`);
      const calibrated = specCalibrations.find((c) => c.element === `${row.section}/${row.element}`);
      if (calibrated) {
        if (Number(row.length) !== calibrated.specLength || def.length !== calibrated.length)
          problems.push(`${row.section}/${row.element}: calibrated ${calibrated.specLength} → ${calibrated.length}`);
      } else if (row.length !== '') {
        const [digits, decimals] = row.length.split(',');
        if (Number(digits) !== def.length)
          problems.push(`${row.section}/${row.element}: length ${def.length}, spec ${row.length}`);
        if (decimals !== undefined && Number(decimals) !== def.decimals)
          problems.push(`${row.section}/${row.element}: decimals ${def.decimals}, spec ${row.length}`);
      }
      if (def.draft !== row.draft)
        problems.push(`${row.section}/${row.element}: draft ${def.draft}, spec ${row.draft}`);
      if (def.declare !== row.declare)
        problems.push(`${row.section}/${row.element}: declare ${def.declare}, spec ${row.declare}`);
    }
    expect(problems).toEqual([]);
  });

  it('adds no element the spec lacks, except local link keys', () => {
    const spec = new Set(rows.map((r) => `${wrapperOnly[r.section] ?? r.section}/${r.element}`));
    const extra = goodsDeclaration.sections.flatMap((s) =>
      s.elements
        .filter((e) => !e.local && !spec.has(`${sectionXmlPath(goodsDeclaration, s.id)}/${e.xml}`))
        .map((e) => `${s.id}.${e.xml}`),
    );
    expect(extra).toEqual([]);
  });

  it('keeps the schema order of DecHead and DecList (DOMAIN.md §1.3–1.4)', () => {
    const head = findSection(goodsDeclaration, 'head')?.elements.map((e) => e.xml) ?? [];
    expect(head.slice(0, 5)).toEqual(['SeqNo', 'IEFlag', 'Type', 'AgentCode', 'AgentName']);
    expect(head.indexOf('EdiRemark2')).toBe(head.indexOf('EdiRemark') - 1);
    expect(head.at(-1)).toBe('DeclCiqCode');
    expect(head).toHaveLength(91);
    const lines = findSection(goodsDeclaration, 'lines')?.elements.map((e) => e.xml) ?? [];
    expect(lines.slice(0, 3)).toEqual(['ClassMark', 'CodeTS', 'ContrItem']);
    expect(lines.slice(-4)).toEqual(['MnufctrRegNo', 'MnufctrRegName', 'RcepOrigPlaceCode', 'ControlExplainCode']);
  });

  it('keeps the root child order and the wrapper and record names', () => {
    expect(rootSections(goodsDeclaration).map((s) => s.xml)).toEqual([
      'DecHead',
      'DecLists/DecList',
      'DecContainers/Container',
      'DecLicenseDocus/LicenseDocu',
      'DecRequestCerts/DecRequestCert',
      'DecOtherPacks/DecOtherPack',
      'DecCopLimits/DecCopLimit',
      'DecUsers/DecUser',
      'DecMarkLobs/DecMarkLob',
      'DecFreeTxt',
      'DecSign',
      'TrnHead',
      'TrnList',
      'TrnContainers/TrnContainer',
      'TrnContaGoodsList/TrnContaGoods',
      'DecSupplementLists/DecSupplementList',
      'EdocRealation',
      'EcoRelation',
      'SddTax/SddTaxHead',
      'DecRisk',
      'DecCopPromises/DecCopPromise',
      'DecTpAccess',
      'DecRoyaltyFee',
    ]);
    expect(sectionXmlPath(goodsDeclaration, 'goodsLimitVins')).toBe(
      'DecLists/DecList/DecGoodsLimits/DecGoodsLimit/DecGoodsLimitVin',
    );
    expect(childSections(goodsDeclaration, 'lines').map((s) => s.id)).toEqual(['goodsLimits', 'controlModels']);
    expect(findSection(goodsDeclaration, 'edocs')?.repeats).toBe(true);
  });

  it('places nested blocks after an element their parent has, and links them by keys both sides have', () => {
    for (const section of goodsDeclaration.sections) {
      if (!section.parent) continue;
      const parent = findSection(goodsDeclaration, section.parent.section);
      expect(parent, section.id).toBeDefined();
      expect(
        parent?.elements.some((e) => e.xml === section.parent?.after),
        section.id,
      ).toBe(true);
      for (const [child, parentKey] of section.parent.keys) {
        expect(
          section.elements.some((e) => e.xml === child),
          `${section.id}.${child}`,
        ).toBe(true);
        if (parentKey !== '#')
          expect(
            parent?.elements.some((e) => e.xml === parentKey),
            `${parent?.id}.${parentKey}`,
          ).toBe(true);
      }
    }
  });

  it('gives every element unique Chinese and English labels within its section, in every direction', () => {
    for (const section of goodsDeclaration.sections) {
      for (const ie of [undefined, 'I', 'E'] as const) {
        for (const locale of ['zh-CN', 'en'] as const) {
          const labels = section.elements.map((e) => labelOf(e, locale, ie));
          const duplicates = labels.filter((l, i) => labels.indexOf(l) !== i);
          expect(duplicates, `${section.id} ${locale} ${ie ?? ''}`).toEqual([]);
          expect(labels.every((l) => l.trim() !== '')).toBe(true);
        }
      }
    }
  });

  it('uses direction-specific labels where the form does', () => {
    const tradeCountry = findElement(goodsDeclaration, 'head', 'TradeCountry');
    expect(tradeCountry && labelOf(tradeCountry, 'zh-CN', 'I')).toBe('启运国(地区)');
    expect(tradeCountry && labelOf(tradeCountry, 'zh-CN', 'E')).toBe('运抵国(地区)');
    const origin = findElement(goodsDeclaration, 'lines', 'OriginCountry');
    expect(origin && labelOf(origin, 'zh-CN', 'E')).toBe('最终目的国(地区)');
    expect(origin && labelOf(origin, 'en')).toBe('Country of origin');
  });

  it('has unique section ids that are valid table ids, and element names valid as row keys', () => {
    const ids = goodsDeclaration.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]*$/);
    for (const s of goodsDeclaration.sections)
      for (const e of s.elements) expect(e.xml).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });
});
