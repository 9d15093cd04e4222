import type { DeclarationRecord, DeclarationSummary } from '../../shared/api';

/** A draft import declaration as the list shows it (declarations.list), with what a test sets over it. */
export function declarationSummary(overrides: Partial<DeclarationSummary> = {}): DeclarationSummary {
  return {
    id: '01a2049e-b64f-7413-8ff9-f1a7a1258340',
    clientSeqNo: 'SW261122ABCDEFGHJK',
    ieFlag: 'I',
    workflow: 'draft',
    status: 'draft',
    channel: null,
    entryId: null,
    seqNo: null,
    tradeName: '',
    billNo: '',
    contrNo: '',
    lineCount: 0,
    revision: 1,
    createdAt: '2026-11-22T00:00:00.000Z',
    updatedAt: '2026-11-22T00:00:00.000Z',
    declaredAt: null,
    tradeMode: '',
    packNo: '',
    grossWet: '',
    inputerName: '',
    twoStep: null,
    ieDate: '',
    releasedAt: null,
    ...overrides,
  };
}

/** The same draft as main answers it (declarations.get), with what a test sets over it. */
export function declarationRecord(overrides: Partial<DeclarationRecord> = {}): DeclarationRecord {
  return {
    ...declarationSummary(),
    doc: { head: { IEFlag: 'I' }, lines: [], tables: {} },
    rejection: null,
    ...overrides,
  };
}
