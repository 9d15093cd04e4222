import fs from 'node:fs';
import { z } from 'zod';
import { schemaPattern } from './store/postgres/schema-name';

/**
 * Hub configuration: defaults, then a JSON file (`--config`), then SWHUB_*
 * environment variables, then command-line flags. Unknown keys in the file are
 * refused so a typo cannot silently leave a default in place.
 */

const MiB = 1024 * 1024;

/** An option that is a whole number within its bounds, with the value the hub takes when nothing sets it. */
function intIn(min: number, max: number, fallback: number) {
  return z.number().int().min(min).max(max).default(fallback);
}

const conditionSchema = z
  .object({
    /** A field path as the validation engine uses them: `head.TradeMode`, `lines[0].CodeTS`. */
    path: z.string().min(1),
    equals: z.string().optional(),
    in: z.array(z.string()).optional(),
    /** A regular expression the value must match. */
    matches: z.string().optional(),
    /** true: the field must be empty; false: it must be filled. */
    empty: z.boolean().optional(),
  })
  .strict();

export const ruleChannels = ['E', 'Z', 'H', 'N', 'G', 'J', 'W', 'T', 'C', 'S', 'R'] as const;

export const ruleSchema = z
  .object({
    id: z.string().min(1),
    /** E/Z/H stop the flow after L; G/J/W/T/C/S come between L and P (in rule order); R follows P. */
    channel: z.enum(ruleChannels),
    /** Chance the rule fires when its conditions hold, decided by the seed and the submission id. */
    probability: z.number().min(0).max(1).default(1),
    when: z.array(conditionSchema).default([]),
    note: z.string().optional(),
    /** Field-pointed reasons for E/Z (default: one per condition path). */
    errors: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional(),
  })
  .strict();
export type ProcessorRule = z.infer<typeof ruleSchema>;

const processorSchema = z
  .object({
    enabled: z.boolean().default(true),
    /**
     * Run the customs processor inside each hub process (the default). Off: the hub plans and queues
     * the work, and separate `npm run hub -- worker` processes issue the receipts (PostgreSQL only).
     */
    inHub: z.boolean().default(true),
    seed: z.string().default('swhub'),
    /** Delay before each receipt, after the previous one (or after acceptance). 0 answers at once. */
    stepDelayMs: intIn(0, 86_400_000, 3000),
    /** Per-channel overrides of stepDelayMs, e.g. { "P": 10000 }. */
    stepDelays: z.record(z.string(), z.number().int().min(0).max(86_400_000)).default({}),
    /** Issue CHANNEL 7 (申报成功) before L. */
    declaredReceipt: z.boolean().default(true),
    /** 关区 for the 海关编号 when the declaration's CustomMaster is not a 4-digit code. */
    defaultCustomsDistrict: z
      .string()
      .regex(/^\d{4}$/)
      .default('2200'),
    rules: z.array(ruleSchema).default([]),
    /**
     * Refuse (E, 退单) a 无纸化 declaration (报关单类型 M, W or D) that carries no 发票 file: a 随附单据 row of type
     * 00000001 whose file the signed submission names. Off by default, as a hub for tests of other flows.
     */
    paperlessNeedsInvoice: z.boolean().default(false),
    /** Receipts issued per transaction when much work is due at once. */
    batchSize: intIn(1, 5000, 500),
  })
  .strict();

const storeSchema = z
  .object({
    /** Unset: SQLite in dataDir. A postgres:// URL: PostgreSQL, shared by any number of hub processes. */
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL (or unset for SQLite in dataDir)')
      .optional(),
    /** The PostgreSQL schema of the hub's tables. */
    schema: z
      .string()
      .regex(schemaPattern, 'must be a lower-case identifier of at most 40 characters')
      .default('public'),
    /** PostgreSQL connections each process keeps for requests. */
    poolSize: intIn(1, 200, 10),
  })
  .strict();

