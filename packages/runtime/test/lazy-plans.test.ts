/**
 * Lazily loaded plans and operation table (issue 13: the browser budget). Generated services hand the base a
 * function loading the method's plan (its group's module is imported at the first call), and an SDK may hand
 * ClientCore a function loading the operation table. The call must behave as with the plan at hand: input
 * checked before anything is sent, the same errors, pagination in every mode.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { OperationDescriptor } from '../src/api-client.js';
import { ClientCore, type ClientCoreOptions, type OperationTable } from '../src/client-core.js';
import { ConfigurationError, RequestValidationError } from '../src/errors.js';
import type { Page } from '../src/pagination.js';
import { type MethodPlan, type PlanSource, Service } from '../src/service.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { type MockRoute, mockFetch } from '../src/testing/mock-fetch.js';
import { ops, rejection } from './helpers.js';

class TestClient extends ClientCore {
  constructor(options: Partial<ClientCoreOptions> = {}) {
    super({
      product: 'sdkforge-test',
      version: '1.0.0',
      baseUrl: 'https://api.test',
      clock: new FakeClock(),
      random: () => 0,
      ...options,
    });
  }
}

const getThing: OperationDescriptor = {
  id: 'getThing',
  method: 'GET',
  path: '/things/{id}',
  response: 'json',
  validate: { path: v.object({ id: v.pipe(v.string(), v.uuid()) }) },
};
const plans: Record<string, MethodPlan> = {
  get: { op: getThing, args: ['path:id'] },
  getPage: {
    op: ops.list,
    query: { limit: 'limit', offset: 'offset' },
    page: { items: 'items', total: 'total', limit: 'limit', offset: 'offset', pageLimit: 2, iterLimit: 2 },
  },
};

/** A group whose plans load like a generated service's: counted, resolved a tick later. */
class Things extends Service<{}> {
  loads = 0;
  #plan =
    (name: string): PlanSource =>
    async () => {
      this.loads++;
      await Promise.resolve();
      return plans[name]!;
    };
  get(id: string): Promise<unknown> {
    return this.invoke(this.#plan('get'), [id]);
  }
  getPage(options?: object): Promise<Page<number>> {
    return this.paged<number>('page', this.#plan('getPage'), [], options);
  }
  listAll(options?: object): Promise<number[]> {
    return this.paged<number>('list', this.#plan('getPage'), [], options);
  }
  iterAll(options?: object): AsyncGenerator<number, void, undefined> {
    return this.paged<number>('iter', this.#plan('getPage'), [], options);
  }
}

const items = [1, 2, 3, 4, 5];
const routes: MockRoute[] = [
  { path: '/things/{id}', reply: { json: { id: 'ok' } } },
  {
    path: '/things',
    reply: (req) => {
      const query = new URL(req.url).searchParams;
      const offset = Number(query.get('offset') ?? 0);
      const limit = Number(query.get('limit') ?? 2);
      return { json: { items: items.slice(offset, offset + limit), total: items.length, limit, offset } };
    },
  },
];

function setup(options: Partial<ClientCoreOptions> = {}) {
  const fetch = mockFetch(routes);
  const client = new TestClient({ fetch, ...options });
  return { fetch, client, things: new Things(client, {}) };
}

describe('Service: a plan loaded at the call', () => {
  it('checks the input against the loaded descriptor before sending: nothing is sent on a bad id', async () => {
    const { fetch, things } = setup();
    const error = await rejection(things.get('not-a-uuid'));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.message).toContain('getThing');
    expect(fetch.calls).toHaveLength(0);
    await expect(things.get('019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15')).resolves.toEqual({ id: 'ok' });
    expect(fetch.calls[0]?.path).toBe('/things/019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15');
  });

  it('pages, lists and iterates as with the plan at hand; iterAll loads nothing before its first next()', async () => {
    const { fetch, things } = setup();
    const page = await things.getPage();
    expect(page.items).toEqual([1, 2]);
    expect(await things.listAll()).toEqual(items);
    const before = things.loads;
    const iter = things.iterAll({ offset: 1 });
    expect(things.loads).toBe(before);
    const seen: number[] = [];
    for await (const n of iter) seen.push(n);
    expect(seen).toEqual([2, 3, 4, 5]);
    expect(things.loads).toBe(before + 1);
    expect(fetch.calls.every((c) => c.operationId === 'listThings')).toBe(true);
  });
});

describe('ClientCore: an operation table loaded at the first call by id', () => {
  it('loads it only for a call by id; the same checks and errors as a table at hand', async () => {
    let loads = 0;
    const table = async (): Promise<OperationTable> => {
      loads++;
      return { getThing };
    };
    const { fetch, client } = setup({ operations: table });
    await client.call(ops.list);
    expect(loads).toBe(0);
    await client.call('getThing', { path: { id: '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15' } });
    expect(fetch.calls.at(-1)?.operationId).toBe('getThing');
    const bad = await rejection(client.call('getThing', { path: { id: 'x' } }));
    expect(bad).toBeInstanceOf(RequestValidationError);
    const unknown = await rejection(client.call('nope'));
    expect(unknown).toBeInstanceOf(ConfigurationError);
    expect(unknown.message).toContain('"nope"');
    expect(loads).toBe(3);
  });
});
