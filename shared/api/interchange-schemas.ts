import { z } from 'zod';
import { apiIssueSchema } from './errors';
import { idSchema, ieFlagSchema } from './schemas';

// Schemas of the interchange methods (interchange.*, bridge.*, print.*): DecMessage files,
// spreadsheets and the clipboard, the e-port client folder bridge, and the printed form.

/** Files cross the contract as base64: the browser host has no paths, and Electron's renderer has none either. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
const base64Schema = z
  .string()
  .max(Math.ceil(MAX_FILE_BYTES / 3) * 4, 'the file is larger than 32 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text');
const fileNameSchema = z.string().trim().min(1).max(255);

export const fileInputSchema = z.object({ fileName: fileNameSchema, contentBase64: base64Schema }).strict();

/** A file the renderer offers to save (download in the browser, save dialog in Electron). */
export const fileOutputSchema = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
export type FileOutput = z.infer<typeof fileOutputSchema>;

export const operTypeSchema = z.enum(['A', 'B', 'C', 'D', 'E', 'G']);

export const xmlImportResultSchema = z.object({
  id: idSchema,
  clientSeqNo: z.string(),
  ieFlag: ieFlagSchema,
  lineCount: z.number().int(),
  encoding: z.string(),
  warnings: z.array(apiIssueSchema),
});

export const xmlExportResultSchema = z.object({ id: idSchema, clientSeqNo: z.string(), fileName: z.string(), text: z.string() });

/** The e-port client folder bridge's settings; `enabled` makes it the sync transport instead of the hub. */
export const bridgeConfigureInputSchema = z
  .object({
    enabled: z.boolean(),
    /** The folder holding OutBox, InBox, FailBox and SentBox (e.g. D:\ImpPath\Deccus001); required to enable. */
    impPath: z.string().trim().min(1).max(1024).optional(),
    backupPath: z.string().trim().min(1).max(1024).nullable().default(null),
    operType: z.enum(['C', 'G']).default('C'),
    pollMs: z.number().int().min(500).max(600_000).default(2_000),
    /** Create OutBox/InBox/FailBox/SentBox when they are missing (a client that makes them on its first run). */
    createFolders: z.boolean().default(false),
  })
  .strict()
  .refine((v) => !v.enabled || v.impPath !== undefined, { message: 'impPath is required to enable the bridge', path: ['impPath'] });

export const bridgeStatusSchema = z.object({
  transport: z.enum(['hub', 'bridge']),
  config: z.object({ impPath: z.string(), backupPath: z.string().nullable(), operType: z.enum(['C', 'G']), pollMs: z.number().int() }).nullable(),
  folders: z.object({ outBox: z.boolean(), inBox: z.boolean(), failBox: z.boolean(), sentBox: z.boolean() }).nullable(),
  lastScanAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Receipt files taken in so far, by outcome. */
  files: z.object({ applied: z.number().int(), unmatched: z.number().int(), unreadable: z.number().int() }),
});
export type BridgeStatus = z.infer<typeof bridgeStatusSchema>;
