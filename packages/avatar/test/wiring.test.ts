/**
 * Wiring of every public method: each one is called with distinct sentinel values, and the request that
 * goes out must be the expected operation (the operationId the client core reports, the HTTP method and
 * the path template), with each sentinel in its own path slot, exactly the expected query, the body
 * given, and the Authorization header each auth mode owes that operation.
 *
 * The table is written by hand from the API's documentation (not read from the spec or the generated
 * code), so a method wired to the wrong operation, two path slots swapped, a query option sent under
 * the wrong name, a dropped body, a bare api key or credentials withheld from an optional-auth endpoint
 * all fail here.
 */
import { MemoryTokenStore, type Policy } from '@sdkforge/runtime';
import { describe, expect, it } from 'vitest';
import { AvatarClient, CredentialsRequiredError, operationIndex } from '../src/index.js';

const KEY = 'key-SENTINEL-7f3a';
const TOKEN = 'bearer-SENTINEL-91c2';
const U1 = '00000000-0000-4000-8000-0000000000a1';
const U2 = '00000000-0000-4000-8000-0000000000b2';

/**
 * How an operation authenticates: `required` — the api key or the bearer token; `optional` — the same
 * when the client has them, nothing otherwise (public access the server does not prove); `public` —
 * never credentials; `api-key` — API 3.x only: the api key, never the 2.x bearer token.
 */
type Auth = 'required' | 'optional' | 'public' | 'api-key';

interface Case {
  operationId: string;
  call: (c: AvatarClient) => Promise<unknown>;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  slots?: Record<string, string>;
  query?: [string, string][];
  body?: string | RegExp;
  auth: Auth;
  /** Renews the password session: never sent with its bearer token. */
  renewsSession?: true;
}

const yamlDoc = 'kind: AvatarMetadata\nmetadata:\n  name: m-SENTINEL\n';

