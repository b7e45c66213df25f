import { ApiClient, type OperationDescriptor } from '../src/api-client.js';
import { createSdkTransport, type TransportOptions } from '../src/stack.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { type MockFetch, type MockRoute, mockFetch } from '../src/testing/mock-fetch.js';

/** A JWT (unsigned) carrying these claims. */
export function jwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

export const ops = {
  list: { id: 'listThings', method: 'GET', path: '/things', response: 'json' },
  get: { id: 'getThing', method: 'GET', path: '/things/{id}', response: 'json' },
  create: {
    id: 'createThing',
    method: 'POST',
    path: '/things',
    response: 'json',
    request: { encoding: 'json', contentType: 'application/json' },
  },
  replace: {
    id: 'replaceThing',
    method: 'PUT',
    path: '/things/{id}',
    response: 'json',
    request: { encoding: 'json', contentType: 'application/json' },
  },
  upload: {
    id: 'uploadThing',
    method: 'POST',
    path: '/things/upload',
    response: 'json',
    request: { encoding: 'binary', contentType: 'application/octet-stream' },
  },
  download: { id: 'downloadThing', method: 'GET', path: '/things/{id}/file', response: 'stream' },
  login: {
    id: 'login',
    method: 'POST',
    path: '/auth/login',
    anonymous: true,
    response: 'json',
    request: { encoding: 'json', contentType: 'application/json' },
  },
} as const satisfies Record<string, OperationDescriptor>;

export interface Harness {
  api: ApiClient;
  fetch: MockFetch;
  clock: FakeClock;
}

/** An ApiClient over the full policy stack, a mock fetch and a fake clock (no jitter). */
export function harness(routes: MockRoute[], options: Omit<TransportOptions, 'fetch'> = {}): Harness {
  const fetch = mockFetch(routes);
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock();
  const transport = createSdkTransport({ random: () => 0, ...options, clock, fetch });
  const api = new ApiClient({ baseUrl: 'https://api.test', basePath: '/v1', transport });
  return { api, fetch, clock };
}

/** Lets the event loop run until `done()` holds (never sleeps on a timer). */
export async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setImmediate(r));
  if (!done()) throw new Error('condition never met');
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject');
}
