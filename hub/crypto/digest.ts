import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/protocol';

/** SHA-256 in hex with node's native hash (the same value as shared/protocol's sha256Hex, several times faster). */
export function sha256HexNative(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The canonical JSON of an envelope and of its payload, canonicalizing the
 * payload once: RFC 8785 output is compositional, so the envelope's text is
 * the canonical text of the envelope with a placeholder where the payload
 * goes, the placeholder then replaced by the payload's own canonical text.
 * Throws as canonicalJson does (e.g. on a lone surrogate).
 */
export function canonicalEnvelope(rawEnvelope: unknown): { envelopeText: string; payloadText: string } {
  if (
    typeof rawEnvelope !== 'object' ||
    rawEnvelope === null ||
    Array.isArray(rawEnvelope) ||
    !('payload' in rawEnvelope)
  ) {
    const envelopeText = canonicalJson(rawEnvelope);
    return { envelopeText, payloadText: '' };
  }
  const payloadText = canonicalJson((rawEnvelope as { payload: unknown }).payload);
  const placeholder = `\u0001swhub-payload-${Math.random().toString(36).slice(2)}`;
  const withPlaceholder = canonicalJson({ ...rawEnvelope, payload: placeholder });
  const quoted = JSON.stringify(placeholder);
  const at = withPlaceholder.indexOf(`"payload":${quoted}`);
  if (at === -1) return { envelopeText: canonicalJson(rawEnvelope), payloadText };
  const start = at + '"payload":'.length;
  return {
    envelopeText: withPlaceholder.slice(0, start) + payloadText + withPlaceholder.slice(start + quoted.length),
    payloadText,
  };
}
