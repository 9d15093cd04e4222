import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeclarationDoc, Row } from '../catalog';
import { goodsDeclaration } from '../catalog';
import { declarationArb, valueArb } from '../../test-support/shared/arbitrary-doc';
import { errorOf } from '../../test-support/main/app-error';
import { applyDecModList, buildDecModList } from './dec-mod-list';

const catalog = goodsDeclaration;
const headFields = catalog.sections.find((s) => s.id === 'head')?.elements.map((e) => e.xml) ?? [];
const lineFields =
  catalog.sections
    .find((s) => s.id === 'lines')
    ?.elements.map((e) => e.xml)
    .filter((x) => x !== 'GNo') ?? [];

/** An edit of some head and goods-line fields: a value set (new or changed) or cleared (''). */
function editArb(fields: readonly string[]): fc.Arbitrary<Row> {
  return fc.dictionary(fc.constantFrom(...fields), fc.oneof(valueArb, fc.constant('')), { maxKeys: 6 });
}

function edited(doc: DeclarationDoc, head: Row, lines: readonly Row[]): DeclarationDoc {
  const apply = (row: Row, edit: Row | undefined): Row =>
    Object.fromEntries(Object.entries({ ...row, ...edit }).filter(([, value]) => value !== ''));
  return { head: apply(doc.head, head), lines: doc.lines.map((l, i) => apply(l, lines[i])), tables: doc.tables };
}

describe('a modification request built from the differences', () => {
  it('applying its NewValues to the declaration as declared gives the edited copy (property)', () => {
    fc.assert(
      fc.property(
        declarationArb(catalog, { minLines: 1, maxLines: 4 }).map((d) => d.doc),
        editArb(headFields),
        fc.array(editArb(lineFields), { maxLength: 4 }),
        (declared, headEdit, lineEdits) => {
          const copy = edited(declared, headEdit, lineEdits);
          const changes = buildDecModList(catalog, declared, copy);
          expect(applyDecModList(declared, changes)).toEqual(copy);
          // Only what changed is listed, numbered from 1.
          expect(changes.map((c) => c.no)).toEqual(changes.map((_, i) => i + 1));
          for (const c of changes) expect(c.oldValue).not.toBe(c.newValue);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names each field as the message does, with its Chinese name and its code-table names', () => {
    const declared: DeclarationDoc = {
      head: { TradeMode: '0110', BillNo: 'COSU1' },
      lines: [{ GName: '鲜苹果', GModel: '一级' }, { GName: '鲜梨' }],
      tables: {},
    };
    const copy: DeclarationDoc = {
      head: { TradeMode: '0615', BillNo: 'COSU1' },
      lines: [{ GName: '鲜苹果', GModel: '二级' }, { GName: '鲜梨' }],
      tables: {},
    };
    const names = (table: string, code: string) =>
      table === 'trade-modes' ? { '0110': '一般贸易', '0615': '进料对口' }[code] : undefined;
    const changes = buildDecModList(catalog, declared, copy, names);
    expect(changes[0]?.oldName).toBe('一般贸易');
    expect(changes[0]?.newName).toBe('进料对口');
    expect(changes).toEqual([
      expect.objectContaining({
        no: 1,
        table: 'head',
        row: null,
        fieldCode: 'TradeMode',
        oldValue: '0110',
        newValue: '0615',
      }),
      expect.objectContaining({
        no: 2,
        table: 'lines',
        row: 0,
        fieldCode: 'GModel@1',
        oldValue: '一级',
        newValue: '二级',
      }),
    ]);
    expect(changes[0]?.fieldName).toBe('监管方式');
    expect(changes[1]?.fieldName).toBe('规格型号');
  });

  it('refuses goods lines added or removed, and a change in another table, naming it', () => {
    const declared: DeclarationDoc = {
      head: {},
      lines: [{ GName: 'a' }],
      tables: { containers: [{ ContainerId: 'C1' }] },
    };
    const moreLines = { ...declared, lines: [{ GName: 'a' }, { GName: 'b' }] };
    expect(errorOf(() => buildDecModList(catalog, declared, moreLines)).message).toBe(
      'A modification request cannot add or remove goods lines (declared with 1, the copy has 2); nothing was sent',
    );
    const otherContainer = { ...declared, tables: { containers: [{ ContainerId: 'C2' }] } };
    expect(errorOf(() => buildDecModList(catalog, declared, otherContainer)).message).toMatch(
      /head and goods-line fields only; .* changed \(nothing was sent\)/,
    );
  });
});
