// "Copy diagnostics": what support needs to understand a problem — versions, where the data
// is, the settings (without secrets), the state of sync, keys and backups, and the latest
// warnings and errors — as one text the user pastes into a message.

const secretKey = /(passphrase|password|secret|token|private|sealed|^code$|enrollmentCode)/i;

/**
 * Replaces the values of secret-looking fields (an enrolment code, a passphrase, a token, a private key) at any depth.
 */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretKey.test(k) ? '[redacted]' : redact(v)]));
  }
  if (typeof value === 'string') return value.replace(/(#token=|[?&]token=|Bearer\s+)[\w.~+/=-]+/g, '$1[redacted]');
  return value;
}

/** The settings table as stored (JSON values), with secrets redacted. */
export function redactedSettings(rows: ReadonlyArray<{ key: string; value: string }>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      parsed = value;
    }
    out[key] = secretKey.test(key) ? '[redacted]' : redact(parsed);
  }
  return out;
}

export interface DiagnosticsInput {
  generatedAt: string;
  app: { name: string; version: string; host: string; mode: string };
  problem: unknown;
  versions: Record<string, string | undefined>;
  platform: { os: string; release: string; arch: string; locale?: string };
  paths: Record<string, string>;
  database: Record<string, unknown>;
  settings: unknown;
  sync: unknown;
  keys: unknown;
  backups: unknown;
  recentProblems: ReadonlyArray<unknown>;
}

function section(title: string, body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(redact(body), null, 2);
  return `## ${title}\n${text}\n`;
}

export function formatDiagnostics(input: DiagnosticsInput): string {
  return [
    `# SW Desk diagnostics (${input.generatedAt})`,
    '',
    section('App', input.app),
    section('Problem', input.problem ?? 'none'),
    section('Versions', input.versions),
    section('Platform', input.platform),
    section('Paths', input.paths),
    section('Database', input.database),
    section('Settings (secrets removed)', input.settings),
    section('Sync', input.sync),
    section('Signing keys (public parts only)', input.keys),
    section('Backups', input.backups),
    section(
      `Recent warnings and errors (${input.recentProblems.length})`,
      input.recentProblems.length ? input.recentProblems.map((p) => JSON.stringify(redact(p))).join('\n') : 'none',
    ),
  ].join('\n');
}
