import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../catalog';
import { check, messages, sample, summary } from '../../scripts/validation-harness';
import { declaredByteLength } from './bytes';
import { containerCheckDigit, containerProblem, usccCheckChar, usccProblem } from './formats';
import { isDecimal } from './rules-basic';

describe('the sample declaration', () => {
  it('passes every check at both stages, with every official table loaded', () => {
    expect(summary(check(sample()))).toEqual([]);
    expect(summary(check(sample(), { stage: 'draft' }))).toEqual([]);
    expect(summary(check(sample(() => {}, 50)))).toEqual([]);
  });

  it('passes without any code table too (membership is then not judged)', () => {
    expect(summary(check(sample(), { codes: undefined }))).toEqual([]);
  });
});

describe('required by stage', () => {
  it('asks for a declare-required field only when declaring', () => {
    const doc = sample((d) => delete d.head.TradeMode);
    expect(summary(check(doc))).toContain('required@head.TradeMode');
    expect(summary(check(doc, { stage: 'draft' }))).not.toContain('required@head.TradeMode');
  });

  it('asks for a draft-required field at both stages', () => {
    const doc = sample((d) => delete d.head.AgentName);
    expect(summary(check(doc, { stage: 'draft' }))).toContain('required@head.AgentName');
    expect(summary(check(doc))).toContain('required@head.AgentName');
  });

  it('never asks the user for values customs, the app or the signer fill', () => {
    const doc = sample((d) => {
      delete d.head.IEFlag;
      for (const line of d.lines) delete line.GNo;
      d.tables.sign = [{ Note: 'x' }];
    });
    const found = summary(check(doc, { ieFlag: 'I' }));
    expect(found.filter((f) => f.startsWith('required@'))).toEqual([]);
  });

  it('asks for the required fields of a sub-table row that exists, and of a nested row', () => {
    const doc = sample((d) => {
      d.tables.containers = [{ ContainerId: 'CSQU3054383' }];
      d.tables.goodsLimits = [{ GoodsNo: '1' }];
    });
    expect(summary(check(doc, { stage: 'draft' }))).toEqual([
      'required@containers[0].ContainerMd',
      'required@containers[0].GoodsNo',
    ]);
    expect(summary(check(doc))).toEqual(
      expect.arrayContaining([
        'required@goodsLimits[0].LicTypeCode',
        'required@goodsLimits[0].LicenceNo',
        'required@containers[0].ContainerMd',
      ]),
    );
  });

  it('refuses a second row of a single block', () => {
    expect(summary(check(sample((d) => (d.tables.freeText = [{ VoyNo: '1' }, { VoyNo: '2' }]))))).toContain(
      'single-block@freeText[1]',
    );
    expect(summary(check(sample((d) => (d.tables.freeText = [{ VoyNo: '123E' }]))))).toEqual([]);
  });
});

describe('code-table membership', () => {
  it('refuses a code a complete table lacks', () => {
    expect(summary(check(sample((d) => (d.head.TrafMode = 'Q'))))).toEqual(['unknown-code@head.TrafMode']);
    expect(summary(check(sample((d) => (d.head.CustomMaster = '9998'))))).toEqual(['unknown-code@head.CustomMaster']);
    expect(summary(check(sample((d) => (d.lines[0] = { ...d.lines[0], CodeTS: '0808109999' }))))).toEqual([
      'unknown-code@lines[0].CodeTS',
    ]);
  });

  it('says a name typed where a code goes once, as not in the table, not also as too long', () => {
    expect(summary(check(sample((d) => (d.head.CustomMaster = 'Pujiang'))))).toEqual([
      'unknown-code@head.CustomMaster',
    ]);
    expect(summary(check(sample((d) => (d.head.WrapType = '纸箱'))))).toEqual(['unknown-code@head.WrapType']);
  });

  it('is case-sensitive, as customs codes are', () => {
    expect(summary(check(sample((d) => (d.head.TradeCountry = 'usa'))))).toEqual(['unknown-code@head.TradeCountry']);
  });
});

