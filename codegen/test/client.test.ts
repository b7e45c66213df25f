/**
 * The generated client surface (client.gen.ts) under a hand-written client that only configures the
 * runtime's ClientCore, and the proof that a spec change reaches that surface by regeneration alone.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonResponse, mockFetch } from '@sdkforge/runtime/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type TempSdk, tempSdk, typeErrors } from './helpers/sdk.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const handWritten = Object.fromEntries(
  readdirSync(join(fixtures, 'kennel-sdk')).map((name) => [
    name,
    readFileSync(join(fixtures, 'kennel-sdk', name), 'utf8'),
  ]),
);
const dog = { id: 'd1', name: 'Rex' };

// biome-ignore lint/suspicious/noExplicitAny: the generated SDK is imported at run time.
type Module = any;

describe('generated client surface', () => {
  let sdk: TempSdk;
  let K: Module;
  const clients: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    sdk = await tempSdk(join(fixtures, 'kennel.yaml'), handWritten);
    K = await import(sdk.src('index.ts'));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
  });
  function client(options: Record<string, unknown>) {
    const c = new K.KennelClient({ apiKey: 'key-1', ...options });
    clients.push(c);
    return c;
  }

  it('type-checks with the hand-written client under strict + exactOptionalPropertyTypes', () => {
    expect(typeErrors([sdk.src('index.ts')])).toEqual([]);
  });

  it('caches the getter of an arg-less group; scoped groups resolve companyId from the scope, else the client default', async () => {
    const fetch = mockFetch([{ path: '/api/v1/companies/{c}/dogs/{d}', reply: { json: dog } }]);
    const c = client({ fetch, defaultCompanyId: 'co-default' });
    expect(c.system).toBe(c.system);
    expect(c.dogs('u-1').companyId).toBe('co-default');
    expect(c.dogs('u-1', { companyId: 'co-x' }).companyId).toBe('co-x');
    const scoped = c.dogs('u-1', 'kennel-4', { companyId: 'co-y' });
    expect([scoped.userId, scoped.kennelId, scoped.companyId]).toEqual(['u-1', 'kennel-4', 'co-y']);
    await c.dogs('u-2', { companyId: 'co-z' }).get('dog-1');
    expect(fetch.calls[0]!.path).toBe('/api/v1/companies/co-z/dogs/dog-1');
    expect(fetch.calls[0]!.headers['on-behalf-of']).toBe('u-2');
    expect(fetch.calls[0]!.headers.authorization).toBe('api-key-v1 key-1');
  });

  it('throws the SDK’s missingError when neither the scope nor the client gives a companyId', () => {
    const c = client({ fetch: mockFetch() });
    expect(() => c.walks('u', 'd')).toThrow(K.MissingCompanyIdError);
    expect(() => c.walks('u', 'd')).toThrow('walksService needs a companyId');
  });

  it('factories use the default client, and the registry’s missing error when there is none', async () => {
    const fetch = mockFetch([
      { path: /walks/, reply: { json: { items: [], offset: 0, limit: 10, total: 0 } } },
    ]);
    const c = client({ fetch, defaultCompanyId: 'co-1' });
    expect(K.systemService()).toBe(c.system);
    await K.walksService('u-1', 'dog-9').getPage();
    expect(fetch.calls[0]!.path).toBe('/api/v1/companies/co-1/dogs/dog-9/walks?limit=10&offset=0');
    expect(K.dogsService('u-1', { companyId: 'co-2' }).companyId).toBe('co-2');
    expect(K.dogsService('u-1', 'k-1').kennelId).toBe('k-1');
    await c.close();
    expect(() => K.systemService()).toThrow(K.NoDefaultClientError);
  });

  it('routes x-sdk-after to the client hook (the rotated key is used next)', async () => {
    const fetch = mockFetch([
      { path: '/api/v1/api-key', reply: { status: 201, json: { key: 'key-2' } } },
      { path: '/api/v1/health', reply: jsonResponse({ status: 'ok' }) },
    ]);
    const c = client({ fetch });
    expect(await c.system.rotateKey()).toEqual({ key: 'key-2' });
    await c.system.health();
    expect(fetch.calls.map((r) => r.headers.authorization)).toEqual(['api-key-v1 key-1', 'api-key-v1 key-2']);
  });
});

describe('regeneration proof (issue 12 item 6)', () => {
  it('a new operation with the extensions is callable through its factory, scope bound, with no hand-written file touched', async () => {
    const doc = parse(readFileSync(join(fixtures, 'kennel.yaml'), 'utf8'));
    doc.paths['/companies/{company_id}/dogs/{dog_id}/walks/{walk_id}/photos/{photo_id}'] = {
      get: {
        operationId: 'getWalkPhotoInfo',
        summary: 'Get the info of one photo of a walk',
        'x-fern-sdk-group-name': 'walks',
        'x-fern-sdk-method-name': 'getPhotoInfo',
        'x-sdk-args': ['walk_id', 'photo_id', 'query.size?'],
        parameters: [
          { name: 'company_id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'dog_id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'walk_id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'photo_id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'size', in: 'query', schema: { type: 'string', enum: ['small', 'large'] } },
          { name: 'On-Behalf-Of', in: 'header', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'the photo info',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Walk' } } },
          },
          '404': { description: 'missing' },
        },
      },
    };
    const sdk = await tempSdk(join(fixtures, 'kennel.yaml'), handWritten);
    const spec = join(sdk.root, 'openapi.yaml');
    writeFileSync(spec, stringify(doc));
    const regenerated = await tempSdk(spec, handWritten);
    for (const [name, text] of Object.entries(handWritten)) {
      expect(readFileSync(regenerated.src(name), 'utf8')).toBe(text);
    }
    expect(typeErrors([regenerated.src('index.ts')])).toEqual([]);

    const K: Module = await import(regenerated.src('index.ts'));
    const fetch = mockFetch([{ path: /photos/, reply: { json: { minutes: 12 } } }]);
    const c = new K.KennelClient({ apiKey: 'key-1', fetch });
    try {
      const walks = K.walksService('user-7', 'dog-5', { companyId: 'company-3' });
      expect(await walks.getPhotoInfo('walk-2', 'photo-8', 'large')).toEqual({ minutes: 12 });
      const [call] = fetch.calls;
      expect(call!.method).toBe('GET');
      expect(call!.operationId).toBe('getWalkPhotoInfo');
      expect(call!.path).toBe(
        '/api/v1/companies/company-3/dogs/dog-5/walks/walk-2/photos/photo-8?size=large',
      );
      expect(call!.headers['on-behalf-of']).toBe('user-7');
    } finally {
      await c.close();
    }
  });
});