const CASES: Case[] = [
  // auth (API 2.x)
  {
    operationId: 'login',
    call: (c) => c.auth.login({ username: 'user-S', password: 'pw-S', grant_type: 'password' }),
    method: 'POST',
    path: '/login',
    body: /^(?=.*username=user-S)(?=.*password=pw-S)(?=.*grant_type=password)/,
    auth: 'public',
  },
  {
    operationId: 'refresh',
    call: (c) => c.auth.refresh({ token: 'rt-S1' }),
    method: 'POST',
    path: '/refresh',
    query: [['token', 'rt-S1']],
    auth: 'optional',
    renewsSession: true,
  },
  {
    operationId: 'refreshLegacy',
    call: (c) => c.auth.refreshLegacy({ token: 'rt-S2' }),
    method: 'GET',
    path: '/refresh',
    query: [['token', 'rt-S2']],
    auth: 'optional',
    renewsSession: true,
  },
  {
    operationId: 'forgottenPassword',
    call: (c) => c.auth.forgottenPassword({ email: 'fp-S@example.com' }),
    method: 'POST',
    path: '/login/forgotten_password',
    body: JSON.stringify({ email: 'fp-S@example.com' }),
    auth: 'public',
  },
  {
    operationId: 'resetPassword',
    call: (c) =>
      c.auth.resetPassword({
        email: 'rp-S@example.com',
        new_password: 'np-S1',
        new_password_repeated: 'np-S2',
        token: U1,
      }),
    method: 'POST',
    path: '/login/reset_password',
    body: JSON.stringify({
      email: 'rp-S@example.com',
      new_password: 'np-S1',
      new_password_repeated: 'np-S2',
      token: U1,
    }),
    auth: 'public',
  },
  {
    operationId: 'getAuthorizationCode',
    call: (c) => c.auth.getAuthorizationCode(),
    method: 'GET',
    path: '/login/sso',
    auth: 'optional',
  },
  {
    operationId: 'exchangeAuthorizationCode',
    call: (c) => c.auth.exchangeAuthorizationCode({ code: 'code-S', state: 'state-S' }),
    method: 'GET',
    path: '/login/sso/auth',
    query: [
      ['code', 'code-S'],
      ['state', 'state-S'],
    ],
    auth: 'optional',
  },
  { operationId: 'logout', call: (c) => c.auth.logout(), method: 'POST', path: '/logout', auth: 'required' },
  // api keys
  {
    operationId: 'listApiKeys',
    call: (c) => c.apiKeys.listApiKeys(),
    method: 'GET',
    path: '/api-keys',
    auth: 'required',
  },
  {
    operationId: 'createApiKey',
    call: (c) => c.apiKeys.createApiKey({ name: 'name-S', expiration_days: 60 }),
    method: 'POST',
    path: '/api-keys',
    body: JSON.stringify({ name: 'name-S', expiration_days: 60 }),
    auth: 'required',
  },
  {
    operationId: 'revokeAllApiKeys',
    call: (c) => c.apiKeys.revokeAllApiKeys(),
    method: 'DELETE',
    path: '/api-keys',
    auth: 'required',
  },
  {
    operationId: 'getApiKey',
    call: (c) => c.apiKeys.getApiKey(U1),
    method: 'GET',
    path: '/api-keys/{api_key_id}',
    slots: { api_key_id: U1 },
    auth: 'required',
  },
  {
    operationId: 'revokeApiKey',
    call: (c) => c.apiKeys.revokeApiKey(U2),
    method: 'DELETE',
    path: '/api-keys/{api_key_id}',
    slots: { api_key_id: U2 },
    auth: 'required',
  },
  {
    operationId: 'revokeApiKeyAdmin',
    call: (c) => c.apiKeys.revokeApiKeyAdmin({ user_id: U1, api_key_id: U2 }),
    method: 'DELETE',
    path: '/api-keys/admin',
    query: [
      ['user_id', U1],
      ['api_key_id', U2],
    ],
    auth: 'required',
  },
  // compatibility, event logs, health, openapi
  {
    operationId: 'isClientCompatible',
    call: (c) => c.compatibility.isClientCompatible(),
    method: 'GET',
    path: '/check_client',
    auth: 'public',
  },
  {
    operationId: 'listMyEventLogs',
    call: (c) => c.eventLogs.listMyEventLogs(),
    method: 'GET',
    path: '/event-logs',
    auth: 'api-key',
  },
  { operationId: 'getRoot', call: (c) => c.health.getRoot(), method: 'GET', path: '/', auth: 'optional' },
  {
    operationId: 'getHealth',
    call: (c) => c.health.getHealth(),
    method: 'GET',
    path: '/health',
    auth: 'optional',
  },
  {
    operationId: 'getHealthDb',
    call: (c) => c.health.getHealthDb(),
    method: 'GET',
    path: '/health/db',
    auth: 'optional',
  },
  {
    operationId: 'getOpenapiSchema',
    call: (c) => c.openapi.getOpenapiSchema(),
    method: 'GET',
    path: '/openapi.json',
    auth: 'optional',
  },
  // datasets (API 0.20)
  {
    operationId: 'createDataset',
    call: (c) => c.datasets.createDataset({ file: new Blob(['col\nDATASET-S\n'], { type: 'text/csv' }) }),
    method: 'POST',
    path: '/datasets',
    body: /name="file"[\s\S]*DATASET-S/,
    auth: 'required',
  },
  // jobs
  {
    operationId: 'getJobs',
    call: (c) =>
      c.jobs.getJobs({
        kind: ['standard', 'report'],
        display_name: 'dn-S',
        set_name: U1,
        limit: 7,
        include_deleted: true,
      }),
    method: 'GET',
    path: '/jobs',
    query: [
      ['kind', 'standard'],
      ['kind', 'report'],
      ['display_name', 'dn-S'],
      ['set_name', U1],
      ['limit', '7'],
      ['include_deleted', 'true'],
    ],
    auth: 'required',
  },
  {
    operationId: 'createJob',
    call: (c) => c.jobs.createJob({ set_name: U2, parameters_name: 'pn-S', depends_on: ['/jobs/dep-S'] }),
    method: 'POST',
    path: '/jobs',
    body: JSON.stringify({ set_name: U2, parameters_name: 'pn-S', depends_on: ['/jobs/dep-S'] }),
    auth: 'required',
  },
  {
    operationId: 'getLastJobs',
    call: (c) => c.jobs.getLastJobs(),
    method: 'GET',
    path: '/jobs/last_set',
    auth: 'api-key',
  },
  {
    operationId: 'getJobStatus',
    call: (c) => c.jobs.getJobStatus('job-S1'),
    method: 'GET',
    path: '/jobs/{job_name}',
    slots: { job_name: 'job-S1' },
    auth: 'required',
  },
  {
    operationId: 'deleteJob',
    call: (c) => c.jobs.deleteJob('job-S2'),
    method: 'DELETE',
    path: '/jobs/{job_name}',
    slots: { job_name: 'job-S2' },
    auth: 'required',
  },
  {
    operationId: 'bulkDeleteJobs',
    call: (c) => c.jobs.bulkDeleteJobs({ job_names: ['job-S3', 'job-S4'] }),
    method: 'POST',
    path: '/jobs/bulk-delete',
    body: JSON.stringify({ job_names: ['job-S3', 'job-S4'] }),
    auth: 'required',
  },
  // resources
  {
    operationId: 'getUserVolume',
    call: (c) =>
      c.resources.getUserVolume({
        volume_name: 'vol-S',
        purpose: 'results',
        set_name: U1,
        display_name: 'dn-S2',
      }),
    method: 'GET',
    path: '/resources/volume',
    query: [
      ['volume_name', 'vol-S'],
      ['purpose', 'results'],
      ['set_name', U1],
      ['display_name', 'dn-S2'],
    ],
    auth: 'required',
  },
  {
    operationId: 'getResources',
    call: (c) => c.resources.getResources(U1),
    method: 'GET',
    path: '/resources/{set_name}',
    slots: { set_name: U1 },
    auth: 'required',
  },
  {
    operationId: 'putResources',
    call: (c) => c.resources.putResources('display-S', yamlDoc),
    method: 'PUT',
    path: '/resources/{set_name}',
    slots: { set_name: 'display-S' },
    body: yamlDoc,
    auth: 'required',
  },
  {
    operationId: 'createResource',
    call: (c) => c.resources.createResource(U2, `${yamlDoc}# more\n`),
    method: 'POST',
    path: '/resources/{set_name}',
    slots: { set_name: U2 },
    body: `${yamlDoc}# more\n`,
    auth: 'required',
  },
  {
    operationId: 'getResource',
    call: (c) => c.resources.getResource(U1, 'name-S', 'kind-S'),
    method: 'GET',
    path: '/resources/{set_name}/{name},{kind}',
    slots: { set_name: U1, name: 'name-S', kind: 'kind-S' },
    auth: 'required',
  },
  // results and storage access
  {
    operationId: 'getResults',
    call: (c) => c.results.getResults('job-S5'),
    method: 'GET',
    path: '/results/{job_name}',
    slots: { job_name: 'job-S5' },
    auth: 'required',
  },
  {
    operationId: 'getPermissionToDownload',
    call: (c) => c.results.getPermissionToDownload({ url: 's3://bucket-S/key-S.csv' }),
    method: 'GET',
    path: '/access',
    query: [['url', 's3://bucket-S/key-S.csv']],
    auth: 'required',
  },
  {
    operationId: 'getPermissionsToDownloadBatch',
    call: (c) => c.results.getPermissionsToDownloadBatch(['s3://b/S1.csv', 's3://b/S2.csv']),
    method: 'POST',
    path: '/access/batch',
    body: JSON.stringify(['s3://b/S1.csv', 's3://b/S2.csv']),
    auth: 'required',
  },
  {
    operationId: 'getUploadUrl',
    call: (c) => c.results.getUploadUrl(),
    method: 'GET',
    path: '/upload_url',
    auth: 'required',
  },
  {
    operationId: 'getFile',
    call: (c) =>
      c.results.getFile({
        url: 's3://b/file-S.csv',
        credentials: { access_key_id: 'ak-S', secret_access_key: 'sk-S' },
      }),
    method: 'POST',
    path: '/download',
    body: JSON.stringify({
      url: 's3://b/file-S.csv',
      credentials: { access_key_id: 'ak-S', secret_access_key: 'sk-S' },
    }),
    auth: 'required',
  },
  // users
  {
    operationId: 'findUsers',
    call: (c) => c.users.findUsers({ email: 'find-S@example.com' }),
    method: 'GET',
    path: '/users',
    query: [['email', 'find-S@example.com']],
    auth: 'required',
  },
  {
    operationId: 'createUser',
    call: (c) => c.users.createUser({ email: 'new-S@example.com', username: 'newuser-S' }),
    method: 'POST',
    path: '/users',
    body: JSON.stringify({ email: 'new-S@example.com', username: 'newuser-S' }),
    auth: 'required',
  },
  { operationId: 'getMe', call: (c) => c.users.getMe(), method: 'GET', path: '/users/me', auth: 'required' },
  {
    operationId: 'getCreditsInfo',
    call: (c) => c.users.getCreditsInfo(),
    method: 'GET',
    path: '/users/credits_info',
    auth: 'required',
  },
  {
    operationId: 'getFeaturesInfo',
    call: (c) => c.users.getFeaturesInfo(),
    method: 'GET',
    path: '/users/features_info',
    auth: 'required',
  },
  {
    operationId: 'getUser',
    call: (c) => c.users.getUser(U2),
    method: 'GET',
    path: '/users/{id}',
    slots: { id: U2 },
    auth: 'required',
  },
  {
    operationId: 'deleteUser',
    call: (c) => c.users.deleteUser(U1),
    method: 'DELETE',
    path: '/users/{id}',
    slots: { id: U1 },
    auth: 'required',
  },
];

