import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ClientClosedError,
  campaignsService,
  clearDefaultClient,
  companiesService,
  DEFAULTS,
  defaultClient,
  diceRollsService,
  dicreollsService,
  MissingCompanyIdError,
  NoDefaultClientError,
  NotFoundError,
  RequestValidationError,
  usersService,
  ValentinaClient,
} from '../src/index.js';

const COMPANY = '6f1d3a52-8c1e-4b7a-9f2d-1e5c7b9a3d04';
const OTHER_COMPANY = '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15';
const USER = '019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70';
const CAMPAIGN = '019a3c2d-4e5f-7a6b-8c9d-0e1f2a3b4c5d';

const company = {
  id: COMPANY,
  name: 'Midnight Syndicate',
  description: 'A storytelling troupe.',
  email: 'gm@midnight.example',
  date_created: '2026-01-04T18:22:10Z',
  date_modified: '2026-01-04T18:22:10Z',
  resources_modified_at: '2026-01-04T18:22:10Z',
  settings: {
    character_autogen_xp_cost: 10,
    character_autogen_num_choices: 3,
    character_autogen_starting_points: 0,
    permission_manage_campaign: 'UNRESTRICTED',
    permission_grant_xp: 'UNRESTRICTED',
    permission_free_trait_changes: 'UNRESTRICTED',
    permission_recoup_xp: 'DENIED',
  },
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that records what it is sent and answers with `respond`. */
function recorder(
  respond: (request: Request) => Response = () => json({ items: [], limit: 10, offset: 0, total: 0 }),
) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    // Like a real fetch: an aborted signal stops the request before anything is sent.
    if (request.signal.aborted) throw new DOMException('This operation was aborted', 'AbortError');
    requests.push(request.clone());
    return respond(request);
  };
  return { requests, fetch };
}

const ENV_NAMES = [
  'VALENTINA_CLIENT_BASE_URL',
  'VALENTINA_CLIENT_API_KEY',
  'VALENTINA_CLIENT_DEFAULT_COMPANY_ID',
];
const savedEnv = new Map<string, string | undefined>();
beforeEach(() => {
  for (const name of ENV_NAMES) {
    savedEnv.set(name, process.env[name]);
    delete process.env[name];
  }
});
afterEach(() => {
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  clearDefaultClient();
});

describe('configuration', () => {
  it("applies the seed's defaults (durations in milliseconds)", () => {
    const client = new ValentinaClient({ apiKey: 'k' });
    expect(client.config).toEqual({
      baseUrl: 'https://api.valentina-noir.com',
      timeout: 30_000,
      maxRetries: 3,
      retryDelay: 1_000,
      autoRetryRateLimit: true,
      autoIdempotencyKeys: false,
      defaultCompanyId: undefined,
      headers: {},
      maxRetryDelay: 8_000,
      maxRetryAfter: 60_000,
      deadline: undefined,
      retryStatuses: [408, 429, 500, 502, 503, 504],
    });
    expect(DEFAULTS).toMatchObject({ timeout: 30_000, maxRetries: 3, retryDelay: 1_000 });
  });

  it('takes the settings as an APIConfig object; options given directly win', () => {
    const client = new ValentinaClient({
      config: { baseUrl: 'https://vn.example/', apiKey: 'k', timeout: 5_000, maxRetries: 1, retryDelay: 250 },
      maxRetries: 0,
    });
    expect(client.config).toMatchObject({
      baseUrl: 'https://vn.example',
      timeout: 5_000,
      maxRetries: 0,
      retryDelay: 250,
    });
  });

  it("reads the Python client's environment variables when an option is missing", () => {
    process.env.VALENTINA_CLIENT_BASE_URL = 'https://env.example';
    process.env.VALENTINA_CLIENT_API_KEY = 'env-key';
    process.env.VALENTINA_CLIENT_DEFAULT_COMPANY_ID = COMPANY;
    const client = new ValentinaClient();
    expect(client.baseUrl).toBe('https://env.example');
    expect(client.defaultCompanyId).toBe(COMPANY);
    expect(new ValentinaClient({ baseUrl: 'https://explicit.example' }).baseUrl).toBe(
      'https://explicit.example',
    );
  });

  it('refuses to start without an API key, or with a negative duration', () => {
    expect(() => new ValentinaClient({ baseUrl: 'https://vn.example' })).toThrow(/apiKey/);
    expect(() => new ValentinaClient({ apiKey: 'k', timeout: -1 })).toThrow(/timeout/);
  });

  it('sends the API key as X-API-KEY to <baseUrl>/api/v1, with the extra headers; a header cannot replace the key', async () => {
    const { requests, fetch } = recorder(() => json({ items: [company], limit: 10, offset: 0, total: 1 }));
    const client = new ValentinaClient({
      baseUrl: 'https://vn.example/',
      apiKey: 'vk_secret_123',
      headers: { 'X-App': 'table-tools', 'x-api-key': 'spoofed' },
      fetch,
    });
    const page = await client.companies.getPage();
    expect(page.items[0]?.name).toBe('Midnight Syndicate');
    expect(requests[0]!.url).toBe('https://vn.example/api/v1/companies?limit=10&offset=0');
    expect(requests[0]!.headers.get('x-api-key')).toBe('vk_secret_123');
    expect(requests[0]!.headers.get('x-app')).toBe('table-tools');
  });

  it('never shows the API key in inspect output or errors', async () => {
    const { fetch } = recorder(() =>
      json({ status: 401, title: 'Unauthorized', detail: 'Unauthorized API key' }, 401),
    );
    const client = new ValentinaClient({ apiKey: 'vk_super_secret_key', fetch });
    expect(inspect(client, { depth: 5 })).not.toContain('vk_super_secret_key');
    expect(JSON.stringify(client.config)).not.toContain('vk_super_secret_key');
    const error = await client.system.health().catch((e: unknown) => e);
    expect(inspect(error, { depth: 5 })).not.toContain('vk_super_secret_key');
    expect(JSON.stringify(error)).not.toContain('vk_super_secret_key');
  });
});

