import { causeInEnglish } from '../failure-cause';
import { reason } from './define';

const actionEn: Record<string, string> = {
  create: 'create your signing key',
  sign: 'sign',
  change: 'change your signing key',
};

/** The signing key: its passphrase, import, protection. */
export const keyReasons = {
  'keys.passphrase-required': reason(
    'PASSPHRASE_REQUIRED',
    () => 'Enter the passphrase that protects your signing key',
  ),
  /** The key is locked and the action needs it: `create` the first key, `sign`, `change` (import, rotate). */
  'keys.passphrase-required-for': reason<{ action: 'create' | 'sign' | 'change' }>(
    'PASSPHRASE_REQUIRED',
    (p) => `Enter the passphrase that protects your signing key to ${actionEn[p.action] ?? p.action}`,
  ),
  'keys.passphrase-for-new-key': reason(
    'PASSPHRASE_REQUIRED',
    () => 'Enter the passphrase that will protect the signing key',
  ),
  'keys.wrong-passphrase': reason('KEY_ERROR', () => 'The passphrase is wrong, or the stored signing key was altered'),
  'keys.damaged': reason(
    'KEY_ERROR',
    () => 'The stored signing key is damaged (not readable); import or generate a key in Settings',
  ),
  'keys.unknown-protection': reason('KEY_ERROR', () => 'The stored signing key uses an unknown protection format'),
  'keys.os-cannot-unlock': reason(
    'KEY_ERROR',
    () =>
      'The operating system could not unlock the signing key (was the data folder copied from another user or machine?)',
  ),
  'keys.none-yet': reason('KEY_ERROR', () => 'There is no signing key yet'),
  'keys.already-stored': reason<{ keyId: string }>('CONFLICT', (p) => `Key ${p.keyId} is already stored`),
  /** `cause` a kind of shared/api/failure-cause.ts ('other': the stored key did not open); `detail` for 详情 only. */
  'keys.unusable': reason<{ cause: string; detail: string }>(
    'KEY_ERROR',
    (p) =>
      `The signing key cannot be used: ${causeInEnglish(p.cause, 'the stored key does not open (it may be damaged)')}`,
  ),
  'keys.sm2-format': reason('BAD_INPUT', () => 'An SM2 private key is 64 hexadecimal digits'),
  'keys.sm2-invalid': reason('BAD_INPUT', () => 'This is not a valid SM2 private key (not on the SM2 curve)'),
  'keys.not-pem': reason(
    'BAD_INPUT',
    () => 'Expected an Ed25519 private key in PKCS#8 PEM form (-----BEGIN PRIVATE KEY-----)',
  ),
  'keys.wrong-algorithm': reason<{ algorithm: string }>(
    'BAD_INPUT',
    (p) => `This is a ${p.algorithm} key; SW Desk signs with Ed25519 or SM2`,
  ),
  'keys.not-the-missing-key': reason<{ keyId: string; needed: string }>(
    'BAD_INPUT',
    (p) => `This private key is key ${p.keyId}, but the data needs ${p.needed}; nothing was changed`,
  ),
  'keys.keychain-unavailable': reason(
    'KEY_ERROR',
    () =>
      "The signing key is protected by the operating system's keychain, which this SW Desk cannot reach (the browser host has none; on Linux a keyring such as GNOME Keyring or KWallet must be running). Open SW Desk's desktop app, or protect the key with a passphrase there",
  ),
  'keys.already-protected': reason<{ protection: string }>(
    'INVALID_STATE',
    (p) =>
      `Every signing key is already protected by ${p.protection === 'safe-storage' ? "the operating system's keychain" : 'a passphrase'}`,
  ),
  'keys.new-passphrase-required': reason(
    'BAD_INPUT',
    () => 'Choose a passphrase (8 characters or more) to protect the signing key with',
  ),
} as const;
