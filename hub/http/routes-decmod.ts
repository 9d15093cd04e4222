import type { FastifyInstance } from 'fastify';
import type { ModReceipt } from '../../shared/modify/mod-request';
import { signedModRequestSchema } from '../../shared/modify/mod-request';
import { canonicalJson } from '../../shared/protocol';
import { sha256HexNative } from '../crypto/digest';
import { decideMod } from '../submissions/decide-mod';
import type { ModReceiptRecord } from '../store/types';
import { authenticate } from './auth';
import type { HubContext } from './context';
import { HubHttpError, parseJsonBody, parseWith } from './errors';
import { signedLookup, withNonce } from './routes-submissions';

const receiptOf = ({ digest: _digest, ...receipt }: ModReceiptRecord): ModReceipt => receipt;

/**
 * 修撤单 at the hub: a signed modification or cancellation request is judged once, by its request id (a request sent
 * again gets the receipt of the first), and answered with its receipt: approved (the declaration's values changed,
 * or it is cancelled) or refused with reasons naming the field. GET answers the receipt of a request already sent.
 */
export function registerDecModRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.post('/v1/decmods', async (request): Promise<ModReceipt> => {
    const auth = await authenticate(request, ctx);
    const raw = parseJsonBody(request.body);
    const body = parseWith(signedModRequestSchema, raw, 'modification request');
    const { envelope } = body;
    // The signature is checked over the envelope exactly as sent (the parsed copy drops unknown fields).
    let envelopeText: string;
    try {
      envelopeText = canonicalJson((raw as { envelope: unknown }).envelope);
    } catch {
      throw new HubHttpError(400, 'bad-request', 'The request envelope has text canonical JSON cannot hold');
    }
    const key = await ctx.store.getKey(auth.client.id, envelope.keyId);
    if (!key)
      throw new HubHttpError(422, 'unknown-key', `The request is signed with key ${envelope.keyId}, not registered`);
    if (!ctx.verifier.verify(key, envelopeText, body.signature))
      throw new HubHttpError(422, 'bad-signature', 'The request signature does not match its envelope');
    const receipt = await withNonce(() =>
      ctx.store.recordModRequest({
        clientId: auth.client.id,
        nonce: auth.nonce,
        receivedAt: new Date(ctx.now()).toISOString(),
        requestId: envelope.requestId,
        digest: sha256HexNative(envelopeText),
        kind: envelope.head.DecModType === '1' ? 'modify' : 'cancel',
        entryId: envelope.head.EntryId,
        keyId: envelope.keyId,
        envelopeText,
        signature: body.signature,
        decide: (target) => decideMod(envelope, target),
      }),
    );
    if (receipt === 'conflict')
      throw new HubHttpError(
        409,
        'conflict',
        `Request id ${envelope.requestId} was already used for another request; a new request needs a new id`,
      );
    request.log.info({ clientId: auth.client.id, requestId: envelope.requestId, outcome: receipt.outcome }, 'decmod');
    return receiptOf(receipt);
  });

  app.get<{ Params: { requestId: string } }>('/v1/decmods/:requestId', async (request): Promise<ModReceipt> => {
    const { requestId } = request.params;
    const found = { field: 'requestId', value: requestId, what: 'request' };
    return receiptOf(await signedLookup(request, ctx, found, (clientId, id) => ctx.store.getModRequest(clientId, id)));
  });
}
