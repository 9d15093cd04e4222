import type {
  ArchiveImportResult,
  BackupInfo,
  DeclarationRecord,
  DeclarationSummary,
  KeyStatus,
  LineImportReport,
  SyncStatus,
  TemplateSummary,
} from '../../shared/api';
import type { DecModHead } from '../../shared/modify/mod-request';
import { recordBuilder } from './record-builder';

/** A draft import declaration as the list shows it (declarations.list), with what a test sets over it. */
export const declarationSummary = recordBuilder<DeclarationSummary>(() => ({
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
}));

/** The same draft as main answers it (declarations.get), with what a test sets over it. */
export const declarationRecord = recordBuilder<DeclarationRecord>(() => ({
  ...declarationSummary(),
  doc: { head: { IEFlag: 'I' }, lines: [], tables: {} },
  rejection: null,
}));

/** A goods-line import that wrote every row it read without a word to say (interchange.importLines' report). */
export const lineImportWritten = recordBuilder<LineImportReport>(() => ({
  written: true,
  rowCount: 1,
  imported: 1,
  revision: 2,
  created: [],
  errors: [],
  errorCount: 0,
  warnings: [],
  warningCount: 0,
  mapped: [],
  mappedCount: 0,
  profileId: null,
}));

/**
 * Main's refusal of 徐州 as a 境内目的地, a name two codes of 国内地区 carry, as main words it (paste-mapping.test.ts sees
 * main say so), at `row` and `column` of the sheet or the pasted block.
 */
export function ambiguousDistrict(row: number, column: string): LineImportReport['errors'][number] {
  return {
    row,
    column,
    field: 'DistrictCode',
    code: 'ambiguous-name',
    severity: 'error',
    message:
      '境内目的地：“徐州”在「国内地区代码」中对应多个代码（32039 徐州；3203W 徐州、新沂保税物流中心（B型）），请在表格中填写代码',
    messageEn: 'Domestic destination: "徐州" names several codes (32039 徐州；3203W …); write the code in the sheet',
  };
}

/** A 修撤单's head (DecModHead): a modification with no parties and no note, with what a test sets over it. */
export const decModHead = recordBuilder<DecModHead>(() => ({
  DecModType: '1',
  EntryId: '',
  DecSeqNo: '',
  CustomsCode: '',
  IeFlag: 'I',
  TradeCode: '',
  TradeName: '',
  TradeCreditCode: '',
  AgentCode: '',
  AgentName: '',
  AgentCreditCode: '',
  DecModNote: '',
}));

/**
 * An archive import's report (archive.import) of `path`: nothing of any kind added or skipped, no declaration sent
 * back to draft and no conflict, with what a test sets over it.
 */
export function archiveImported(path: string, overrides: Partial<ArchiveImportResult> = {}): ArchiveImportResult {
  const none = { added: 0, skipped: 0 };
  return {
    path,
    declarations: none,
    receipts: none,
    templates: none,
    codeTables: none,
    profiles: none,
    parties: none,
    products: none,
    returnedToDraft: [],
    conflicts: [],
    ...overrides,
  };
}

/**
 * The signing key's status (keys.status): an unlocked ed25519 key sealed with a passphrase, on a host with no
 * keychain, with what a test sets over it.
 */
export const keyStatus = recordBuilder<KeyStatus>(() => ({
  exists: true,
  unlocked: true,
  algorithm: 'ed25519',
  keyId: 'k1',
  publicKey: 'p',
  protection: 'passphrase',
  keychain: false,
}));

/** The hub connection's status (sync.status): a desk enrolled with a hub that answers, nothing queued or gone wrong. */
export const syncStatus = recordBuilder<SyncStatus>(() => ({
  state: 'online',
  hubUrl: 'https://hub.example.cn',
  clientId: 'desk-1',
  outbox: { queued: 0, sending: 0, rejected: 0 },
  lastError: null,
  lastSyncAt: null,
  nextAttemptAt: null,
}));

/** A manual backup as backup.list lists it. */
export const manualBackup: BackupInfo = {
  name: 'swdesk-manual-20261122T080000000Z.sqlite',
  kind: 'manual',
  createdAt: '2026-11-22T08:00:00.000Z',
  sizeBytes: 81920,
  schemaVersion: 5,
};

/** A template as the templates' list and picker show it (templates.list): an import kept with its head and lines. */
export const templateSummary = recordBuilder<TemplateSummary>(() => ({
  id: '01a2049e-b64f-7413-8ff9-000000000001',
  name: '智利车厘子',
  ieFlag: 'I',
  lineCount: 1,
  parts: ['head', 'lines'],
  createdAt: '2026-11-22T08:00:00.000Z',
  updatedAt: '2026-11-22T08:00:00.000Z',
}));
