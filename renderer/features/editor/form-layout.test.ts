import { describe, expect, it } from 'vitest';
import { findSection, goodsDeclaration, labelOf, parseFieldPath } from '../../../shared/catalog';
import {
  compareKeys,
  fieldDomId,
  footerGroups,
  gridColumns,
  groupFields,
  headGroups,
  isHidden,
  lineDetailColumns,
  moreHeadFields,
  orderKey,
  placeOf,
  tabSections,
} from './form-layout';

const directions = ['I', 'E'] as const;

describe('form layout', () => {
  it('shows every head and free-text element a user keys exactly once, per direction', () => {
    for (const ie of directions) {
      const shown = [...headGroups, ...footerGroups].flatMap((g) => groupFields(g, ie)).concat(moreHeadFields(ie));
      expect(new Set(shown).size).toBe(shown.length);
      const expected = [
        ...(findSection(goodsDeclaration, 'head')?.elements ?? [])
          .filter((d) => !isHidden(d))
          .map((d) => `head.${d.xml}`),
        ...(findSection(goodsDeclaration, 'freeText')?.elements ?? [])
          .filter((d) => !isHidden(d))
          .map((d) => `freeText[0].${d.xml}`),
      ];
      expect([...shown].sort()).toEqual([...expected].sort());
    }
  });

  it('hides what customs, the app or the signer fill, and retired elements', () => {
    const head = findSection(goodsDeclaration, 'head')?.elements ?? [];
    const hidden = head.filter(isHidden).map((d) => d.xml);
    expect(hidden).toEqual(expect.arrayContaining(['SeqNo', 'IEFlag', 'EntryId', 'PreEntryId', 'InspOrgCode']));
    expect(hidden).not.toContain('TradeName');
  });

  it('puts every goods-line element in the grid or the details panel, and every user sub-table in a tab', () => {
    const lines = (findSection(goodsDeclaration, 'lines')?.elements ?? [])
      .filter((d) => !isHidden(d))
      .map((d) => d.xml);
    expect([...gridColumns, ...lineDetailColumns].sort()).toEqual([...lines].sort());
    const userTables = goodsDeclaration.sections
      .filter((s) => s.filledBy === 'user' && !['head', 'lines', 'freeText'].includes(s.id))
      .map((s) => s.id);
    expect([...tabSections].sort()).toEqual([...userTables].sort());
  });

  it("labels the form's fields uniquely, so each is found by its name in either language", () => {
    for (const ie of directions) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const paths = [...headGroups, ...footerGroups].flatMap((g) => groupFields(g, ie)).concat(moreHeadFields(ie));
        const labels = paths.map((p) => {
          const parsed = parseFieldPath(p);
          const section = findSection(goodsDeclaration, parsed?.kind === 'row' ? parsed.table : 'head');
          const def = section?.elements.find((e) => e.xml === parsed?.element);
          return def ? labelOf(def, locale, ie) : p;
        });
        const repeated = labels.filter((l, i) => labels.indexOf(l) !== i);
        expect(repeated, `${ie} ${locale}`).toEqual([]);
      }
    }
  });

  it('knows where a field or a section finding lives, and orders them as the screen reads', () => {
    expect(placeOf('head.TradeName', 'I')).toEqual({ area: 'head' });
    expect(placeOf('head.AgentName', 'I')).toEqual({ area: 'footer' });
    expect(placeOf('head.BLNo', 'I')).toEqual({ area: 'more' });
    expect(placeOf('head.OverseasConsigneeCode', 'I')).toEqual({ area: 'more' });
    expect(placeOf('head.OverseasConsigneeCode', 'E')).toEqual({ area: 'head' });
    expect(placeOf('lines[3].CodeTS', 'I')).toEqual({ area: 'grid', line: 3 });
    expect(placeOf('lines[3].Stuff', 'I')).toEqual({ area: 'line-detail', line: 3 });
    expect(placeOf('containers[1].ContainerId', 'I')).toEqual({ area: 'tab', tab: 'containers', row: 1 });
    expect(placeOf('lines', 'I')).toEqual({ area: 'grid', line: 0 });
    expect(placeOf('edocs[2]', 'I')).toEqual({ area: 'tab', tab: 'edocs', row: 2 });
    expect(placeOf('sign[0].Note', 'I')).toEqual({ area: 'none' });
    const ordered = [
      'containers[0].ContainerId',
      'head.AgentName',
      'lines[1].CodeTS',
      'lines[0].Stuff',
      'lines[0].GName',
      'head.BLNo',
      'head.TradeName',
    ].sort((a, b) => compareKeys(orderKey(a, 'I'), orderKey(b, 'I')));
    expect(ordered).toEqual([
      'head.TradeName',
      'head.BLNo',
      'lines[0].GName',
      'lines[0].Stuff',
      'lines[1].CodeTS',
      'head.AgentName',
      'containers[0].ContainerId',
    ]);
  });

  it('turns paths into ids no two fields share', () => {
    expect(fieldDomId('lines[12].CodeTS')).toBe('fld-lines_12__CodeTS');
    expect(fieldDomId('head.TradeName')).not.toBe(fieldDomId('freeText[0].TradeName'));
  });
});