describe('formats', () => {
  const cases: Array<[string, (d: ReturnType<typeof sample>) => void, string]> = [
    ['customs code', (d) => (d.head.AgentCode = '312248006'), 'customs-code-format@head.AgentCode'],
    ['owner code', (d) => (d.head.OwnerCode = 'N/A'), 'owner-code-format@head.OwnerCode'],
    ['USCC characters', (d) => (d.head.TradeCoScc = '91310000MA1FL1XX4I'), 'uscc-format@head.TradeCoScc'],
    ['USCC check character', (d) => (d.head.TradeCoScc = '91310000MA1FL1XX4X'), 'uscc-check-digit@head.TradeCoScc'],
    ['CIQ code', (d) => (d.head.TradeCiqCode = '31000A0001'), 'ciq-code-format@head.TradeCiqCode'],
    ['HS code', (d) => d.lines[0] && (d.lines[0].CodeTS = '08081000'), 'hs-code-format@lines[0].CodeTS'],
    ['CIQ sub-code', (d) => d.lines[0] && (d.lines[0].CiqCode = '99'), 'ciq-sub-code-format@lines[0].CiqCode'],
    ['date', (d) => (d.head.IEDate = '20260230'), 'date-format@head.IEDate'],
    [
      'date with dashes',
      (d) => (d.tables.royaltyFee = [{ ...royalty, PayTime: '20260101' }]),
      'date-format@royaltyFee[0].PayTime',
    ],
    ['promise items', (d) => (d.head.PromiseItmes = '0019'), 'promise-items-format@head.PromiseItmes'],
    [
      'container number',
      (d) => (d.tables.containers = [{ ContainerId: 'CSQ3054383', ContainerMd: '21', GoodsNo: '1' }]),
      'container-no-format@containers[0].ContainerId',
    ],
    [
      'container check digit',
      (d) => (d.tables.containers = [{ ContainerId: 'CSQU3054384', ContainerMd: '21', GoodsNo: '1' }]),
      'container-check-digit@containers[0].ContainerId',
    ],
    [
      'line-number list',
      (d) => (d.tables.containers = [{ ContainerId: 'CSQU3054383', ContainerMd: '21', GoodsNo: '1;2' }]),
      'gno-list-format@containers[0].GoodsNo',
    ],
  ];
  for (const [what, change, expected] of cases) {
    it(`refuses a malformed ${what}`, () => {
      expect(summary(check(sample(change)))).toContain(expected);
    });
  }

  it('accepts NO and 9-character owner codes, a leap day, and well-formed sub-table values', () => {
    expect(summary(check(sample((d) => (d.head.OwnerCode = 'NO'))))).toEqual([]);
    expect(summary(check(sample((d) => (d.head.OwnerCode = '31224600X'))))).toEqual([]);
    expect(summary(check(sample((d) => (d.head.IEDate = '20240229'))))).toEqual([]);
    expect(
      summary(
        check(sample((d) => (d.tables.containers = [{ ContainerId: 'CSQU3054383', ContainerMd: '21', GoodsNo: '1' }]))),
      ),
    ).toEqual([]);
    expect(summary(check(sample((d) => (d.tables.royaltyFee = [royalty]))))).toEqual([]);
  });

  it('computes the GB 32100 and ISO 6346 check characters', () => {
    expect(usccProblem('91350100M000100Y43')).toBeNull();
    expect(usccCheckChar('91310000MA1FL1XX4')).toBe('W');
    expect(containerCheckDigit('CSQU305438')).toBe(3);
    expect(containerProblem('MSKU9070323')).toBeNull();
  });

  it('finds every single-character typo in a USCC and a container number', () => {
    const uscc = '91310000MA1FL1XX4W';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), (pos, ch) => {
        fc.pre(uscc[pos] !== ch);
        expect(usccProblem(uscc.slice(0, pos) + ch + uscc.slice(pos + 1))).not.toBeNull();
      }),
    );
    const box = 'CSQU3054383';
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 10 }), fc.integer({ min: 0, max: 9 }), (pos, digit) => {
        fc.pre(box[pos] !== String(digit));
        expect(containerProblem(box.slice(0, pos) + String(digit) + box.slice(pos + 1))).not.toBeNull();
      }),
    );
  });
});

