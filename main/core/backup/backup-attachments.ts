import { AppError } from '../../../shared/api';
import { createCarriedFiles } from '../../db/repositories/carried-files';
import { openSqlite } from '../../db/sqlite';
import type { BlobStore } from '../attachments/blob-store';
import { sha256Of } from '../attachments/blob-store';

// A backup carries the 随附单据 files its declarations name, so it restores on a machine (or into a data folder)
// without them: the bytes go into the backup's own SQLite file, in a table of their own (one row per SHA-256,
// however many EdocIDs name it), so a backup stays one self-contained file. A restore checks every carried file
// against its SHA-256 and takes them into the data folder before the database is swapped in; the table is then
// dropped from the live copy (the files live in the data folder, not in the database).

/**
 * Copies into a backup copy (not yet checked or kept) each file its registry names, read from the data folder and
 * checked against its name. A file missing or altered here cannot be carried: it is reported, and the backup is kept
 * without it (a backup is never refused for one file; the restore names what it lacks).
 */
export function carryFiles(copyFile: string, blobs: BlobStore): { carried: number; missing: string[] } {
  const db = openSqlite(copyFile, { fileMustExist: true });
  try {
    const table = createCarriedFiles(db);
    if (!table.hasRegistry()) return { carried: 0, missing: [] };
    const missing: string[] = [];
    let carried = 0;
    table.write(
      (function* () {
        for (const { sha256 } of table.named()) {
          const bytes = blobs.read(sha256);
          if (!bytes) missing.push(sha256);
          else {
            carried++;
            yield { sha256, bytes };
          }
        }
      })(),
    );
    return { carried, missing };
  } finally {
    db.close();
  }
}

/**
 * Before a backup is restored: each file it carries must hash to its name, and each file its registry names must be
 * carried or here already; the first that is not is refused by its EdocID and name, and nothing is written. Then the
 * carried files are put in the data folder (content-addressed: a file here already is left as it is). A backup
 * from before files travelled carries none and is taken as it is. Returns how many files were new here.
 */
export function takeInCarriedFiles(backupFile: string, backupName: string, blobs: BlobStore): number {
  const db = openSqlite(backupFile, { readonly: true, fileMustExist: true });
  try {
    const table = createCarriedFiles(db);
    if (!table.carries() || !table.hasRegistry()) return 0;
    const carried: string[] = [];
    for (const file of table.named()) {
      const bytes = table.bytesOf(file.sha256);
      const params = { file: backupName, edocId: file.edocId, fileName: file.fileName };
      if (bytes === undefined) {
        if (!blobs.read(file.sha256)) throw new AppError('desk.backup-file-missing', params);
      } else if (sha256Of(bytes) !== file.sha256) throw new AppError('desk.backup-file-damaged', params);
      else carried.push(file.sha256);
    }
    let added = 0;
    for (const sha256 of carried) {
      const bytes = table.bytesOf(sha256);
      if (bytes && blobs.put(bytes).created) added++;
    }
    return added;
  } finally {
    db.close();
  }
}

/** The restored database no longer needs the carried bytes (they are in the data folder now). */
export function dropCarriedFiles(databaseFile: string): void {
  const db = openSqlite(databaseFile, { fileMustExist: true });
  try {
    createCarriedFiles(db).drop();
  } finally {
    db.close();
  }
}
