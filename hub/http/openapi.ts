import { z } from 'zod';
import {
  ATTACHMENT_CHUNK_BYTES,
  attachmentStateSchema,
  codeTableListSchema,
  codeTableSchema,
  enrollmentRequestSchema,
  enrollmentResponseSchema,
  healthSchema,
  hubErrorSchema,
  keyRegistrationRequestSchema,
  keyRegistrationResponseSchema,
  MAX_CLOCK_SKEW_MS,
  receiptsResponseSchema,
  signedHeaders,
  submissionStateSchema,
  submitRequestSchema,
  submitResponseSchema,
} from '../../shared/protocol';
import { modReceiptSchema, signedModRequestSchema } from '../../shared/modify/mod-request';

// The OpenAPI 3.1 description served at /v1/openapi.json. Component schemas
// are generated from the same zod schemas the hub and the client validate
// with, so the description cannot drift from the wire types.

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

function errors(...statuses: number[]): Json {
  const text: Record<number, string> = {
    400: 'Malformed JSON, a body or query that does not match the schema (`issues` name the paths)',
    401: 'Not signed, stale timestamp, unknown or revoked client, unknown key, bad signature or a replayed nonce',
    404: 'Not found',
    413: 'The body is larger than the hub accepts',
    415: 'The body is not application/json',
    429: 'Rate limited; see Retry-After',
    503: 'The hub is shutting down; see Retry-After',
  };
  return Object.fromEntries(
    statuses.map((s) => [String(s), { description: text[s] ?? 'Error', content: json('HubError') }]),
  );
}

const signed = [{ swdeskSignature: [] }];
const signedErrors = [400, 401, 413, 415, 503];

/** A signed call: what it sends (JSON by schema name, or other content), its answer on 200, the errors it gives. */
function signedCall(call: {
  summary: string;
  description?: string;
  parameters?: Json[];
  body?: string | Json;
  answer: { description: string; schema: string };
  errors: number[];
}): Json {
  const body = typeof call.body === 'string' ? json(call.body) : call.body;
  return {
    summary: call.summary,
    ...(call.description === undefined ? {} : { description: call.description }),
    security: signed,
    ...(call.parameters === undefined ? {} : { parameters: call.parameters }),
    ...(body === undefined ? {} : { requestBody: { required: true, content: body } }),
    responses: {
      200: { description: call.answer.description, content: json(call.answer.schema) },
      ...errors(...call.errors),
    },
  };
}

