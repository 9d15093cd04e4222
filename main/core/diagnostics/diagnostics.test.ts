import { describe, expect, it } from 'vitest';
import { redact, redactedSettings } from './diagnostics';

describe('diagnostics', () => {
  it('removes secrets from settings at any depth, and tokens from text', () => {
    const settings = redactedSettings([
      { key: 'hub.pendingEnrollment', value: JSON.stringify({ hubUrl: 'https://hub.example.cn', code: 'ABCD-1234' }) },
      {
        key: 'hub.connection',
        value: JSON.stringify({ hubUrl: 'https://hub.example.cn', clientId: 'c1', keyId: 'k1' }),
      },
      { key: 'ui.state', value: JSON.stringify({ view: 'list', nested: [{ passphrase: 'p', privateKey: 'x' }] }) },
      { key: 'session.token', value: '"abc"' },
      { key: 'broken', value: 'not json' },
    ]);
    expect(settings).toEqual({
      'hub.pendingEnrollment': { hubUrl: 'https://hub.example.cn', code: '[redacted]' },
      'hub.connection': { hubUrl: 'https://hub.example.cn', clientId: 'c1', keyId: 'k1' },
      'ui.state': { view: 'list', nested: [{ passphrase: '[redacted]', privateKey: '[redacted]' }] },
      'session.token': '[redacted]',
      broken: 'not json',
    });
    expect(redact('opened http://127.0.0.1:5173/#token=s3cr3t-T0ken and Bearer abc.def')).toBe(
      'opened http://127.0.0.1:5173/#token=[redacted] and Bearer [redacted]',
    );
  });
});
