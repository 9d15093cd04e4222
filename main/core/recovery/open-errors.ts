import type { DeskProblem } from '../../../shared/api';
import { DatabaseTooNewError } from '../../../shared/store/migrate';
import { SqliteBindingError } from '../../db/sqlite';

// Why the data could not be opened. createApp throws one of these; the desk (main/desk) turns it
// into a recovery screen instead of a stack trace.

export class DataFolderUnwritableError extends Error {
  readonly folder: string;
  /** `cause`: the system's error, so that its kind (failure-cause.ts) can be told to the broker. */
  constructor(folder: string, reason: string, cause?: unknown) {
    super(`SW Desk cannot write in its data folder ${folder}: ${reason}`, { cause });
    this.name = 'DataFolderUnwritableError';
    this.folder = folder;
  }
}

export class DatabaseDamagedError extends Error {
  constructor(detail: string) {
    super(`The database is damaged: ${detail}`);
    this.name = 'DatabaseDamagedError';
  }
}

export class SigningKeyMissingError extends Error {
  readonly missingKeyIds: string[];
  readonly queued: number;
  readonly enrolled: boolean;
  constructor(info: { missingKeyIds: string[]; queued: number; enrolled: boolean; reason: string }) {
    super(info.reason);
    this.name = 'SigningKeyMissingError';
    this.missingKeyIds = info.missingKeyIds;
    this.queued = info.queued;
    this.enrolled = info.enrolled;
  }
}

const damagedCodes = /^SQLITE_(NOTADB|CORRUPT)/;
const unwritableCodes = /^(SQLITE_(CANTOPEN|READONLY|FULL|IOERR|PERM)|EACCES|EPERM|EROFS|ENOTDIR|ENOSPC|EEXIST|EISDIR)/;

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : '';
}

/** Classifies an error from opening the data into the problem the recovery screen explains. */
export function problemOf(error: unknown): DeskProblem {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DatabaseTooNewError)
    return { kind: 'too-new', detail, found: error.found, supported: error.supported };
  if (error instanceof SqliteBindingError)
    return {
      kind: 'sqlite-binding',
      detail,
      binding: {
        file: error.file,
        found: error.found,
        required: error.required,
        runtime: error.runtime,
        packaged: error.packaged,
      },
    };
  if (error instanceof DatabaseDamagedError) return { kind: 'damaged', detail };
  if (error instanceof DataFolderUnwritableError) return { kind: 'unwritable', detail };
  if (error instanceof SigningKeyMissingError)
    return {
      kind: 'missing-key',
      detail,
      missingKeyIds: error.missingKeyIds,
      queued: error.queued,
      enrolled: error.enrolled,
    };
  const code = codeOf(error);
  if (damagedCodes.test(code)) return { kind: 'damaged', detail: `${code}: ${detail}` };
  if (unwritableCodes.test(code)) return { kind: 'unwritable', detail: `${code}: ${detail}` };
  return { kind: 'unknown', detail };
}
