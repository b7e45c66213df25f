/**
 * The ledger can see what it is meant to see: deliberately broken transports make `duplicated` and
 * `lost` non-zero, and the runtime's own stack, on the same faults, keeps them at zero.
 */
import { ConnectionError, createSdkTransport, type Policy, SdkError } from '@sdkforge/runtime';
import { nodeTransport } from '@sdkforge/runtime/node';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.ts';
import { ops } from './harness.ts';
import { type CallRecord, RecordingApiClient, reconcile } from './ledger.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

async function setup(policies: Policy[], options: { autoIdempotencyKeys?: boolean } = {}) {
  const server = await startFaultServer();
  const node = nodeTransport();
  closers.push(
    () => server.close(),
    () => node.close(),
  );
  const calls: CallRecord[] = [];
  const transport = createSdkTransport({ fetch: node, policies, retry: { baseDelay: 1 }, ...options });
  const api = new RecordingApiClient({ baseUrl: server.url, transport }, calls);
  const ledger = async () => {
    await server.close();
    closers.shift();
    return reconcile(calls, server);
  };
  return { server, api, calls, ledger };
}

/** Sends every request again when the first try fails, whatever the method: the bug retries guard against. */
const retryEverything: Policy = (next) => async (request, context) => {
  try {
    return await next(request.clone(), context);
  } catch {
    return next(request, context);
  }
};

/** Turns any failure into a 200 with an empty object: the bug of a policy that swallows errors. */
const swallowErrors: Policy = (next) => async (request, context) => {
  try {
    const response = await next(request, context);
    return response.ok ? response : Response.json({ ok: true });
  } catch {
    return Response.json({ ok: true });
  }
};

/** Answers from a cache of the first response per path: returns data the server never sent for that call. */
function staleCache(): Policy {
  const cache = new Map<string, string>();
  return (next) => async (request, context) => {
    const hit = cache.get(request.url);
    if (hit) return new Response(hit, { headers: { 'content-type': 'application/json' } });
    const response = await next(request, context);
    cache.set(request.url, await response.clone().text());
    return response;
  };
}

/** Reports every transport failure as a request that never left: the classification bug the ledger must catch. */
const claimNotSent: Policy = (next) => async (request, context) => {
  try {
    return await next(request, context);
  } catch (error) {
    throw new ConnectionError('could not reach the server', { cause: error, outcome: 'not-sent' });
  }
};

/** Turns any failure into an error that says nothing about the request having been sent. */
const sayNothing: Policy = (next) => async (request, context) => {
  try {
    return await next(request, context);
  } catch {
    throw new SdkError('failed');
  }
};

function writeFaults(server: FaultServer) {
  server.route('POST', '/items', [{ kind: 'reset-before-headers' }, { kind: 'ok', status: 201 }], {
    effect: true,
  });
}

describe('the ledger', () => {
  it('counts a keyless POST sent twice by a broken retry as duplicated', async () => {
    const { server, api, ledger } = await setup([retryEverything]);
    writeFaults(server);
    await api.request(ops.create, { body: { name: 'a' } });
    const totals = await ledger();
    expect(totals.duplicated).toBe(1);
    expect(totals.lost).toBe(0);
  });

  it('counts a success the server never executed as lost (an error swallowed by a policy)', async () => {
    const { server, api, ledger } = await setup([swallowErrors]);
    // 503 is a refusal: the server did not act, yet the caller is told the call succeeded.
    server.route('POST', '/items', [{ kind: 'status', status: 503 }], { effect: true });
    server.route('GET', '/items', [{ kind: 'status', status: 503 }]);
    await api.request(ops.create, { body: { name: 'a' } });
    await api.request(ops.list);
    const totals = await ledger();
    expect(totals.ghost).toBe(2);
    expect(totals.lost).toBe(2);
    expect(totals.duplicated).toBe(0);
  });

  it('counts data the server never sent for that call as lost', async () => {
    const { server, api, ledger } = await setup([staleCache()]);
    let version = 0;
    server.route('GET', '/items', () => ({ kind: 'ok', json: { version: ++version } }));
    expect(await api.request(ops.list)).toEqual({ version: 1 });
    expect(await api.request(ops.list)).toEqual({ version: 1 });
    const totals = await ledger();
    // The second call was answered from the cache: the server executed nothing for it.
    expect(totals.ghost).toBe(1);
  });

  it('counts a keyless write executed behind an error that says so as disclosed, a keyed one not at all', async () => {
    const keyless = await setup([]);
    keyless.server.route('POST', '/items', [{ kind: 'reset-before-headers' }], { effect: true });
    await expect(keyless.api.request(ops.create, { body: {} })).rejects.toMatchObject({
      name: 'ConnectionError',
      outcome: 'unknown',
    });
    expect(await keyless.ledger()).toMatchObject({ hidden: 0, disclosed: 1, lost: 0, duplicated: 0 });

    const keyed = await setup([], { autoIdempotencyKeys: true });
    keyed.server.route('POST', '/items', [{ kind: 'reset-before-headers' }], { effect: true });
    await expect(keyed.api.request(ops.create, { body: {} })).rejects.toThrow();
    // Sent three times with one key: executed once, and the caller may repeat it safely.
    expect(keyed.server.seen('POST', '/items')).toHaveLength(3);
    expect(await keyed.ledger()).toMatchObject({ hidden: 0, disclosed: 0, lost: 0, duplicated: 0 });
  });

  it('counts an executed write behind an error that claims not-sent (a lying classification) as lost', async () => {
    const lying = await setup([claimNotSent]);
    lying.server.route('POST', '/items', [{ kind: 'reset-before-headers' }], { effect: true });
    await expect(lying.api.request(ops.create, { body: {} })).rejects.toMatchObject({ outcome: 'not-sent' });
    expect(await lying.ledger()).toMatchObject({ hidden: 1, disclosed: 0, lost: 1 });

    // Keyed, it is a lie all the same: the server did act.
    const keyed = await setup([claimNotSent], { autoIdempotencyKeys: true });
    keyed.server.route('POST', '/items', [{ kind: 'reset-before-headers' }], { effect: true });
    await expect(keyed.api.request(ops.create, { body: {} })).rejects.toMatchObject({ outcome: 'not-sent' });
    expect(await keyed.ledger()).toMatchObject({ hidden: 1, lost: 1 });

    // An error that says nothing either way hides the write too.
    const silent = await setup([sayNothing]);
    silent.server.route('POST', '/items', [{ kind: 'reset-before-headers' }], { effect: true });
    await expect(silent.api.request(ops.create, { body: {} })).rejects.toThrow('failed');
    expect(await silent.ledger()).toMatchObject({ hidden: 1, lost: 1 });
  });

  it('the runtime stack on the same faults: nothing duplicated, nothing lost', async () => {
    const { server, api, ledger } = await setup([], { autoIdempotencyKeys: true });
    writeFaults(server);
    server.route('GET', '/items', [
      { kind: 'status', status: 503 },
      { kind: 'ok', json: { n: 1 } },
    ]);
    await api.request(ops.create, { body: { name: 'a' } });
    expect(await api.request(ops.list)).toEqual({ n: 1 });
    expect(await ledger()).toMatchObject({ calls: 2, lost: 0, duplicated: 0 });
  });
});
