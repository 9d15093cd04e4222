import { z } from 'zod';
import { reasonMessageSchema } from './errors';
import { idSchema } from './schemas';
import { operatorRoles } from '../profiles/roles';

/** 录入员 and/or 复核员 (at least one). */
export const operatorRolesSchema = z.array(z.enum(operatorRoles)).min(1).max(operatorRoles.length);

// Schemas of the desk's own administration in the contract: operator profiles, settings,
// backups, the export archive, diagnostics, and the recovery mode the shells fall back to
// when the data cannot be opened.

/** Loose on purpose: the profile service checks the values and names each wrong field (see shared/profiles). */
export const profileInputSchema = z
  .object({
    company: z
      .object({ name: z.string().max(200), customsCode: z.string().max(40), uscc: z.string().max(40) })
      .strict(),
    operator: z.object({ name: z.string().max(100), icCard: z.string().max(40) }).strict(),
    roles: operatorRolesSchema.optional(),
  })
  .strict();

export const profileSchema = z.object({
  id: idSchema,
  company: z.object({ name: z.string(), customsCode: z.string(), uscc: z.string() }),
  operator: z.object({ name: z.string(), icCard: z.string() }),
  roles: operatorRolesSchema,
  current: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OperatorProfile = z.infer<typeof profileSchema>;

export const deskModeSchema = z.enum(['normal', 'read-only', 'recovery']);
export type DeskMode = z.infer<typeof deskModeSchema>;

/** What stopped the data from opening; each has its own screen. */
export const problemKindSchema = z.enum([
  'damaged',
  'too-new',
  'unwritable',
  'missing-key',
  'sqlite-binding',
  'unknown',
]);
export type ProblemKind = z.infer<typeof problemKindSchema>;

export const deskProblemSchema = z.object({
  kind: problemKindSchema,
  /** The technical reason in one sentence (shown under "details", and in diagnostics). */
  detail: z.string(),
  /** too-new: the schema found and the newest this version understands. */
  found: z.number().int().optional(),
  supported: z.number().int().optional(),
  /** missing-key: the key ids the data refers to that cannot be used, and what waits on them. */
  missingKeyIds: z.array(z.string()).optional(),
  queued: z.number().int().optional(),
  enrolled: z.boolean().optional(),
  /**
   * sqlite-binding: the native part of SQLite cannot be loaded by this runtime — the file, the ABI it was
   * built for (null when unreadable) and the one required, and whether the app is installed (mended by
   * reinstalling) or run from a checkout (mended by building the binding again).
   */
  binding: z
    .object({
      file: z.string(),
      found: z.number().int().nullable(),
      required: z.number().int(),
      runtime: z.enum(['electron', 'node']),
      packaged: z.boolean(),
    })
    .optional(),
});
export type DeskProblem = z.infer<typeof deskProblemSchema>;

export const backupKindSchema = z.enum(['daily', 'manual', 'before-restore', 'before-upgrade']);
export const backupInfoSchema = z.object({
  /** The file name inside the backups folder (the only way to name a backup across the contract). */
  name: z.string(),
  kind: backupKindSchema,
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  /** Read from the file's header; a backup newer than this version cannot be restored. */
  schemaVersion: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

// '+' for the UTC offset in a backup's name (main/core/backup/backup-files.ts stampOf); never a path separator.
export const backupFileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._+-]{1,120}\.sqlite$/, 'a backup file name from backup.list');

export const deskStatusSchema = z.object({
  mode: deskModeSchema,
  problem: deskProblemSchema.nullable(),
  dataDir: z.string(),
  /** No operator profile yet: the first-run setup is shown. */
  needsSetup: z.boolean(),
  latestBackup: backupInfoSchema.nullable(),
});
export type DeskStatus = z.infer<typeof deskStatusSchema>;

export const backupSettingsSchema = z.object({
  daily: z.boolean(),
  /** How many of the backups this app makes (daily and manual) are kept; older ones are removed. */
  retention: z.number().int().min(1).max(365),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** The firm's review rule: 申报前须复核 — a declaration is declared only with its current content approved. */
export const reviewSettingsSchema = z.object({ required: z.boolean() });
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

/** The firm's default largest 随附单据 file (MB): no official single-window figure was found (docs/attachments.md). */
export const DEFAULT_ATTACHMENT_LIMIT_MB = 4;
export const MAX_ATTACHMENT_LIMIT_MB = 100;
/** 随附单据单个文件上限 as set (MB), more than 0 and at most a sane 100. */
export const attachmentLimitInputSchema = z.object({
  maxFileMb: z.number().positive().max(MAX_ATTACHMENT_LIMIT_MB),
});
export const attachmentLimitSettingsSchema = attachmentLimitInputSchema.extend({
  /** What the hub the desk is enrolled with advertises (MB); null before it was heard. */
  hubMaxFileMb: z.number().nullable(),
  /** The lower of the two: what attaching checks. */
  inForceMb: z.number(),
});
export type AttachmentLimitSettings = z.infer<typeof attachmentLimitSettingsSchema>;

export const deskSettingsSchema = z.object({
  backup: backupSettingsSchema,
  review: reviewSettingsSchema,
  attachments: attachmentLimitSettingsSchema,
  dataDir: z.string(),
  backupDir: z.string(),
  logDir: z.string(),
});
export type DeskSettings = z.infer<typeof deskSettingsSchema>;

export const hubTestResultSchema = z.object({
  reachable: z.boolean(),
  hubUrl: z.string(),
  /** The hub's version and clock when it answered. */
  version: z.string().nullable(),
  hubTime: z.string().nullable(),
  /** Why it could not be reached: a reason the renderer words in the UI language when it shows it. */
  why: reasonMessageSchema.nullable(),
});
export type HubTestResult = z.infer<typeof hubTestResultSchema>;

export const absolutePathSchema = z
  .string()
  .trim()
  .min(1, 'a path')
  .max(1024)
  .refine((value) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value), {
    message: 'must be an absolute path (for example /home/me/swdesk or D:\\swdesk)',
    params: { reason: 'input.absolute-path' },
  });

export const archiveCountsSchema = z.object({
  declarations: z.number().int(),
  receipts: z.number().int(),
  templates: z.number().int(),
  codeTables: z.number().int(),
  profiles: z.number().int(),
  /** The party and product libraries. */
  parties: z.number().int(),
  products: z.number().int(),
  /** Attached 随附单据 files carried (once per SHA-256). */
  files: z.number().int(),
});

export const archiveExportResultSchema = z.object({
  path: z.string(),
  bytes: z.number().int(),
  counts: archiveCountsSchema,
});

const sectionReportSchema = z.object({ added: z.number().int(), skipped: z.number().int() });
export const archiveImportResultSchema = z.object({
  path: z.string(),
  declarations: sectionReportSchema,
  receipts: sectionReportSchema,
  templates: sectionReportSchema,
  codeTables: sectionReportSchema,
  profiles: sectionReportSchema,
  parties: sectionReportSchema,
  products: sectionReportSchema,
  /**
   * Declarations that were waiting to be sent on the other machine: imported as drafts, never sent from here by
   * themselves.
   */
  returnedToDraft: z.array(z.string()),
  /** A client sequence number already used here by another declaration: not imported. */
  conflicts: z.array(z.string()),
});
export type ArchiveImportResult = z.infer<typeof archiveImportResultSchema>;

export const filePurposeSchema = z.enum(['archive-export', 'archive-import', 'data-folder']);
export const filePickResultSchema = z.object({
  /** Whether the shell can show a native dialog; the browser host cannot, and the renderer asks for a path instead. */
  supported: z.boolean(),
  path: z.string().nullable(),
  suggested: z.string(),
});

export const menuActions = [
  'new-import',
  'new-export',
  'new-from-template',
  'libraries',
  'to-list',
  'settings',
  'backup-now',
  'restore-backup',
  'export-archive',
  'import-archive',
  'sync-now',
  'switch-language',
  'copy-diagnostics',
  'help',
] as const;
export const menuActionSchema = z.enum(menuActions);
export type MenuAction = z.infer<typeof menuActionSchema>;

export const reopenResultSchema = z.object({
  mode: deskModeSchema,
  dataDir: z.string(),
  /** Something to tell the broker about the reopened data (where the replaced database was kept). */
  note: reasonMessageSchema.nullable(),
});
export type ReopenResult = z.infer<typeof reopenResultSchema>;
