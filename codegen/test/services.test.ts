/**
 * Behaviour of the generated services (services.gen.ts on the runtime's Service base), through the
 * runtime's request engine and a recording mock fetch: every assertion is about what went on the wire.
 */
import { join } from 'node:path';
import {
  ApiClient,
  type CallOptions,
  type OperationDescriptor,
  type RequestInput,
  RequestValidationError,
} from '@sdkforge/runtime';
import { type MockFetch, mockFetch } from '@sdkforge/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TempSdk, tempSdk, typeErrors } from './helpers/sdk.ts';

const spec = join(import.meta.dirname, 'fixtures', 'kennel.yaml');
const dog = { id: 'd1', name: 'Rex' };
const page = (items: unknown[], offset: number, limit: number, total: number) => ({
  items,
  offset,
  limit,
  total,
});

let sdk: TempSdk;
// biome-ignore lint/suspicious/noExplicitAny: the generated module is imported at run time.
let S: any;
// biome-ignore lint/suspicious/noExplicitAny: the generated module is imported at run time.
let api: any;

beforeAll(async () => {
  sdk = await tempSdk(spec);
  S = await import(sdk.src('generated/services.gen.ts'));
  api = await import(sdk.src('generated/operations.gen.ts'));
});

function host(fetch: MockFetch, hooks: Record<string, (r: unknown) => unknown> = {}) {
  const engine = new ApiClient({
    baseUrl: 'https://kennel.test',
    basePath: api.API_BASE_PATH,
    transport: fetch,
  });
  return {
    call: <T>(op: OperationDescriptor, input?: RequestInput, options?: CallOptions) =>
      engine.request<T>(op, input, options),
    afterCall: (hook: string, result: unknown) => hooks[hook]!(result),
    contextValue: () => undefined,
  };
}
const scope = { userId: 'user-1', kennelId: undefined, companyId: 'co-1' };

describe('generated operation table', () => {
  it('keys descriptors by operationId, with the security requirements and the surface index', () => {
    expect(api.OPERATIONS.login).toMatchObject({ method: 'POST', path: '/login', anonymous: true });
    expect(api.OPERATION_SECURITY).toMatchObject({
      getHealth: [{}, { ApiKey: [] }],
      login: [],
      getDog: [{ ApiKey: [] }],
    });
    expect(api.SECURITY_SCHEMES).toEqual({ ApiKey: { type: 'http', scheme: 'api-key-v1' } });
    expect(api.operationIndex).toContainEqual({
      operationId: 'login',
      internal: true,
      http: 'POST',
      path: '/login',
    });
    expect(api.operationIndex).toContainEqual({
      operationId: 'listDogs',
      group: 'dogs',
      method: 'getPage',
      http: 'GET',
      path: '/companies/{company_id}/dogs',
      paginated: true,
    });
    expect(api.operationIndex).toHaveLength(Object.keys(api.OPERATIONS).length);
  });
});

