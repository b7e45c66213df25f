import { once } from 'node:events';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import {
  ApiClient,
  createSdkTransport,
  type Fetch,
  type OperationDescriptor,
  type TransportOptions,
} from '@sdkforge/runtime';
import { type NodeTransportOptions, nodeTransport } from '@sdkforge/runtime/node';
import { it } from 'vitest';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.ts';

/** What the suite prints at the end. */
export const totals = { scenarios: 0, requests: 0, faults: 0, lost: 0, duplicated: 0 };

export const ops = {
  list: { id: 'listItems', method: 'GET', path: '/items', response: 'json' },
  create: {
    id: 'createItem',
    method: 'POST',
    path: '/items',
    response: 'json',
    request: { encoding: 'json', contentType: 'application/json' },
  },
  refresh: {
    id: 'refreshToken',
    method: 'POST',
    path: '/auth/refresh',
    anonymous: true,
    response: 'json',
    request: { encoding: 'json', contentType: 'application/json' },
  },
  download: { id: 'downloadFile', method: 'GET', path: '/files/{name}', response: 'stream' },
} as const satisfies Record<string, OperationDescriptor>;

export interface Sdk {
  api: ApiClient;
  /** HTTP exchanges this client sent (every attempt, every replay). */
  sent(): number;
  base: Fetch;
}

export interface ScenarioContext {
  server: FaultServer;
  /** An ApiClient over the full policy stack and the Node transport, counting what it sends. */
  sdk(
    options?: Partial<TransportOptions> &
      Pick<NodeTransportOptions, 'maxResponseBytes'> & { baseUrl?: string },
  ): Sdk;
  /** Awaits a call the scenario expects to succeed; a failure counts as lost. */
  expectDelivered<T>(call: Promise<T>): Promise<T>;
}

/** One fault scenario: its own server, its own clients, its numbers added to the totals. */
export function scenario(name: string, run: (context: ScenarioContext) => Promise<void>, timeout?: number) {
  it(
    name,
    async () => {
      totals.scenarios++;
      const server = await startFaultServer();
      const closers: (() => Promise<void>)[] = [];
      const context: ScenarioContext = {
        server,
        sdk(options = {}) {
          const { maxResponseBytes, baseUrl, ...stack } = options;
          const node = nodeTransport({ maxResponseBytes, timeout: stack.timeout });
          closers.push(() => node.close());
          let sent = 0;
          const base: Fetch = (request, ctx) => {
            sent++;
            totals.requests++;
            return node(request, ctx);
          };
          const transport = createSdkTransport({
            retry: { baseDelay: 5, maxDelay: 50 },
            ...stack,
            fetch: base,
          });
          return {
            api: new ApiClient({ baseUrl: baseUrl ?? server.url, transport }),
            sent: () => sent,
            base,
          };
        },
        async expectDelivered(call) {
          try {
            return await call;
          } catch (error) {
            totals.lost++;
            throw error;
          }
        },
      };
      try {
        await run(context);
      } finally {
        totals.faults += server.faults;
        totals.duplicated += server.duplicated;
        for (const close of closers) await close();
        await server.close();
      }
    },
    timeout,
  );
}

/** The error a promise rejects with (fails if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

/** A port nothing listens on (connections to it are refused). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
