import { useState } from 'react';
import type { z } from 'zod';
import type { signatureAlgorithmSchema } from '../../../shared/api';
import { useAdminT } from '../../i18n/use-admin-t';

export type KeyAlgorithm = z.infer<typeof signatureAlgorithmSchema>;

const names: Record<KeyAlgorithm, string> = { ed25519: 'Ed25519', sm2: 'SM2' };

/** What the fields hold, starting on `first` with no key: the screen reads `algorithm` and `privateKey` to send. */
export function useKeyImport(first: KeyAlgorithm) {
  const [algorithm, setAlgorithm] = useState<KeyAlgorithm>(first);
  const [privateKey, setPrivateKey] = useState('');
  return {
    algorithm,
    privateKey,
    /** Empties the key box once the key is stored. */
    clear: () => setPrivateKey(''),
    fields: { first, algorithm, onAlgorithm: setAlgorithm, privateKey, onPrivateKey: setPrivateKey },
  };
}

/**
 * The algorithm of a private key and the key itself, as a broker pastes one to import: replacing the key in the
 * settings, or putting back a lost one on the recovery screen. `first`: the algorithm the screen starts on, listed
 * first, as each screen listed them before they shared this. `keyLabel` says what the key may be there (optional when
 * replacing: a new key is made without one).
 */
export function KeyImportFields({
  idPrefix,
  keyLabel,
  first,
  algorithm,
  onAlgorithm,
  privateKey,
  onPrivateKey,
}: {
  idPrefix: string;
  keyLabel: string;
  first: KeyAlgorithm;
  algorithm: KeyAlgorithm;
  onAlgorithm(algorithm: KeyAlgorithm): void;
  privateKey: string;
  onPrivateKey(text: string): void;
}) {
  const t = useAdminT();
  const listed: KeyAlgorithm[] = first === 'sm2' ? ['sm2', 'ed25519'] : ['ed25519', 'sm2'];
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-algorithm`}>{t.algorithm}</label>
        <select
          id={`${idPrefix}-algorithm`}
          value={algorithm}
          onChange={(e) => onAlgorithm(e.target.value === 'sm2' ? 'sm2' : 'ed25519')}
        >
          {listed.map((a) => (
            <option key={a} value={a}>
              {names[a]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-private-key`}>{keyLabel}</label>
        <textarea
          id={`${idPrefix}-private-key`}
          rows={3}
          spellCheck={false}
          value={privateKey}
          onChange={(e) => onPrivateKey(e.target.value)}
        />
      </div>
    </>
  );
}
