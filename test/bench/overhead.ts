/**
 * 1. Per-call overhead, openapi-fetch's own method: the network is a stub fetch that resolves a small JSON
 * Response on the next tick, so only client work is measured. Bare openapi-fetch against an SDK call with
 * every policy on (api key, idempotency keys, deadline, retry with budget, attempt timeout, logging off)
 * and none firing.
 */
import { ApiClient, apiKeyAuth, createSdkTransport, type OperationDescriptor } from '@sdkforge/runtime';
import createClient from 'openapi-fetch';
import * as v from 'valibot';
import { fmt, median, type Row, timePerCall } from './measure.ts';

const stub = () =>
  new Promise<Response>((resolve) =>
    process.nextTick(() => resolve(Response.json({ id: 'a1', name: 'item' }))),
  );

const op = {
  id: 'getItem',
  method: 'GET',
  path: '/items/{id}',
  response: 'json',
  validate: {
    path: v.object({ id: v.string() }),
    query: v.object({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }),
  },
} as const satisfies OperationDescriptor;

export async function overhead(rounds = 7, calls = 20_000): Promise<Row[]> {
  const bare = createClient<Record<string, never>>({ baseUrl: 'https://api.test', fetch: stub });
  const transport = createSdkTransport({
    fetch: stub,
    auth: apiKeyAuth({ key: 'bench-key', header: 'X-API-KEY' }),
    autoIdempotencyKeys: true,
    logLevel: 'off',
  });
  const sdk = new ApiClient({ baseUrl: 'https://api.test', transport });
  const unchecked = new ApiClient({ baseUrl: 'https://api.test', transport, validateRequests: false });
  const params = { path: { id: 'a1' }, query: { limit: 10 } };
  const variants = {
    // biome-ignore lint/suspicious/noExplicitAny: the bare client is untyped for this path on purpose.
    bare: () => (bare as any).GET('/items/{id}', { params }),
    sdk: () => sdk.request(op, params),
    unchecked: () => unchecked.request(op, params),
  };
  const samples: Record<keyof typeof variants, number[]> = { bare: [], sdk: [], unchecked: [] };
  for (const fn of Object.values(variants)) await timePerCall(fn, calls / 4);
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(variants)) {
      samples[name as keyof typeof variants].push(await timePerCall(fn, calls));
    }
  }
  const bareUs = median(samples.bare);
  const sdkUs = median(samples.sdk);
  const uncheckedUs = median(samples.unchecked);
  return [
    {
      benchmark: '1. per-call overhead, stub fetch (all policies on, none firing, input validated)',
      ours: fmt.us(sdkUs),
      baseline: `${fmt.us(bareUs)} bare openapi-fetch`,
      ratio: fmt.ratio(sdkUs / bareUs),
      target: '≤ 2×',
    },
    {
      benchmark: '1b. same, input validation off',
      ours: fmt.us(uncheckedUs),
      baseline: `${fmt.us(bareUs)} bare openapi-fetch`,
      ratio: fmt.ratio(uncheckedUs / bareUs),
      target: '—',
    },
  ];
}