export const hubConfigSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: intIn(0, 65535, 7373),
    dataDir: z.string().min(1).optional(),
    store: storeSchema.default(storeSchema.parse({})),
    /** Largest request body accepted (413 above it). */
    bodyLimitBytes: intIn(1024, 256 * MiB, 16 * MiB),
    /**
     * Largest 随附单据 file the hub takes (bytes). No official single-window figure was found (docs/attachments.md):
     * the operator sets it; the hub advertises it in its health answer and each desk keeps to the lower of it and
     * its own setting.
     */
    maxAttachmentBytes: intIn(1024, 100 * MiB, 4 * MiB),
    /** Longest long poll a client may ask for (`wait` is clamped to it). */
    maxWaitSeconds: intIn(0, 300, 30),
    maxReceiptsPerPage: intIn(1, 10_000, 500),
    /** Concurrent long polls per client; more get 429. */
    longPollsPerClient: intIn(1, 100, 4),
    /** Failed enrollments per address per minute before 429. */
    enrollmentFailuresPerMinute: intIn(1, 10_000, 30),
    enrollmentCodeTtlDays: z.number().min(0.001).max(365).default(7),
    /** How long a graceful shutdown waits for requests in flight. */
    shutdownGraceMs: intIn(0, 600_000, 10_000),
    log: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
        /** Log to this file instead of stderr (never stdout). */
        file: z.string().optional(),
        /** Log every request (off for benchmarks). */
        requests: z.boolean().default(true),
      })
      .strict()
      .default({ level: 'info', requests: true }),
    processor: processorSchema.default(processorSchema.parse({})),
  })
  .strict();

export type HubConfig = z.infer<typeof hubConfigSchema>;
export type ProcessorConfig = HubConfig['processor'];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? merge(current, value) : value;
  }
  return out;
}

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigError(`${name} must be a number (got "${raw}")`);
  return value;
}

function envBoolean(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off (got "${raw}")`);
}

/** The environment variables the hub reads (docs/hub-protocol.md "Running the hub"). */
export function configFromEnv(env: NodeJS.ProcessEnv): Json {
  return {
    host: env.SWHUB_HOST || undefined,
    port: envNumber(env, 'SWHUB_PORT'),
    dataDir: env.SWHUB_DATA || undefined,
    store: {
      url: env.SWHUB_STORE || undefined,
      schema: env.SWHUB_STORE_SCHEMA || undefined,
      poolSize: envNumber(env, 'SWHUB_STORE_POOL_SIZE'),
    },
    bodyLimitBytes: envNumber(env, 'SWHUB_BODY_LIMIT'),
    maxAttachmentBytes: envNumber(env, 'SWHUB_MAX_ATTACHMENT_BYTES'),
    log: { level: env.SWHUB_LOG_LEVEL || undefined, file: env.SWHUB_LOG_FILE || undefined },
    processor: {
      enabled: envBoolean(env, 'SWHUB_PROCESSOR'),
      inHub: envBoolean(env, 'SWHUB_PROCESSOR_IN_HUB'),
      seed: env.SWHUB_SEED || undefined,
      stepDelayMs: envNumber(env, 'SWHUB_STEP_DELAY_MS'),
    },
  };
}

function describeIssues(error: z.ZodError, source: string): string {
  return error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}

/** Builds the configuration; throws ConfigError naming the file, key or variable at fault. */
export function loadConfig(options: { file?: string; env?: NodeJS.ProcessEnv; overrides?: Json } = {}): HubConfig {
  let fromFile: Json = {};
  if (options.file) {
    let text: string;
    try {
      text = fs.readFileSync(options.file, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `Cannot read the config file ${options.file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(
        `The config file ${options.file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!isObject(parsed)) throw new ConfigError(`The config file ${options.file} must hold a JSON object`);
    const checked = hubConfigSchema.safeParse(parsed);
    if (!checked.success) throw new ConfigError(describeIssues(checked.error, options.file));
    fromFile = parsed;
  }
  const merged = merge(merge(fromFile, configFromEnv(options.env ?? {})), options.overrides ?? {});
  const result = hubConfigSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(describeIssues(result.error, 'configuration'));
  for (const rule of result.data.processor.rules) {
    for (const condition of rule.when) {
      if (condition.matches === undefined) continue;
      try {
        new RegExp(condition.matches);
      } catch {
        throw new ConfigError(`processor rule ${rule.id}: "${condition.matches}" is not a valid regular expression`);
      }
    }
  }
  return result.data;
}
