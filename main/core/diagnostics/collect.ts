import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/connection';
import { schemaVersion } from '../../db/migrate';
import {
  allSettings,
  journalMode,
  liveDeclarationCount,
  outboxCountsByState,
  sqliteVersion,
} from '../../db/repositories/database-facts';
import { sqliteBindingFile } from '../../db/sqlite';
import { formatDiagnostics, redactedSettings } from './diagnostics';

export interface DiagnosticsSource {
  app: { name: string; version: string; host: string; mode: string };
  problem: unknown;
  dataDir: string;
  logDir: string;
  backupDir: string;
  /** Null in recovery mode, where the database could not be opened. */
  db: Db | null;
  sync: () => unknown;
  keys: () => unknown;
  backups: () => unknown;
  recentProblems: () => ReadonlyArray<unknown>;
  now: () => Date;
}

function safely<T>(fn: () => T): T | string {
  try {
    return fn();
  } catch (error) {
    return `unavailable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Gathers the diagnostics text; every part is read on its own, so one failing part never hides the rest. */
export function collectDiagnostics(source: DiagnosticsSource): string {
  const { db } = source;
  const file = path.join(source.dataDir, 'swdesk.sqlite');
  return formatDiagnostics({
    generatedAt: source.now().toISOString(),
    app: source.app,
    problem: source.problem,
    versions: {
      app: source.app.version,
      node: process.versions.node,
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      v8: process.versions.v8,
      sqlite: db ? String(safely(() => sqliteVersion(db))) : undefined,
      modules: process.versions.modules,
      // Which build of SQLite's native part this runtime loaded (the desktop app ships its own).
      sqliteBinding: sqliteBindingFile(),
    },
    platform: {
      os: process.platform,
      release: os.release(),
      arch: process.arch,
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
    },
    paths: { dataDir: source.dataDir, logDir: source.logDir, backupDir: source.backupDir },
    database: {
      bytes: safely(() => fs.statSync(file).size),
      ...(db
        ? {
            schemaVersion: safely(() => schemaVersion(db)),
            journalMode: safely(() => journalMode(db)),
            declarations: safely(() => liveDeclarationCount(db)),
            outbox: safely(() => outboxCountsByState(db)),
          }
        : { open: false }),
    },
    settings: db ? safely(() => redactedSettings(allSettings(db))) : {},
    sync: safely(source.sync),
    keys: safely(source.keys),
    backups: safely(source.backups),
    recentProblems: (() => {
      const recent = safely(source.recentProblems);
      return Array.isArray(recent) ? recent : [recent];
    })(),
  });
}
