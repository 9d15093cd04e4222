import { z } from 'zod';
import {
  absolutePathSchema,
  archiveExportResultSchema,
  archiveImportResultSchema,
  backupFileNameSchema,
  backupInfoSchema,
  backupSettingsSchema,
  deskSettingsSchema,
  deskStatusSchema,
  filePickResultSchema,
  filePurposeSchema,
  hubTestResultSchema,
  menuActionSchema,
  profileInputSchema,
  profileSchema,
  reopenResultSchema,
  reviewSettingsSchema,
  attachmentLimitInputSchema,
} from './admin-schemas';
import { hubUrlSchema, idSchema, passphraseSchema, signatureAlgorithmSchema } from './schemas';
import { locales } from '../i18n/locale';

// The desk's administration methods, spread into the one contract in ./contract.ts.
// `desk.status` and `recovery.*` work in every mode; in recovery mode every other method
// answers RECOVERY_MODE, and in read-only mode every method that writes answers READ_ONLY.

const empty = z.object({}).strict();
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const adminMethods = {
  'desk.status': method(empty, deskStatusSchema),
  /**
   * Moves to another data folder: `copyData` copies the current database there first (refused when
   * the folder already holds one); otherwise the folder's own data is opened (or a new one started).
   */
  'desk.chooseFolder': method(
    z.object({ path: absolutePathSchema, copyData: z.boolean() }).strict(),
    reopenResultSchema,
  ),

  'profiles.list': method(empty, z.array(profileSchema)),
  'profiles.create': method(
    profileInputSchema.extend({ makeCurrent: z.boolean().default(true) }).strict(),
    profileSchema,
  ),
  'profiles.update': method(profileInputSchema.extend({ id: idSchema }).strict(), profileSchema),
  'profiles.delete': method(z.object({ id: idSchema }).strict(), z.object({ deleted: z.number().int() })),
  'profiles.select': method(z.object({ id: idSchema }).strict(), profileSchema),

  'settings.get': method(empty, deskSettingsSchema),
  'settings.update': method(
    z
      .object({
        backup: backupSettingsSchema.partial().strict().optional(),
        review: reviewSettingsSchema.strict().optional(),
        attachments: attachmentLimitInputSchema.strict().optional(),
      })
      .strict(),
    deskSettingsSchema,
  ),
  /** Asks a hub (the given URL, or the one enrolled with) for its health, without enrolling. */
  'settings.testHub': method(z.object({ hubUrl: hubUrlSchema.optional() }).strict(), hubTestResultSchema),

  'backup.list': method(empty, z.array(backupInfoSchema)),
  'backup.now': method(empty, backupInfoSchema),
  /** Checks the backup, keeps the current database aside, puts the backup in its place and reopens. */
  'backup.restore': method(z.object({ name: backupFileNameSchema }).strict(), reopenResultSchema),

  /**
   * Writes everything to one archive file; an existing file is replaced only with `overwrite` (a native save dialog has
   * asked).
   */
  'archive.export': method(
    z.object({ path: absolutePathSchema, overwrite: z.boolean().default(false) }).strict(),
    archiveExportResultSchema,
  ),
  'archive.import': method(z.object({ path: absolutePathSchema }).strict(), archiveImportResultSchema),
  /** A native open/save/folder dialog where the shell has one. */
  'files.pick': method(z.object({ purpose: filePurposeSchema }).strict(), filePickResultSchema),

  /** Versions, settings (without secrets) and recent errors, as text for support. */
  'diagnostics.get': method(empty, z.object({ text: z.string() })),

  'recovery.retry': method(empty, reopenResultSchema),
  /** Restores the newest backup that passes its check (or the named one). */
  'recovery.restoreLatest': method(z.object({ name: backupFileNameSchema.optional() }).strict(), reopenResultSchema),
  'recovery.openReadOnly': method(empty, reopenResultSchema),
  /** Missing key: put the key back from its private key text (it must be one of the missing ones). */
  'recovery.importKey': method(
    // The browser host seals keys with a passphrase, which recovery mode has not been given yet.
    z
      .object({
        algorithm: signatureAlgorithmSchema,
        privateKey: z.string().min(1).max(8192),
        passphrase: passphraseSchema.optional(),
      })
      .strict(),
    reopenResultSchema,
  ),
  /**
   * Missing key: start with a new key. Declarations waiting in the outbox under the lost key go back
   * to drafts (to declare again), and the hub must be enrolled with again.
   */
  'recovery.newKey': method(z.object({ confirm: z.literal(true) }).strict(), reopenResultSchema),
} as const;

export const adminEvents = {
  /** A menu item (or its key) in the Electron shell; the renderer performs it. */
  menu: z.object({ action: menuActionSchema }),
  /** Show a declaration (the shell's notification of its receipt was clicked). */
  'declaration.open': z.object({ declarationId: z.string() }),
  /** The language changed (the shell rebuilds its native menu; other windows follow). */
  'ui.locale': z.object({ locale: z.enum(locales) }),
  /** An archive (.swdx) was opened with SW Desk from the file manager: the renderer offers to import it. */
  'archive.open': z.object({ path: z.string() }),
} as const;