describe('default client and factories', () => {
  it('a new client registers itself; the last one wins; setAsDefault: false stays out', () => {
    const first = new ValentinaClient({ apiKey: 'a' });
    expect(defaultClient()).toBe(first);
    const second = new ValentinaClient({ apiKey: 'b' });
    expect(defaultClient()).toBe(second);
    new ValentinaClient({ apiKey: 'c', setAsDefault: false });
    expect(defaultClient()).toBe(second);
    expect(companiesService()).toBe(second.companies);
  });

  it('factories throw NoDefaultClientError when no client is registered', () => {
    expect(() => companiesService()).toThrow(NoDefaultClientError);
    new ValentinaClient({ apiKey: 'k', setAsDefault: false });
    expect(() => campaignsService(USER, { companyId: COMPANY })).toThrow(NoDefaultClientError);
  });

  it('close() unregisters only the client that is the default, and later calls fail', async () => {
    const { requests, fetch } = recorder();
    const kept = new ValentinaClient({ apiKey: 'k', fetch });
    const other = new ValentinaClient({ apiKey: 'k', setAsDefault: false });
    await other.close();
    expect(defaultClient()).toBe(kept);
    await kept.close();
    expect(kept.isClosed).toBe(true);
    expect(() => companiesService()).toThrow(NoDefaultClientError);
    await expect(kept.companies.listAll()).rejects.toBeInstanceOf(ClientClosedError);
    expect(requests).toHaveLength(0);
  });

  it('`await using` closes the client at the end of the block', async () => {
    let seen: ValentinaClient | undefined;
    {
      await using client = new ValentinaClient({ apiKey: 'k' });
      seen = client;
      expect(defaultClient()).toBe(client);
    }
    expect(seen.isClosed).toBe(true);
    expect(() => defaultClient()).toThrow(NoDefaultClientError);
  });

  it("dicreollsService is the seed's spelling of diceRollsService", () => {
    new ValentinaClient({ apiKey: 'k', defaultCompanyId: COMPANY });
    expect(dicreollsService).toBe(diceRollsService);
    expect(dicreollsService(USER).userId).toBe(USER);
  });
});

describe('company id', () => {
  it('falls back to defaultCompanyId; an explicit companyId wins', async () => {
    const { requests, fetch } = recorder();
    const client = new ValentinaClient({ apiKey: 'k', defaultCompanyId: COMPANY, fetch });
    expect(usersService().companyId).toBe(COMPANY);
    expect(usersService({ companyId: OTHER_COMPANY }).companyId).toBe(OTHER_COMPANY);
    expect(client.campaigns(USER).companyId).toBe(COMPANY);
    await client.campaigns(USER, { companyId: OTHER_COMPANY }).getPage();
    expect(new URL(requests[0]!.url).pathname).toBe(`/api/v1/companies/${OTHER_COMPANY}/campaigns`);
  });

  it('with neither, every company-scoped service throws MissingCompanyIdError before anything is sent', () => {
    const { requests, fetch } = recorder();
    const client = new ValentinaClient({ apiKey: 'k', fetch });
    const make = [
      () => client.users(),
      () => client.identity(),
      () => client.campaigns(USER),
      () => client.books(USER, USER),
      () => client.chapters(USER, USER, USER),
      () => client.characters(USER),
      () => client.characterTraits(USER, undefined, USER),
      () => client.characterAutogen(USER),
      () => client.characterBlueprint(),
      () => client.diceRolls(USER),
      () => client.dictionary(),
      () => client.options(),
      () => usersService(),
    ];
    for (const m of make) expect(m).toThrow(MissingCompanyIdError);
    expect(() => client.users()).toThrow(/defaultCompanyId/);
    expect(requests).toHaveLength(0);
  });
});

