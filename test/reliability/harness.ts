import { once } from 'node:events';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import {
  createSdkTransport,
  type Fetch,
  type OperationDescriptor,
  type TransportOptions,
} from '@sdkforge/runtime';
import { type NodeTransportOptions, nodeTransport } from '@sdkforge/runtime/node';
import { expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.ts';
import { type CallRecord, RecordingApiClient, reconcile } from './ledger.ts';

/** What the suite prints at the end: `lost`/`duplicated` from the ledger, per scenario, summed. */
export const totals = {
  scenarios: 0,
  requests: 0,
  faults: 0,
  calls: 0,
  executed: 0,
  lost: 0,
  ghost: 0,
  hidden: 0,
  disclosed: 0,
  duplicated: 0,
  /** Disclosures the scenarios declared (keyless writes the server executed before an error that says so). */
  expectedDisclosed: 0,
};

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
  /** The runtime's ApiClient, recording what each call returned in the scenario's ledger. */
  api: RecordingApiClient;
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
  /** Awaits a call the scenario expects to succeed (the ledger, not this, decides what was lost). */
  expectDelivered<T>(call: Promise<T>): Promise<T>;
  /**
   * Declares that this scenario knowingly ends with `n` keyless writes the server executed while the
   * client got an error that says the write may have happened (the ledger's `disclosed`); the scenario
   * fails if the ledger finds another number, or any write hidden behind an error.
   */
  expectDisclosed(n: number): void;
}

/** One fault scenario: its own server, its own clients, its numbers added to the totals. */
export function scenario(name: string, run: (context: ScenarioContext) => Promise<void>, timeout?: number) {
  it(
    name,
    async () => {
      totals.scenarios++;
      const server = await startFaultServer();
      const closers: (() => Promise<void>)[] = [];
      const calls: CallRecord[] = [];
      let expectedDisclosed = 0;
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
            api: new RecordingApiClient({ baseUrl: baseUrl ?? server.url, transport }, calls),
            sent: () => sent,
            base,
          };
        },
        expectDelivered(call) {
          return call;
        },
        expectDisclosed(n) {
          expectedDisclosed = n;
        },
      };
      try {
        await run(context);
      } finally {
        for (const close of closers) await close();
        await server.close();
      }
      // Only once the server is closed: every response it will ever finish is in its record.
      const ledger = reconcile(calls, server);
      totals.faults += server.faults;
      totals.calls += ledger.calls;
      totals.executed += ledger.executed;
      totals.lost += ledger.lost;
      totals.ghost += ledger.ghost;
      totals.hidden += ledger.hidden;
      totals.disclosed += ledger.disclosed;
      totals.duplicated += ledger.duplicated;
      totals.expectedDisclosed += expectedDisclosed;
      expect(
        ledger.details,
        'the ledger (ghost: ok but never executed/served; hidden: write behind an error)',
      ).toEqual({
        ghost: [],
        hidden: [],
        duplicated: [],
      });
      expect(ledger.disclosed, 'keyless writes executed behind an error that says so').toBe(
        expectedDisclosed,
      );
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