export function openApiDocument(version: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Single Window Desk exchange hub',
      version,
      description:
        'Hub protocol v1: the desktop client enrolls with a one-time code, then sends signed requests. ' +
        'Submissions are signed envelopes (RFC 8785 canonical JSON) deduplicated forever on (client, submissionId); ' +
        'receipts (CHANNEL codes) are long-polled in hub order. See docs/hub-protocol.md.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        swdeskSignature: {
          type: 'apiKey',
          in: 'header',
          name: signedHeaders.signature,
          description:
            `Every call except enrollment, health and these docs is signed. Headers: ${Object.values(signedHeaders).join(', ')}. ` +
            'The signature (base64; Ed25519, or SM2 over SM3 with user id 1234567812345678 as DER) covers the UTF-8 text ' +
            '"SWDESK-REQ-1\\n" + METHOD + "\\n" + path with query as sent + "\\n" + timestamp + "\\n" + nonce + "\\n" + hex SHA-256 of the body ("" for GET). ' +
            `The timestamp must be within ±${MAX_CLOCK_SKEW_MS / 60_000} minutes of the hub's clock; a nonce is accepted once.`,
        },
      },
      schemas: {
        HubError: schemaOf(hubErrorSchema),
        Health: schemaOf(healthSchema),
        EnrollmentRequest: schemaOf(enrollmentRequestSchema),
        EnrollmentResponse: schemaOf(enrollmentResponseSchema),
        KeyRegistrationRequest: schemaOf(keyRegistrationRequestSchema),
        KeyRegistrationResponse: schemaOf(keyRegistrationResponseSchema),
        SubmitRequest: schemaOf(submitRequestSchema),
        SubmitResponse: schemaOf(submitResponseSchema),
        SubmissionState: schemaOf(submissionStateSchema),
        ReceiptsResponse: schemaOf(receiptsResponseSchema),
        CodeTableList: schemaOf(codeTableListSchema),
        CodeTable: schemaOf(codeTableSchema),
        AttachmentState: schemaOf(attachmentStateSchema),
        ModRequest: schemaOf(signedModRequestSchema),
        ModReceipt: schemaOf(modReceiptSchema),
      },
    },
    paths: {
      '/v1/health': {
        get: {
          summary: 'Liveness and version',
          responses: { 200: { description: 'The hub is up', content: json('Health') } },
        },
      },
      '/v1/enrollments': {
        post: {
          summary: 'Enroll a client with a one-time code (unsigned)',
          description:
            'Consumes the code atomically; codes expire (7 days by default). The answer names the client and the key id to sign with.',
          requestBody: { required: true, content: json('EnrollmentRequest') },
          responses: {
            200: { description: 'Enrolled', content: json('EnrollmentResponse') },
            ...errors(400, 401, 413, 415, 429, 503),
          },
        },
      },
      '/v1/keys': {
        post: signedCall({
          summary: 'Add a signing key (key rotation)',
          description:
            'Signed with a key the client already has. Every key a client ever added stays valid for verifying what it signed. Adding a key twice answers the same key id.',
          body: 'KeyRegistrationRequest',
          answer: { description: 'Registered', schema: 'KeyRegistrationResponse' },
          errors: signedErrors,
        }),
      },
      '/v1/submissions': {
        post: signedCall({
          summary: 'Submit a batch of signed declarations (at most 100)',
          description:
            'Each item: accepted (new and valid; hubSeq assigned), duplicate (same id and payload digest already accepted: the original hubSeq), ' +
            'conflict (same id, another digest: nothing stored), or rejected (bad item signature, digest mismatch, or validation errors with field paths ' +
            'and zh-CN messages; a resend answers the same). The batch is one transaction; 200 whenever it was processed.',
          body: 'SubmitRequest',
          answer: { description: 'Processed; one result per item, in order', schema: 'SubmitResponse' },
          errors: signedErrors,
        }),
      },
      '/v1/submissions/{submissionId}': {
        get: signedCall({
          summary: 'The state of one submission (reconciliation after a timeout) and who prepared and reviewed it',
          parameters: [
            { name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          answer: { description: 'Known', schema: 'SubmissionState' },
          errors: [400, 401, 404, 503],
        }),
      },
      '/v1/attachments/{sha256}': {
        get: signedCall({
          summary: 'What the hub holds of one 随附单据 file of this client (where to resume its upload)',
          parameters: [{ name: 'sha256', in: 'path', required: true, schema: { type: 'string' } }],
          answer: { description: 'Held bytes', schema: 'AttachmentState' },
          errors: [400, 401, 503],
        }),
        post: signedCall({
          summary: `One chunk (at most ${ATTACHMENT_CHUNK_BYTES} bytes, application/octet-stream) of a file named by its SHA-256`,
          description:
            'Query: size (the whole file, at most 4 MiB) and offset (where this chunk starts). A chunk at the held length is appended; ' +
            'one already held (a retry after a lost answer) changes nothing; the last one keeps the file only if its bytes hash to its name ' +
            '(422 attachment-digest-mismatch drops the partial file). 409 attachment-gap (resume at `received`) and attachment-size-mismatch write nothing. ' +
            'A submission naming a file the hub does not hold whole is rejected naming it (attachment-missing, attachment-altered).',
          parameters: [
            { name: 'sha256', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'size', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } },
            { name: 'offset', in: 'query', required: true, schema: { type: 'integer', minimum: 0 } },
          ],
          body: { 'application/octet-stream': { schema: { type: 'string' } } },
          answer: { description: 'The held bytes after this chunk', schema: 'AttachmentState' },
          errors: [400, 401, 409, 413, 422, 503],
        }),
      },
      '/v1/receipts': {
        get: signedCall({
          summary: "This client's receipts after a cursor, in hub order (long poll)",
          description:
            'Answers at once when there are receipts; otherwise waits up to `wait` seconds (at most 30 by default). Receipts are kept, so a client offline for weeks catches up page by page.',
          parameters: [
            {
              name: 'after',
              in: 'query',
              schema: { type: 'string' },
              description: 'The cursor of the last receipt applied; absent or empty for the beginning',
            },
            {
              name: 'wait',
              in: 'query',
              schema: { type: 'number', minimum: 0 },
              description: 'Seconds to wait when nothing is new',
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1 },
              description: 'Page size (500 by default)',
            },
          ],
          answer: { description: 'Receipts and the cursor to ask with next', schema: 'ReceiptsResponse' },
          errors: [400, 401, 429, 503],
        }),
      },
      '/v1/code-tables': {
        get: signedCall({
          summary: 'The code tables this hub serves, latest versions',
          answer: { description: 'Tables', schema: 'CodeTableList' },
          errors: [401, 503],
        }),
      },
      '/v1/code-tables/{tableId}': {
        get: signedCall({
          summary: 'One code table with its rows (latest, or ?version=n)',
          parameters: [
            { name: 'tableId', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'version', in: 'query', schema: { type: 'integer' } },
          ],
          answer: { description: 'The table; ETag is its content hash', schema: 'CodeTable' },
          errors: [400, 401, 404, 503],
        }),
      },
      '/v1/decmods': {
        post: signedCall({
          summary: 'A signed modification or cancellation request (修撤单), judged once by its requestId',
          description:
            'Answers its receipt: approved (the declaration the hub holds takes the new values, or is cancelled) or ' +
            'refused with reasons naming the field. The same requestId again answers the same receipt; with other ' +
            'content, 409. See docs/modify-cancel.md.',
          body: 'ModRequest',
          answer: { description: 'Its receipt', schema: 'ModReceipt' },
          errors: [400, 401, 409, 422, 503],
        }),
      },
      '/v1/decmods/{requestId}': {
        get: signedCall({
          summary: 'The receipt of a request already sent (after a lost answer)',
          parameters: [{ name: 'requestId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          answer: { description: 'Its receipt', schema: 'ModReceipt' },
          errors: [400, 401, 404, 503],
        }),
      },
      '/v1/openapi.json': { get: { summary: 'This description', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/v1/docs': {
        get: { summary: 'A page that renders this description', responses: { 200: { description: 'HTML' } } },
      },
    },
  };
}