describe('acting user (On-Behalf-Of)', () => {
  it("the service's userId travels as On-Behalf-Of on every call; a per-call header wins", async () => {
    const { requests, fetch } = recorder();
    const client = new ValentinaClient({ apiKey: 'k', defaultCompanyId: COMPANY, fetch });
    const campaigns = client.campaigns(USER);
    await campaigns.getNotesPage(CAMPAIGN);
    await campaigns.getNotesPage(CAMPAIGN, { headers: { 'On-Behalf-Of': OTHER_COMPANY } });
    // listCampaigns declares no On-Behalf-Of (the server ignores it there): none is sent
    await campaigns.getPage();
    expect(requests.map((r) => r.headers.get('on-behalf-of'))).toEqual([USER, OTHER_COMPANY, null]);
  });

  it('a userId that is not a UUID is refused before anything is sent', async () => {
    const { requests, fetch } = recorder();
    const client = new ValentinaClient({ apiKey: 'k', defaultCompanyId: COMPANY, fetch });
    const error = await client
      .campaigns('bob')
      .getNotesPage(CAMPAIGN)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]?.path).toBe('headers.On-Behalf-Of');
    await expect(campaignsService('user-123').delete(CAMPAIGN)).rejects.toThrow(RequestValidationError);
    expect(requests).toHaveLength(0);
  });

  it('services without a user send no On-Behalf-Of, and refuse the calls that need one', async () => {
    const { requests, fetch } = recorder();
    const client = new ValentinaClient({ apiKey: 'k', defaultCompanyId: COMPANY, fetch });
    await client.users().getPage();
    expect(requests[0]!.headers.has('on-behalf-of')).toBe(false);
    const error = await client
      .users()
      .create({ username: 'beckett', email: 'b@example.com', role: 'PLAYER' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toContain('headers.On-Behalf-Of');
    expect(requests).toHaveLength(1);
  });
});