describe('generated services', () => {
  it('type-check under strict + exactOptionalPropertyTypes', () => {
    expect(typeErrors([sdk.src('generated/services.gen.ts')])).toEqual([]);
  });

  it('fill bound path and header parameters from the scope, positional ids into their slots', async () => {
    const fetch = mockFetch([
      { method: 'GET', path: '/api/v1/companies/{c}/dogs/{d}', reply: { json: dog } },
    ]);
    const dogs = new S.DogsService(host(fetch), scope);
    expect(await dogs.get('dog-7')).toEqual(dog);
    const [call] = fetch.calls;
    expect(call!.path).toBe('/api/v1/companies/co-1/dogs/dog-7');
    expect(call!.headers['on-behalf-of']).toBe('user-1');
    expect(call!.operationId).toBe('getDog');
  });

  it('lets a header given per call win over the bound one, whatever its case', async () => {
    const fetch = mockFetch([{ path: '/api/v1/companies/{c}/dogs/{d}', reply: { json: dog } }]);
    await new S.DogsService(host(fetch), scope).get('d', { headers: { 'on-behalf-of': 'other' } });
    expect(fetch.calls[0]!.headers['on-behalf-of']).toBe('other');
  });

  it('refuses a call whose required bound value is missing, naming it, before anything is sent', async () => {
    const fetch = mockFetch([{ path: '/api/v1/companies/{c}/dogs', reply: { status: 201, json: dog } }]);
    const dogs = new S.DogsService(host(fetch), { ...scope, userId: undefined });
    const error = await dogs.create({ name: 'Rex' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]!.path).toBe('headers.On-Behalf-Of');
    expect((error as Error).message).toContain('userId');
    expect(fetch.calls).toHaveLength(0);
  });

  it('leaves an optional bound header out when the scope has no value', async () => {
    const fetch = mockFetch([{ path: '/api/v1/companies/{c}/dogs/{d}', reply: { json: dog } }]);
    await new S.DogsService(host(fetch), { ...scope, userId: undefined }).get('d');
    expect(fetch.calls[0]!.headers['on-behalf-of']).toBeUndefined();
  });

  it('getPage: limit 10 / offset 0 by default, camelCase and x-fern-parameter-name options, Date → ISO, scope defaults', async () => {
    const fetch = mockFetch([{ path: /\/dogs\?/, reply: { json: page([dog], 0, 10, 1) } }]);
    const dogs = new S.DogsService(host(fetch), { ...scope, kennelId: 'k-9' });
    const result = await dogs.getPage({ bornAfter: new Date('2026-01-02T03:04:05Z'), ownerId: 'o-1' });
    expect(result.items).toEqual([dog]);
    expect(result.hasMore).toBe(false);
    const url = new URL(fetch.calls[0]!.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      limit: '10',
      offset: '0',
      kennel_id: 'k-9',
      born_after: '2026-01-02T03:04:05.000Z',
      userid: 'o-1',
    });
    await dogs.getPage({ kennelId: 'given', limit: 3, offset: 6 });
    expect(Object.fromEntries(new URL(fetch.calls[1]!.url).searchParams)).toEqual({
      limit: '3',
      offset: '6',
      kennel_id: 'given',
    });
  });

  it('listAll / iterAll walk every page with x-sdk-page-size, through one mechanism', async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ id: `d${i}`, name: `dog ${i}` }));
    const fetch = mockFetch([
      {
        path: /\/dogs\?/,
        reply: (request) => {
          const q = new URL(request.url).searchParams;
          const offset = Number(q.get('offset'));
          const limit = Number(q.get('limit'));
          return { json: page(items.slice(offset, offset + limit), offset, limit, items.length) };
        },
      },
    ]);
    const dogs = new S.DogsService(host(fetch), scope);
    expect(await dogs.listAll()).toEqual(items);
    expect(fetch.calls.map((c) => new URL(c.url).searchParams.get('offset'))).toEqual(['0', '50', '100']);
    expect(fetch.calls.every((c) => new URL(c.url).searchParams.get('limit') === '50')).toBe(true);
    fetch.reset();
    const seen: string[] = [];
    for await (const d of dogs.iterAll({ offset: 100, limit: 15 })) seen.push(d.id);
    expect(seen).toEqual(items.slice(100).map((d) => d.id));
    expect(fetch.calls.map((c) => new URL(c.url).searchParams.get('offset'))).toEqual(['100', '115']);
  });

  it('builds a JSON body from body.<field> arguments, leaving out an optional one not given', async () => {
    const fetch = mockFetch([
      { method: 'PATCH', path: '/api/v1/companies/{c}/dogs/{d}', reply: { json: dog } },
    ]);
    const dogs = new S.DogsService(host(fetch), scope);
    await dogs.rename('d-1', 'Rexy');
    await dogs.rename('d-1', 'Rexy', 'good');
    expect(fetch.calls.map((c) => c.json())).toEqual([{ name: 'Rexy' }, { name: 'Rexy', tag: 'good' }]);
    expect(fetch.calls[0]!.path).toBe('/api/v1/companies/co-1/dogs/d-1');
  });

  it('fills a body field from the scope when the call leaves it out (x-sdk-defaults)', async () => {
    const fetch = mockFetch([
      { method: 'POST', path: '/api/v1/companies/{c}/dogs', reply: { status: 201, json: dog } },
    ]);
    const dogs = new S.DogsService(host(fetch), { ...scope, kennelId: 'k-1' });
    await dogs.create({ name: 'Rex' });
    await dogs.create({ name: 'Rex', kennel_id: 'mine' });
    expect(fetch.calls.map((c) => c.json())).toEqual([
      { name: 'Rex', kennel_id: 'k-1' },
      { name: 'Rex', kennel_id: 'mine' },
    ]);
  });

  it('uploads (filename, content) as a multipart file part with a guessed or given type', async () => {
    const fetch = mockFetch([
      { method: 'POST', path: '/api/v1/companies/{c}/dogs/{d}/photo', reply: { status: 201, json: dog } },
    ]);
    const dogs = new S.DogsService(host(fetch), scope);
    await dogs.uploadPhoto('d-2', 'rex.png', new Uint8Array([1, 2, 3]), { headers: { 'X-Trace': 't' } });
    await dogs.uploadPhoto('d-2', 'rex.bin', 'hello', { contentType: 'text/plain' });
    const [first, second] = fetch.calls;
    expect(first!.path).toBe('/api/v1/companies/co-1/dogs/d-2/photo');
    expect(first!.headers['x-trace']).toBe('t');
    expect(first!.body).toMatch(/name="file"; filename="rex.png"\r\nContent-Type: image\/png/);
    expect(second!.body).toMatch(/filename="rex.bin"\r\nContent-Type: text\/plain\r\n\r\nhello/);
  });

  it('passes the result through the x-sdk-after hook and returns what it returns', async () => {
    const fetch = mockFetch([
      { method: 'POST', path: '/api/v1/api-key', reply: { status: 201, json: { key: 'new' } } },
    ]);
    const seen: unknown[] = [];
    const system = new S.SystemService(
      host(fetch, {
        useNewKey: (r) => {
          seen.push(r);
          return r;
        },
      }),
      {},
    );
    expect(await system.rotateKey()).toEqual({ key: 'new' });
    expect(seen).toEqual([{ key: 'new' }]);
  });

  it('reads an x-sdk-result: file download into { filename, content }, with the fallback name', async () => {
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const fetch = mockFetch([
      {
        path: '/api/v1/logs',
        reply: [
          new Response(bytes, { headers: { 'content-disposition': 'attachment; filename="today.zip"' } }),
          new Response(bytes),
        ],
      },
    ]);
    const system = new S.SystemService(host(fetch), {});
    expect(await system.downloadLogs()).toEqual({ filename: 'today.zip', content: bytes });
    expect(await system.downloadLogs()).toEqual({ filename: 'logs-20260101.zip', content: bytes });
  });

  it('sends query.<name> arguments as query parameters, Date as ISO', async () => {
    const fetch = mockFetch([
      { method: 'POST', path: /\/walks\?/, reply: { status: 201, json: { minutes: 5 } } },
    ]);
    const walks = new S.WalksService(host(fetch), { userId: 'u', dogId: 'dog-3', companyId: 'co-2' });
    await walks.log(5, new Date('2026-05-06T07:08:09Z'));
    await walks.log(7);
    expect(fetch.calls.map((c) => c.path)).toEqual([
      '/api/v1/companies/co-2/dogs/dog-3/walks?minutes=5&at=2026-05-06T07%3A08%3A09.000Z',
      '/api/v1/companies/co-2/dogs/dog-3/walks?minutes=7',
    ]);
  });
});
