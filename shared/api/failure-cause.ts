/**
 * Why a network call or a file operation failed, as a broker can be told it: a kind read from the error's code
 * (Node's errno codes, undici's, OpenSSL's) and shape. The kind crosses the contract as a reason's `cause`
 * parameter and the renderer words it in the UI language; the error's own English text travels beside it as the
 * reason's `detail`, shown only folded under 详情 for support, never inside the worded sentence.
 */
export const causeKinds = [
  'connection-refused',
  'host-not-found',
  'network-unreachable',
  'timed-out',
  'connection-reset',
  'bad-port',
  'tls',
  'file-not-found',
  'permission-denied',
  'disk-full',
  'read-only',
  'is-a-directory',
  'not-a-directory',
  'file-busy',
  'too-many-files',
  'other',
] as const;

export type CauseKind = (typeof causeKinds)[number];

/** Each kind in English (the registry's language; the renderer holds the others). */
export const causeEn: Readonly<Record<CauseKind, string>> = {
  'connection-refused': 'nothing answers at that address and port',
  'host-not-found': 'the host name cannot be found',
  'network-unreachable': 'the network or host cannot be reached from here',
  'timed-out': 'the other side did not answer in time',
  'connection-reset': 'the other side closed the connection',
  'bad-port': 'the port is one that network calls may not use',
  tls: 'the secure connection failed (certificate or TLS)',
  'file-not-found': 'the file or folder does not exist',
  'permission-denied': 'permission denied',
  'disk-full': 'the disk is full',
  'read-only': 'the disk or file is read-only',
  'is-a-directory': 'a folder was found where a file was expected',
  'not-a-directory': 'a file was found where a folder was expected',
  'file-busy': 'the file is in use by another program',
  'too-many-files': 'too many files are open',
  other: 'an unexpected error',
};

const byCode: Readonly<Record<string, CauseKind>> = {
  ECONNREFUSED: 'connection-refused',
  ENOTFOUND: 'host-not-found',
  EAI_AGAIN: 'host-not-found',
  EAI_NONAME: 'host-not-found',
  EAI_FAIL: 'host-not-found',
  ENETUNREACH: 'network-unreachable',
  EHOSTUNREACH: 'network-unreachable',
  ENETDOWN: 'network-unreachable',
  EHOSTDOWN: 'network-unreachable',
  ETIMEDOUT: 'timed-out',
  ESOCKETTIMEDOUT: 'timed-out',
  UND_ERR_CONNECT_TIMEOUT: 'timed-out',
  UND_ERR_HEADERS_TIMEOUT: 'timed-out',
  UND_ERR_BODY_TIMEOUT: 'timed-out',
  ECONNRESET: 'connection-reset',
  ECONNABORTED: 'connection-reset',
  EPIPE: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  UND_ERR_CLOSED: 'connection-reset',
  ERR_UNSAFE_PORT: 'bad-port',
  EPROTO: 'tls',
  ENOENT: 'file-not-found',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EISDIR: 'is-a-directory',
  ENOTDIR: 'not-a-directory',
  EBUSY: 'file-busy',
  ETXTBSY: 'file-busy',
  EMFILE: 'too-many-files',
  ENFILE: 'too-many-files',
};

/** OpenSSL's and Node's TLS codes (ERR_SSL_WRONG_VERSION_NUMBER, CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN…). */
const tlsCode = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

function kindOfOne(error: object): CauseKind | null {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const known = byCode[code];
  if (known) return known;
  if (tlsCode.test(code)) return 'tls';
  const name = 'name' in error && typeof error.name === 'string' ? error.name : '';
  if (name === 'TimeoutError') return 'timed-out';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  // undici refuses ports browsers block (6000, 1, 22…) before connecting, with only this message and no code.
  if (message === 'bad port') return 'bad-port';
  return null;
}

/** The errors inside `error`, outermost first: its `cause` chain and an AggregateError's errors (happy eyeballs). */
function chain(error: unknown, depth = 0): object[] {
  if (typeof error !== 'object' || error === null || depth > 8) return [];
  const inner = 'errors' in error && Array.isArray(error.errors) ? error.errors : [];
  const cause = 'cause' in error ? error.cause : undefined;
  return [error, ...chain(cause, depth + 1), ...inner.flatMap((e: unknown) => chain(e, depth + 1))];
}

/** The kind of a failure (a fetch's TypeError and its cause, a file system error); 'other' when none is known. */
export function causeKind(error: unknown): CauseKind {
  for (const one of chain(error)) {
    const kind = kindOfOne(one);
    if (kind) return kind;
  }
  return 'other';
}

/** The failure as the program wrote it (each message in the chain, with its code), for support under 详情. */
export function causeDetail(error: unknown): string {
  const parts = chain(error).map((one) => {
    const message = 'message' in one && typeof one.message === 'string' ? one.message.trim() : String(one);
    const code = 'code' in one && typeof one.code === 'string' ? one.code : '';
    return code && !message.includes(code) ? `${message} (${code})` : message;
  });
  return parts.length > 0 ? parts.join(': ') : String(error);
}

/** A `cause` parameter read back: a kind, or 'other' for a value this version does not know (an older main). */
export function asCauseKind(value: unknown): CauseKind {
  return (causeKinds as readonly unknown[]).includes(value) ? (value as CauseKind) : 'other';
}

/** What a reason carries about its cause: the kind, worded; the program's text, folded under 详情. */
export function causeParams(error: unknown): { cause: CauseKind; detail: string } {
  return { cause: causeKind(error), detail: causeDetail(error) };
}

/** A `cause` parameter in English (`other`: words for the unknown kind that suit the sentence). */
export function causeInEnglish(value: unknown, other?: string): string {
  const kind = asCauseKind(value);
  return kind === 'other' && other !== undefined ? other : causeEn[kind];
}
