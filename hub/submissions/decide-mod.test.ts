import { describe, expect, it } from 'vitest';
import type { DeclarationDoc } from '../../shared/catalog';
import type { DecModChange } from '../../shared/modify/dec-mod-list';
import type { ModEnvelope } from '../../shared/modify/mod-request';
import { decModHead } from '../../test-support/shared/records';
import { decideMod } from './decide-mod';

const entryId = '224820261000000001';
const held: DeclarationDoc = {
  head: { TradeMode: '0110', GrossWet: '100', CustomMaster: '2248' },
  lines: [{ GNo: '1', GName: '鲜苹果', GQty: '10' }],
  tables: {},
};

function change(table: 'head' | 'lines', fieldCode: string, oldValue: string, newValue: string): DecModChange {
  return {
    no: 1,
    table,
    row: table === 'head' ? null : Number(fieldCode.split('@')[1]) - 1,
    fieldCode,
    fieldName: fieldCode,
    oldValue,
    newValue,
    oldName: '',
    newName: '',
  };
}

function envelope(kind: '1' | '2', changes: DecModChange[]): ModEnvelope {
  return {
    requestId: '0190a000-0000-7000-8000-000000000001',
    docType: 'decmod',
    clientSeqNo: 'C1',
    createdAt: '2026-12-07T01:00:00.000Z',
    keyId: '0123456789abcdef',
    reasonCase: 6,
    head: decModHead({ DecModType: kind, EntryId: entryId, CustomsCode: '2248' }),
    changes,
  };
}

const target = { doc: held, lastChannel: 'P', cancelled: false };

describe('the hub judging a modification or cancellation request', () => {
  it('approves a modification whose old values are those held, giving the declaration with the new values', () => {
    const decision = decideMod(
      envelope('1', [change('head', 'GrossWet', '100', '120'), change('lines', 'GQty@1', '10', '12')]),
      target,
    );
    expect(decision).toMatchObject({ outcome: 'approved', reasons: [], cancel: false });
    expect(decision.doc).toEqual({
      ...held,
      head: { ...held.head, GrossWet: '120' },
      lines: [{ ...held.lines[0], GQty: '12' }],
    });
  });

  it('refuses under inspection (C, S), an unknown or cancelled declaration — a cancellation too', () => {
    for (const lastChannel of ['C', 'S']) {
      const decision = decideMod(envelope('2', []), { ...target, lastChannel });
      expect(decision).toMatchObject({ outcome: 'refused', doc: null, cancel: false });
      expect(decision.reasons.map((r) => r.reason)).toEqual(['modify.under-inspection']);
    }
    expect(decideMod(envelope('1', []), undefined).reasons[0]).toMatchObject({
      reason: 'modify.unknown-entry',
      params: { entryId },
    });
    expect(decideMod(envelope('2', []), { ...target, cancelled: true }).reasons[0]?.reason).toBe(
      'modify.already-cancelled',
    );
    expect(decideMod(envelope('2', []), target)).toMatchObject({ outcome: 'approved', cancel: true, doc: null });
  });

  it('refuses naming each field that may not be changed, is stale or names a line not there, and changes nothing', () => {
    const decision = decideMod(
      envelope('1', [
        change('head', 'CustomMaster', '2248', '2200'),
        change('lines', 'GNo@1', '1', '2'),
        change('head', 'GrossWet', '99', '120'),
        change('lines', 'GQty@3', '', '5'),
        change('head', 'TradeMode', '0110', '0214'),
      ]),
      target,
    );
    expect(decision.outcome).toBe('refused');
    expect(decision.doc).toBeNull();
    expect(decision.reasons.map((r) => [r.reason, r.params?.field])).toEqual([
      ['modify.field-locked', 'CustomMaster'],
      ['modify.field-locked', 'GNo@1'],
      ['modify.old-value-differs', 'GrossWet'],
      ['modify.no-line', 'GQty@3'],
    ]);
  });
});