const royalty = {
  ContractNo: 'RF-1',
  Authorizer: 'A',
  AuthorizedPerson: 'B',
  PayType: '0',
  PayTime: '2026-01-01',
  EffectiveDateTime: '2026-01-01',
  ExpirationDateTime: '2030-12-31',
  RoyaltyAmount: '1000.00',
  Curr: 'USD',
  RoyaltyFeeType: '10000',
  EdocType: '01000000',
  Statment: '说明',
  IsSecret: '0',
  IssueDateTime: '2025-12-01',
};

describe('byte lengths and number formats', () => {
  it('counts a Chinese character as 2 bytes and refuses a name past its length', () => {
    expect(declaredByteLength('苹果ab')).toBe(6);
    expect(summary(check(sample((d) => (d.head.AgentName = '很'.repeat(51)))))).toEqual(['too-long@head.AgentName']);
    expect(summary(check(sample((d) => (d.head.AgentName = '很'.repeat(50)))))).toEqual([]);
  });

  it('property: a string passes the length check exactly when its GBK-style byte count fits', () => {
    const def = goodsDeclaration.sections[0]?.elements.find((e) => e.xml === 'NoteS');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '1', ' ', '中', '（', 'é', '😀'), { maxLength: 300 }), (chars) => {
        const value = chars.join('');
        const bytes = [...value].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) <= 0x7f ? 1 : 2), 0);
        expect(declaredByteLength(value)).toBe(bytes);
        const findings = check(sample((d) => (d.head.NoteS = value)));
        expect(findings.some((f) => f.code === 'too-long' && f.path === 'head.NoteS')).toBe(
          value.trim() !== '' && bytes > (def?.length ?? 0),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('property: a decimal passes exactly when its integer and fraction digits fit Decimal(19,5)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,16}$/), fc.stringMatching(/^[0-9]{0,7}$/), (intPart, frac) => {
        const value = frac === '' ? intPart : `${intPart}.${frac}`;
        const fits = intPart.replace(/^0+(?=\d)/, '').length <= 14 && frac.length <= 5;
        expect(isDecimal(value, 19, 5)).toBe(fits);
      }),
    );
    for (const bad of ['1,000', '-1', '1e5', '.5', '1.', ' 1']) expect(isDecimal(bad, 19, 5), bad).toBe(false);
  });

  /** The sample's findings with its 毛重 and 件数 typed as given. */
  const grossAndPacks = (gross: string, packs: string) =>
    check(
      sample((d) => {
        d.head.GrossWet = gross;
        d.head.PackNo = packs;
      }),
    );

  it('refuses malformed numbers and integers with messages naming the field', () => {
    const findings = grossAndPacks('1,200', '10.5');
    expect(summary(findings)).toEqual(['decimal-format@head.GrossWet', 'integer-format@head.PackNo']);
    expect(messages(findings[0] ?? { path: '', code: '', severity: 'error', params: {} }).zh).toMatch(
      /^毛重\(千克\)：应为数字/,
    );
  });

  it('says a negative number is refused for being negative, in both languages', () => {
    const findings = grossAndPacks('-1200', '-10');
    expect(summary(findings)).toEqual(['decimal-format@head.GrossWet', 'integer-format@head.PackNo']);
    expect(findings.map((f) => messages(f).zh)).toEqual([
      '毛重(千克)：不能为负数，请填写 0 或正数',
      '件数：不能为负数，请填写 0 或正整数',
    ]);
    expect(findings.map((f) => messages(f).en)).toEqual([
      'Gross weight (kg): cannot be negative — enter 0 or a positive number',
      'Number of packages: cannot be negative — enter 0 or a positive whole number',
    ]);
  });
});

describe('characters that cannot be stored', () => {
  it('refuses a lone surrogate (it has no canonical JSON form to sign), naming the field, and accepts a paired one', () => {
    const broken = sample((d) => (d.head.NoteS = `备注\uD83D`));
    expect(summary(check(broken))).toContain('unpaired-surrogate@head.NoteS');
    const finding = check(broken).find((f) => f.code === 'unpaired-surrogate');
    expect(finding && messages(finding).zh).toMatch(/^备注：含有无法保存的字符/);
    expect(finding && messages(finding).en).toMatch(/unpaired surrogate/);
    const emoji = sample((d) => (d.head.NoteS = '备注 📦'));
    expect(summary(check(emoji))).not.toContain('unpaired-surrogate@head.NoteS');
  });
});
