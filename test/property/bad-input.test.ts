/**
 * Generated input, per operation of every spec, through the runtime's ApiClient with the generated
 * validators (no SDK method names involved):
 * - every invalid input (one field broken in one way, drawn from the spec's schemas) must be refused with a
 *   RequestValidationError naming that field, and nothing may reach the transport (requests and bytes
 *   counted there);
 * - every valid input must be sent, and Prism's request validation (`--errors`) must accept it: no error in
 *   its `sl-violations` header, and a success status (Prism answers with the spec's 2xx when a request passes).
 * Prints `bad inputs tried: N, rejected before send: N; valid inputs: M, accepted by the mock: M`.
 * The drawn values replay with SDKFORGE_FUZZ_SEED.
 */
import {
  ApiClient,
  createSdkTransport,
  type Fetch,
  type RequestInput,
  RequestValidationError,
} from '@sdkforge/runtime';
import { nodeTransport } from '@sdkforge/runtime/node';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { report } from '../helpers/report.ts';
import { apiNames, type Json, loadSpecDocument, serverBasePath } from '../helpers/specs.ts';
import { badInputs, descriptorOf, Rng, type SpecOperation, specOperations, validVariants } from './inputs.ts';

const seed = process.env.SDKFORGE_FUZZ_SEED
  ? Number(process.env.SDKFORGE_FUZZ_SEED)
  : Date.now() ^ (Math.random() * 2 ** 31);
const totals = { bad: 0, rejected: 0, valid: 0, accepted: 0 };

const validatorModules: Record<string, () => Promise<Record<string, unknown>>> = {
  avatar: () => import('@sdkforge/avatar/validators'),
  tiktrue: () => import('@sdkforge/tiktrue/validators'),
  valentina: () => import('@sdkforge/valentina/validators'),
};

/** Counts what reaches the transport: requests, and the bytes of their bodies. */
function counting(base: Fetch) {
  const sent = { requests: 0, bytes: 0, last: undefined as Response | undefined };
  const fetch: Fetch = async (request, context) => {
    sent.requests++;
    sent.bytes += request.body ? (await request.clone().arrayBuffer()).byteLength : 0;
    const response = await base(request, context);
    sent.last = response;
    return response;
  };
  return { fetch, sent };
}

/** Credentials of the kind the operation's security asks for (Prism checks they are present). */
function credentials(doc: Json, op: SpecOperation): Record<string, string> {
  if (op.anonymous) return {};
  const schemes = doc.components?.securitySchemes ?? {};
  for (const scheme of Object.values<Json>(schemes)) {
    if (scheme.type === 'apiKey' && scheme.in === 'header') return { [scheme.name]: 'test-key-0123456789' };
    if (scheme.type === 'http' && scheme.scheme === 'bearer') return { Authorization: 'Bearer aaa.bbb.ccc' };
    if (scheme.type === 'http') return { Authorization: `${scheme.scheme} q3Xn8Zb2R5vT0kLw9sHc4YpJ7eUa1DmG` };
  }
  return {};
}

function withHeaders(input: RequestInput, headers: Record<string, string>): RequestInput {
  return { ...input, headers: { ...headers, ...input.headers } };
}

describe('generated input, per operation of every spec', () => {
  for (const api of apiNames()) {
    const doc = loadSpecDocument(api);
    const operations = specOperations(doc);

    it(`${api}: every invalid input is refused before anything is sent, naming the field`, async () => {
      const validators = await validatorModules[api]!();
      const { fetch, sent } = counting(async () => {
        throw new Error('nothing may be sent for an invalid input');
      });
      const client = new ApiClient({
        baseUrl: 'http://127.0.0.1:9',
        basePath: serverBasePath(api),
        transport: createSdkTransport({ fetch, retry: false }),
      });
      const rng = new Rng(seed);
      const problems: string[] = [];
      let tried = 0;
      for (const op of operations) {
        const descriptor = descriptorOf(op, validators);
        for (const bad of badInputs(doc, op, rng)) {
          tried++;
          const before = { ...sent };
          const error = await client.request(descriptor, withHeaders(bad.input, credentials(doc, op))).then(
            () => undefined,
            (e: unknown) => e,
          );
          const named =
            error instanceof RequestValidationError &&
            error.issues.some((i) => i.path === bad.field || i.path.startsWith(`${bad.field}.`)) &&
            error.message.includes(bad.field);
          const nothingSent = sent.requests === before.requests && sent.bytes === before.bytes;
          if (named && nothingSent) totals.rejected++;
          else {
            const what =
              error instanceof RequestValidationError
                ? `RequestValidationError on ${error.issues.map((i) => i.path).join(', ')}`
                : String(error ?? 'accepted');
            problems.push(`${op.operationId}: ${bad.label} → ${what}${nothingSent ? '' : ' (SENT)'}`);
          }
        }
      }
      totals.bad += tried;
      expect(tried).toBeGreaterThan(operations.length);
      expect(problems, `seed ${seed}`).toEqual([]);
    });

    it(`${api}: every valid input is sent and accepted by Prism's request validation`, async () => {
      const validators = await validatorModules[api]!();
      const node = nodeTransport();
      const { fetch, sent } = counting(node);
      const client = new ApiClient({
        baseUrl: inject('mockUrls')[api] as string,
        basePath: serverBasePath(api),
        transport: createSdkTransport({ fetch, retry: false }),
      });
      const rng = new Rng(seed + 1);
      const problems: string[] = [];
      let tried = 0;
      try {
        for (const op of operations) {
          const descriptor = descriptorOf(op, validators);
          for (const input of validVariants(doc, op, rng)) {
            tried++;
            const before = sent.requests;
            sent.last = undefined;
            const error = await client.request(descriptor, withHeaders(input, credentials(doc, op))).then(
              async (result) => {
                if (result instanceof Response) await result.arrayBuffer();
                return undefined;
              },
              (e: unknown) => e,
            );
            // Prism lists what it found in `sl-violations`; only errors make it refuse a request (warnings,
            // e.g. a deprecated parameter or a security scheme it cannot check, do not).
            const last = sent.last as Response | undefined;
            const listed = last?.headers.get('sl-violations');
            const errors = listed
              ? (JSON.parse(listed) as { severity?: string }[]).filter((x) => x.severity === 'Error')
              : [];
            const status = last?.status ?? 0;
            const violations = errors.length
              ? JSON.stringify(errors)
              : status >= 400
                ? `status ${status}${listed ? ` ${listed}` : ''}`
                : undefined;
            if (sent.requests > before && last && !violations) totals.accepted++;
            else {
              problems.push(
                `${op.operationId} ${JSON.stringify(input.query ?? {})}: ${
                  violations ?? (error instanceof Error ? `${error.name}: ${error.message}` : 'not sent')
                }`,
              );
            }
          }
        }
      } finally {
        await node.close();
      }
      totals.valid += tried;
      expect(problems, `seed ${seed}`).toEqual([]);
    });
  }

  afterAll(() => {
    report(
      'generated-input',
      `generated input (seed ${seed}): bad inputs tried: ${totals.bad}, rejected before send: ${totals.rejected}; ` +
        `valid inputs: ${totals.valid}, accepted by the mock: ${totals.accepted}`,
    );
  });
});
