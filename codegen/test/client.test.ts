/**
 * The generated client surface (client.gen.ts) under a hand-written client that only configures the
 * runtime's ClientCore, and the proof that a spec change reaches that surface by regeneration alone.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  const repo = join(import.meta.dirname, '..', '..');
  const valentinaSrc = join(repo, 'packages', 'valentina', 'src');
  /** Every hand-written file of packages/valentina/src (everything outside src/generated), by relative path. */
  function handWrittenValentina(dir = valentinaSrc, prefix = ''): Record<string, string> {
    const out: Record<string, string> = {};
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix + entry.name;
      if (entry.isDirectory()) {
        if (relative !== 'generated')
          Object.assign(out, handWrittenValentina(join(dir, entry.name), `${relative}/`));
      } else if (entry.name.endsWith('.ts')) {
        out[relative] = readFileSync(join(dir, entry.name), 'utf8');
      }
    }
    return out;
  }

  it('an operation added to a copy of the Valentina spec is callable through its factory, scope bound, with no hand-written file touched', async () => {
    const doc = parse(readFileSync(join(repo, 'specs', 'valentina', 'openapi.yaml'), 'utf8'));
    const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });
    doc.paths[
      '/companies/{company_id}/campaigns/{campaign_id}/books/{book_id}/chapters/{chapter_id}/summary'
    ] = {
      get: {
        operationId: 'getChapterSummary',
        summary: 'Get the summary of a chapter',
        'x-fern-sdk-group-name': 'chapters',
        'x-fern-sdk-method-name': 'getSummary',
        parameters: [
          ref('CompanyId'),
          ref('CampaignIdPath'),
          ref('BookIdPath'),
          ref('ChapterIdPath'),
          ref('OnBehalfOfRequired'),
        ],
        responses: {
          '200': {
            description: 'the chapter',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Chapter' } } },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    };
    const handWritten = handWrittenValentina();
    expect(Object.keys(handWritten)).toContain('client.ts');
    const dir = mkdtempSync(join(tmpdir(), 'valentina-spec-'));
    writeFileSync(join(dir, 'openapi.yaml'), stringify(doc));
    const sdk = await tempSdk(join(dir, 'openapi.yaml'), handWritten);
    for (const [name, text] of Object.entries(handWritten)) {
      expect(readFileSync(sdk.src(name), 'utf8')).toBe(text);
    }
    expect(typeErrors([sdk.src('index.ts')])).toEqual([]);

    const V: Module = await import(sdk.src('index.ts'));
    const ids = {
      company: '0190aaaa-0000-7000-8000-000000000001',
      user: '0190aaaa-0000-7000-8000-000000000002',
      campaign: '0190aaaa-0000-7000-8000-000000000003',
      book: '0190aaaa-0000-7000-8000-000000000004',
      chapter: '0190aaaa-0000-7000-8000-000000000005',
    };
    const fetch = mockFetch([{ path: /summary$/, reply: { json: { id: ids.chapter } } }]);
    const client = new V.ValentinaClient({ apiKey: 'k', fetch });
    try {
      const chapters = V.chaptersService(ids.user, ids.campaign, ids.book, { companyId: ids.company });
      expect(await chapters.getSummary(ids.chapter)).toEqual({ id: ids.chapter });
      const [call] = fetch.calls;
      expect(call!.method).toBe('GET');
      expect(call!.operationId).toBe('getChapterSummary');
      expect(call!.path).toBe(
        `/api/v1/companies/${ids.company}/campaigns/${ids.campaign}/books/${ids.book}/chapters/${ids.chapter}/summary`,
      );
      expect(call!.headers['on-behalf-of']).toBe(ids.user);
      expect(call!.headers['x-api-key']).toBe('k');
    } finally {
      await client.close();
    }
  }, 180_000);
});