describe('calls', () => {
  it('sends explicit null to clear a field, and leaves out what was not given', async () => {
    const { requests, fetch } = recorder(() => json({}));
    const client = new ValentinaClient({
      apiKey: 'k',
      defaultCompanyId: COMPANY,
      fetch,
      validateRequests: false,
    });
    await client.campaigns(USER).update(USER, { in_game_date: null, name: 'Chicago by Night' });
    expect(await requests[0]!.json()).toEqual({ in_game_date: null, name: 'Chicago by Night' });
    expect(requests[0]!.method).toBe('PATCH');
  });

  it('rejects invalid input with RequestValidationError and sends nothing', async () => {
    const { requests, fetch } = recorder(() => json(company, 201));
    const client = new ValentinaClient({ apiKey: 'k', fetch });
    const error = await client.companies
      .create({ name: 'ab', email: 'gm@midnight.example' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]?.path).toBe('body.name');
    await expect(client.companies.get('not-a-uuid')).rejects.toBeInstanceOf(RequestValidationError);
    await expect(client.companies.getPage({ limit: 101 })).rejects.toBeInstanceOf(RequestValidationError);
    expect(requests).toHaveLength(0);
  });

  it('passes per-call headers, idempotencyKey and signal through', async () => {
    const { requests, fetch } = recorder(() => json(company, 201));
    const client = new ValentinaClient({ apiKey: 'k', fetch });
    await client.companies.create(
      { name: 'Night Court', email: 'gm@example.com' },
      { headers: { 'X-Trace': 't1' }, idempotencyKey: '5f0c8a63-2b1e-4d7a-9c36-8e4b1f2d7a90' },
    );
    expect(requests[0]!.headers.get('idempotency-key')).toBe('5f0c8a63-2b1e-4d7a-9c36-8e4b1f2d7a90');
    expect(requests[0]!.headers.get('x-trace')).toBe('t1');
    const controller = new AbortController();
    controller.abort();
    await expect(client.companies.get(COMPANY, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('turns a problem+json 404 into NotFoundError with the server message and request id', async () => {
    const problem = {
      status: 404,
      title: 'Not Found',
      detail: `Company '${COMPANY}' not found`,
      instance: `/api/v1/companies/${COMPANY}`,
      request_id: 'req_7H2kB9xQ4mN1pL5w3nR2Yg',
    };
    const { fetch } = recorder(() =>
      json(problem, 404, { 'content-type': 'application/problem+json', 'x-request-id': problem.request_id }),
    );
    const client = new ValentinaClient({ apiKey: 'k', fetch });
    const error = await client.companies.get(COMPANY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const e = error as NotFoundError;
    expect(e.status).toBe(404);
    expect(e.message).toContain(`Company '${COMPANY}' not found`);
    expect(e.requestId).toBe('req_7H2kB9xQ4mN1pL5w3nR2Yg');
  });

  it('regenerating the API key switches this client to the new key', async () => {
    const newKey = {
      id: USER,
      username: 'nightowl',
      email: 'owl@example.com',
      api_key: 'vk_new_key',
      key_generated: '2026-01-04T18:22:10Z',
    };
    const { requests, fetch } = recorder((r) => (r.method === 'POST' ? json(newKey, 201) : json({})));
    const client = new ValentinaClient({ apiKey: 'vk_old_key', fetch, validateRequests: false });
    await client.developer.regenerateApiKey();
    await client.developer.getMe().catch(() => undefined);
    expect(requests.map((r) => r.headers.get('x-api-key'))).toEqual(['vk_old_key', 'vk_new_key']);
  });

  it('uploads a file as multipart with its name and guessed media type', async () => {
    const { requests, fetch } = recorder(() => json({}, 201));
    const client = new ValentinaClient({
      apiKey: 'k',
      defaultCompanyId: COMPANY,
      fetch,
      validateRequests: false,
    });
    await client.campaigns(USER).uploadAsset(USER, 'map.png', new Uint8Array([0x89, 0x50]));
    const form = await requests[0]!.formData();
    const file = form.get('file') as File;
    expect(file.name).toBe('map.png');
    expect(file.type).toBe('image/png');
    expect(requests[0]!.headers.get('on-behalf-of')).toBe(USER);
  });

  it("sends the dice-roll filters under the server's spelling (userid, characterid, campaignid)", async () => {
    const { requests, fetch } = recorder();
    const client = new ValentinaClient({ apiKey: 'k', defaultCompanyId: COMPANY, fetch });
    await client.diceRolls(USER).getPage({ userId: USER, characterId: COMPANY, campaignId: OTHER_COMPANY });
    const query = new URL(requests[0]!.url).searchParams;
    expect(query.get('userid')).toBe(USER);
    expect(query.get('characterid')).toBe(COMPANY);
    expect(query.get('campaignid')).toBe(OTHER_COMPANY);
  });

  it('a characters service made for a campaign lists that campaign and creates characters in it', async () => {
    const { requests, fetch } = recorder((r) =>
      r.method === 'POST' ? json({}, 201) : json({ items: [], limit: 10, offset: 0, total: 0 }),
    );
    const client = new ValentinaClient({ apiKey: 'k', defaultCompanyId: COMPANY, fetch });
    const characters = client.characters(USER, OTHER_COMPANY);
    await characters.getPage();
    await characters
      .create(
        { name_first: 'Lucita', name_last: 'Aragon', character_class: 'VAMPIRE', game_version: 'V5' },
        { idempotencyKey: 'k-1' },
      )
      .catch(() => undefined);
    expect(new URL(requests[0]!.url).searchParams.get('campaign_id')).toBe(OTHER_COMPANY);
    expect(await requests[1]!.json()).toMatchObject({ campaign_id: OTHER_COMPANY, name_first: 'Lucita' });
  });

  it('spies nothing global: the platform fetch is untouched', () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    new ValentinaClient({ apiKey: 'k', fetch: recorder().fetch });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('User-Agent', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

  it('names the SDK, its package version and the runtime; a User-Agent of yours replaces it', async () => {
    const ours = recorder(() => json({ status: 'ok' }));
    await new ValentinaClient({ apiKey: 'k', fetch: ours.fetch }).system.health();
    expect(ours.requests[0]!.headers.get('user-agent')).toMatch(
      new RegExp(`^sdkforge-valentina/${version.replaceAll('.', '\\.')} node/\\d`),
    );
    const yours = recorder(() => json({ status: 'ok' }));
    const client = new ValentinaClient({
      apiKey: 'k',
      fetch: yours.fetch,
      headers: { 'User-Agent': 'my-app/2.0' },
    });
    await client.system.health();
    expect(yours.requests[0]!.headers.get('user-agent')).toBe('my-app/2.0');
  });
});
