import type { ReasonMessage } from '../../shared/api';
import { causeParams, reasonMessage } from '../../shared/api';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The data folder the user chose (Settings → data folder, or the recovery screen) is remembered
// in a small file outside it, so the next start opens the same place.

const locationSchema = z.object({ dataDir: z.string().min(1) });

/** The chosen folder when one is remembered and still an absolute path; otherwise the default. */
export function resolveDataDir(defaultDir: string, locationFile: string | undefined): string {
  if (!locationFile) return defaultDir;
  try {
    const parsed = locationSchema.safeParse(JSON.parse(fs.readFileSync(locationFile, 'utf8')));
    if (parsed.success && path.isAbsolute(parsed.data.dataDir)) return parsed.data.dataDir;
  } catch {
    // none remembered (or unreadable): the default
  }
  return defaultDir;
}

/** Remembers the folder; returns why it could not when it could not (the choice then lasts until SW Desk is closed). */
export function rememberDataDir(locationFile: string | undefined, dataDir: string): ReasonMessage | null {
  if (!locationFile) return reasonMessage('desk.folder-not-remembered-cli');
  try {
    fs.mkdirSync(path.dirname(locationFile), { recursive: true });
    const temp = `${locationFile}.partial`;
    fs.writeFileSync(temp, JSON.stringify({ dataDir }, null, 2));
    fs.renameSync(temp, locationFile);
    return null;
  } catch (error) {
    return reasonMessage('desk.folder-not-remembered', causeParams(error));
  }
}

/**
 * Earlier desktop builds remembered a chosen folder in a file of their own (Electron's appData/
 * swdesk-location.json), so the desktop app and the browser host could open two different folders. Both
 * now share one file: a folder remembered only in the old file moves into the shared one, once.
 */
export function adoptLegacyLocation(legacyFile: string, locationFile: string): void {
  if (!fs.existsSync(legacyFile)) return;
  if (resolveDataDir('', locationFile) === '') {
    const remembered = resolveDataDir('', legacyFile);
    if (remembered !== '' && rememberDataDir(locationFile, remembered) !== null) return;
  }
  fs.rmSync(legacyFile, { force: true });
}