interface Sent {
  operationId: string;
  method: string;
  url: URL;
  authorization: string | null;
  body: string;
}

/** A client whose every request is recorded (with the operationId the core reports) and answered `{}`. */
function recording(mode: 'api-key' | 'bearer' | 'none') {
  const sent: Sent[] = [];
  let current = '';
  const tagOperation: Policy = (next) => (request, context) => {
    current = context.operationId;
    return next(request, context);
  };
  const client = new AvatarClient({
    baseUrl: 'https://avatar.test/prefix/api',
    retry: false,
    policies: [tagOperation],
    ...(mode === 'api-key' ? { apiKey: KEY } : {}),
    ...(mode === 'bearer' ? { tokenStore: new MemoryTokenStore({ accessToken: TOKEN }) } : {}),
    fetch: async (request: Request) => {
      sent.push({
        operationId: current,
        method: request.method,
        url: new URL(request.url),
        authorization: request.headers.get('authorization'),
        body: request.body ? await request.text() : '',
      });
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, sent };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** The path slots of `template` read from `path` (undefined when the path does not have its shape). */
function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .split(/(\{[a-z_]+\})/)
    .map((part) => {
      const slot = /^\{([a-z_]+)\}$/.exec(part);
      if (!slot) return escapeRegExp(part);
      names.push(slot[1]!);
      return '([^/,]+)';
    })
    .join('');
  const m = new RegExp(`^${pattern}$`).exec(path);
  return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) : undefined;
}

describe('wiring: every public method sends its own operation', () => {
  it('the table covers every operation of the spec once', () => {
    const ids = CASES.map((c) => c.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(operationIndex.map((o) => o.operationId).sort());
  });

  it.each(CASES)('$operationId → $method $path', async (c) => {
    const { client, sent } = recording('api-key');
    await c.call(client);
    expect(sent).toHaveLength(1);
    const [req] = sent as [Sent];
    expect(req.operationId).toBe(c.operationId);
    expect(req.method).toBe(c.method);
    expect(req.url.origin).toBe('https://avatar.test');
    expect(req.url.pathname.startsWith('/prefix/api/')).toBe(true);
    const path = req.url.pathname.slice('/prefix/api'.length);
    expect(matchTemplate(c.path, path), `${path} has the shape ${c.path}`).toEqual(c.slots ?? {});
    expect([...req.url.searchParams]).toEqual(c.query ?? []);
    if (c.body === undefined) expect(req.body).toBe('');
    else if (typeof c.body === 'string') expect(req.body).toBe(c.body);
    else expect(req.body).toMatch(c.body);
  });
});

describe('wiring: the Authorization header each auth mode owes an operation', () => {
  it.each(CASES)('$operationId ($auth)', async (c) => {
    const key = recording('api-key');
    await c.call(key.client);
    expect(key.sent[0]!.authorization).toBe(c.auth === 'public' ? null : `api-key-v1 ${KEY}`);

    const bearer = recording('bearer');
    if (c.renewsSession) {
      // The endpoints that renew a session never carry its (possibly expired) bearer token.
      await c.call(bearer.client);
      expect(bearer.sent[0]!.authorization).toBeNull();
    } else if (c.auth === 'api-key') {
      // API 3.x operations do not take the 2.x password session: refused before anything is sent.
      await expect(c.call(bearer.client)).rejects.toBeInstanceOf(CredentialsRequiredError);
      expect(bearer.sent).toHaveLength(0);
    } else {
      await c.call(bearer.client);
      expect(bearer.sent[0]!.authorization).toBe(c.auth === 'public' ? null : `Bearer ${TOKEN}`);
    }

    const anonymous = recording('none');
    if (c.auth === 'required' || c.auth === 'api-key') {
      await expect(c.call(anonymous.client)).rejects.toBeInstanceOf(CredentialsRequiredError);
      expect(anonymous.sent).toHaveLength(0);
    } else {
      await c.call(anonymous.client);
      expect(anonymous.sent[0]!.authorization).toBeNull();
    }
  });
});
