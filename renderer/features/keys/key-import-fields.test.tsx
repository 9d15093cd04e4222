import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUi } from '../../state/ui-store';
import { screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { KeyImportFields, useKeyImport, type KeyAlgorithm } from './key-import-fields';

/** The fields as a screen holds them, with what they hold shown to read back. */
function Holder({ first }: { first: KeyAlgorithm }) {
  const keyImport = useKeyImport(first);
  return (
    <>
      <KeyImportFields idPrefix="k" keyLabel="私钥" {...keyImport.fields} />
      <output>{`${keyImport.algorithm}:${keyImport.privateKey}`}</output>
    </>
  );
}

const options = () => [...screen.getByRole('combobox').querySelectorAll('option')].map((o) => o.textContent);

describe('the algorithm and private key of a key to import (settings and recovery)', () => {
  screenPerTest();

  it('lists the algorithm the screen starts on first, and gives back the choice and the key typed', () => {
    render(<Holder first="sm2" />);
    expect(options()).toEqual(['SM2', 'Ed25519']);
    expect((screen.getByLabelText('算法') as HTMLSelectElement).value).toBe('sm2');
    fireEvent.change(screen.getByLabelText('算法'), { target: { value: 'ed25519' } });
    fireEvent.change(screen.getByLabelText('私钥'), { target: { value: '-----BEGIN PRIVATE KEY-----' } });
    expect(screen.getByRole('status').textContent).toBe('ed25519:-----BEGIN PRIVATE KEY-----');
    const key = screen.getByLabelText('私钥') as HTMLTextAreaElement;
    expect([key.id, key.getAttribute('spellcheck')]).toEqual(['k-private-key', 'false']);
  });

  it('starts on Ed25519 where a new key is made, and names the algorithm box in the UI language', () => {
    render(<Holder first="ed25519" />);
    expect(options()).toEqual(['Ed25519', 'SM2']);
    expect(screen.getByRole('status').textContent).toBe('ed25519:');
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByLabelText('Algorithm').id).toBe('k-algorithm');
  });
});
