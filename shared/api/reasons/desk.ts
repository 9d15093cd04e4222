import { causeInEnglish } from '../failure-cause';
import { reason } from './define';

/**
 * What a database file check found (a backup before it is restored, a copy before it is kept):
 * `check` is missing | not-a-database | damaged | too-new | not-ours, `detail` SQLite's own words.
 */
type FileCheck = { file: string; check: string; detail: string };
/** Why a file operation failed: `cause` a kind of shared/api/failure-cause.ts, `detail` the system's words. */
type Cause = { cause: string; detail: string };

/** What a database file check found, in English (`check` from main's checkDatabaseFile). */
function checkEn(p: FileCheck): string {
  const what: Record<string, string> = {
    missing: 'the file does not exist',
    'not-a-database': 'it is not an SQLite database',
    damaged: 'the database is damaged',
    'too-new': 'it was written by a newer SW Desk',
    'not-ours': 'it is not an SW Desk database',
  };
  return `${p.file}: ${what[p.check] ?? 'it did not pass the check'}`;
}
/** A 随附单据 file a backup carries (or should), by its EdocID and the name it was attached under. */
type AttachedFile = { file: string; edocId: string; fileName: string };

/** The data folder, recovery, backups and read-only mode. */
export const deskReasons = {
  'desk.nothing-to-recover': reason(
    'INVALID_STATE',
    () => 'SW Desk opened its data normally; there is nothing to recover',
  ),
  'desk.backup-unusable': reason<FileCheck>(
    'INVALID_STATE',
    (p) => `The backup cannot be restored: ${checkEn(p)}. The current database was not changed`,
  ),
  'desk.folder-in-use': reason<{ folder: string }>('BAD_INPUT', (p) => `${p.folder} is the folder in use now`),
  'desk.folder-unwritable': reason<{ folder: string } & Cause>(
    'BAD_INPUT',
    (p) => `SW Desk cannot write in ${p.folder} (${causeInEnglish(p.cause)})`,
  ),
  'desk.cannot-copy-unopened': reason(
    'INVALID_STATE',
    () => 'The current data cannot be opened, so it cannot be copied; choose the folder without copying',
  ),
  'desk.folder-has-data': reason<{ folder: string }>(
    'CONFLICT',
    (p) =>
      `${p.folder} already holds SW Desk data; choose an empty folder to copy into, or open that data without copying`,
  ),
  'desk.no-such-backup': reason<{ name: string }>('NOT_FOUND', (p) => `There is no backup named ${p.name}`),
  'desk.no-backups': reason<{ folder: string }>('NOT_FOUND', (p) => `There is no backup in ${p.folder}`),
  /** `detail`: each backup's check, for support. */
  'desk.no-good-backup': reason<{ detail: string }>(
    'NOT_FOUND',
    () => 'No backup passes its check; nothing was changed',
  ),
  'desk.cannot-open-read-only': reason<Cause>(
    'INVALID_STATE',
    (p) => `The data cannot be opened even read-only: ${causeInEnglish(p.cause)}`,
  ),
  'desk.no-missing-key': reason('INVALID_STATE', () => 'No signing key is missing'),
  'desk.recovery-first': reason<{ problem: string }>(
    'RECOVERY_MODE',
    (p) => `SW Desk could not open its data (${p.problem}); use the recovery screen first`,
  ),
  'desk.read-only': reason(
    'READ_ONLY',
    () =>
      'The data is open read-only, so nothing can be changed; restore a backup or choose another folder to work again',
  ),
  'desk.cannot-reopen': reason('INVALID_STATE', () => 'Only the desktop app (or the browser host) can reopen its data'),
  'desk.replaced-kept': reason<{ folder: string }>(
    'INVALID_STATE',
    (p) => `The database it replaced was kept in ${p.folder}`,
  ),
  'desk.backup-check-failed': reason<FileCheck>(
    'INTERNAL',
    (p) => `The database check failed, so this backup was not kept (older backups are untouched): ${checkEn(p)}`,
  ),
  'desk.backup-vanished': reason<{ name: string }>(
    'INTERNAL',
    (p) => `The backup ${p.name} disappeared right after it was written`,
  ),
  'desk.backup-not-in-folder': reason<{ name: string; folder: string }>(
    'NOT_FOUND',
    (p) => `There is no backup named ${p.name} in ${p.folder}`,
  ),
  'desk.backup-file-damaged': reason<AttachedFile>(
    'INVALID_STATE',
    (p) =>
      `The backup ${p.file} cannot be restored: the attached file ${p.fileName} (${p.edocId}) in it is damaged or altered (its bytes do not match its SHA-256). Nothing was changed`,
  ),
  'desk.backup-file-missing': reason<AttachedFile>(
    'INVALID_STATE',
    (p) =>
      `The backup ${p.file} cannot be restored: it does not carry the attached file ${p.fileName} (${p.edocId}), and the file is not in the data folder. Nothing was changed`,
  ),
  'desk.restore-copy-failed': reason<Cause>(
    'INTERNAL',
    (p) => `The backup could not be copied into place (${causeInEnglish(p.cause)}); the current database was put back`,
  ),
  'desk.folder-not-remembered-cli': reason(
    'INVALID_STATE',
    () =>
      'The folder was not remembered: this SW Desk was started with a data folder given on its command line (--data), which wins at every start',
  ),
  'desk.folder-not-remembered': reason<Cause>(
    'INVALID_STATE',
    (p) => `The folder could not be remembered (${causeInEnglish(p.cause)}); it is used until SW Desk is closed`,
  ),
  'desk.data-left': reason<{ folder: string }>('INVALID_STATE', (p) => `The data in ${p.folder} was left where it was`),
  'desk.returned-to-drafts': reason<{ seqNos: string }>(
    'INVALID_STATE',
    (p) => `Returned to drafts, to declare again: ${p.seqNos}`,
  ),
  'desk.no-hub-to-test': reason('INVALID_STATE', () => 'No hub is set up yet: enter the hub address to test it'),
} as const;
