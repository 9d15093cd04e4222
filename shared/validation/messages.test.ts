import { describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../catalog';
import { check, messages, sample, sampleExport } from '../../scripts/validation-harness';
import { enTemplates } from './messages-en';
import { zhTemplates } from './messages-zh';
import { fieldLabel, formatFinding } from './messages';
import type { Finding } from './types';

/** Declarations that between them trip most rules, to read every message they produce. */
function troubledFindings(): Finding[] {
  const docs = [
    sample((d) => {
      d.head = {
        ...d.head,
        GrossWet: '1000',
        NetWt: '1100',
        PackNo: '0',
        TransMode: '3',
        FeeMark: '3',
        FeeRate: '5',
        TradeMode: '0214',
        CutMode: '101',
        AgentName: '',
        TradeCoScc: '91310000MA1FL1XX4X',
        IEDate: '20991231',
      };
      d.lines.push({
        ...d.lines[0],
        GNo: '5',
        DeclTotal: '1',
        FirstUnit: '007',
        GModel: '9|9|1|2|3|4|5|6|7|8|9',
        SecondQty: '3',
        DutyMode: '3',
      });
      d.tables.containers = [{ ContainerId: 'CSQU3054384', ContainerMd: '99', GoodsNo: '7' }];
      d.tables.freeText = [{ VoyNo: 'a' }, { VoyNo: 'b' }];
      d.tables.promises = [{ DeclaratioMaterialCode: '102053' }];
    }, 2),
    sampleExport((d) => {
      d.head = { ...d.head, TransMode: '1', EntryType: 'M' };
      if (d.lines[0])
        Object.assign(d.lines[0], {
          OriginCountry: 'CHN',
          DestinationCountry: 'USA',
          CodeTS: '8419399020',
          CiqCode: '',
        });
    }),
  ];
  docs.push(
    sample((d) => (d.lines = [])),
    sample(() => {}, 51),
  );
  return docs.flatMap((doc) => check(doc));
}

describe('finding messages', () => {
  it('exist in both languages for the same codes', () => {
    expect(Object.keys(enTemplates).sort()).toEqual(Object.keys(zhTemplates).sort());
  });

  it('name the field and never fall back to the bare code', () => {
    const findings = troubledFindings();
    expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThan(20);
    for (const finding of findings) {
      const { zh, en } = messages(finding);
      expect(zh, finding.code).not.toMatch(new RegExp(`: ${finding.code}$`));
      expect(en, finding.code).not.toMatch(new RegExp(`: ${finding.code}$`));
      expect(zh.startsWith(fieldLabel(goodsDeclaration, finding.path, 'zh-CN')), `${finding.code}: ${zh}`).toBe(true);
      expect(en.startsWith(fieldLabel(goodsDeclaration, finding.path, 'en')), `${finding.code}: ${en}`).toBe(true);
    }
  });

  it('label fields by line, by sub-table row and by direction', () => {
    expect(fieldLabel(goodsDeclaration, 'lines[2].CodeTS', 'zh-CN')).toBe('第3项 商品编号');
    expect(fieldLabel(goodsDeclaration, 'lines[2].CodeTS', 'en')).toBe('Line 3 HS code');
    expect(fieldLabel(goodsDeclaration, 'containers[0].ContainerId', 'zh-CN')).toBe('集装箱第1行 集装箱号');
    expect(fieldLabel(goodsDeclaration, 'freeText[0].VoyNo', 'zh-CN')).toBe('自由文本 航次号');
    expect(fieldLabel(goodsDeclaration, 'head.IEPort', 'zh-CN', 'E')).toBe('出境关别');
    expect(fieldLabel(goodsDeclaration, 'lines', 'zh-CN')).toBe('商品');
    const finding: Finding = {
      path: 'head.GrossWet',
      code: 'gross-below-net',
      severity: 'error',
      params: { gross: '1', net: '2' },
    };
    expect(formatFinding(goodsDeclaration, finding, 'zh-CN')).toBe('毛重(千克)：毛重（1）不能小于净重（2），请核对');
    expect(formatFinding(goodsDeclaration, finding, 'en')).toBe(
      'Gross weight (kg): the gross weight (1) cannot be less than the net weight (2)',
    );
  });
});
