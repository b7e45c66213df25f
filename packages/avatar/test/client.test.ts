import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { MemoryTokenStore } from '@sdkforge/runtime';
import { describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  AuthModeError,
  AvatarClient,
  ClientClosedError,
  CredentialsRequiredError,
  DEFAULT_BASE_URL,
  RequestValidationError,
  TimeoutError,
} from '../src/index.js';

const KEY = 'q3Xn8Zb2R5vT0kLw9sHc4YpJ7eUa1DmG6fQoiNKx0Tz';
const ME = {
  id: '5d0c2a8e-3b1f-4c6a-9e27-8f14b6d3a9c2',
  organization_id: 'b7e4f1a0-62c9-4d85-a3f6-0c19e8b25d47',
  email: 'claire.martin@example.com',
  role: 'user',
  environment: {
    dataset_expiration_days: 30,
    max_allowed_dimensions_per_dataset: 200,
    max_allowed_lines_per_dataset: 10,
  },
};

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** A fetch that records every request and answers from `handler`. */
function recorder(handler: (req: Seen) => Response | Promise<Response> = () => json(ME)) {
  const seen: Seen[] = [];
  const fetch = async (request: Request) => {
    const entry = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body ? await request.text() : '',
    };
    seen.push(entry);
    return handler(entry);
  };
  return { seen, fetch };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('base URL and storage URL', () => {
  it('defaults to the SaaS API and derives the storage endpoint from it', () => {
    const client = new AvatarClient({ apiKey: KEY });
    expect(client.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(client.storageUrl).toBe('https://www.octopize.app/storage');
  });

  it('appends /api to a bare host, keeps any other path, drops trailing slashes', () => {
    expect(new AvatarClient({ baseUrl: 'https://avatar.example.org' }).baseUrl).toBe(
      'https://avatar.example.org/api',
    );
    expect(new AvatarClient({ baseUrl: 'https://avatar.example.org/api/' }).baseUrl).toBe(
      'https://avatar.example.org/api',
    );
    const custom = new AvatarClient({ baseUrl: 'https://h.example.org/avatar/api' });
    expect(custom.baseUrl).toBe('https://h.example.org/avatar/api');
    expect(custom.storageUrl).toBe('https://h.example.org/avatar/storage');
    expect(
      new AvatarClient({ baseUrl: 'https://h.example.org/api', storageUrl: 'https://s3.example.org/' })
        .storageUrl,
    ).toBe('https://s3.example.org');
  });

  it('rejects a base URL that is not absolute http(s), and an empty api key', () => {
    expect(() => new AvatarClient({ baseUrl: 'instance/api' })).toThrow(TypeError);
    expect(() => new AvatarClient({ baseUrl: 'ftp://instance/api' })).toThrow(/http/);
    expect(() => new AvatarClient({ apiKey: '  ' })).toThrow(/apiKey is empty/);
  });

  it('reads AVATAR_BASE_URL when no baseUrl is given (an option wins)', () => {
    vi.stubEnv('AVATAR_BASE_URL', 'https://env.example.org');
    try {
      expect(new AvatarClient().baseUrl).toBe('https://env.example.org/api');
      expect(new AvatarClient({ baseUrl: 'https://opt.example.org/api' }).baseUrl).toBe(
        'https://opt.example.org/api',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('sends every operation to <baseUrl><path>', async () => {
    const { seen, fetch } = recorder();
    const client = new AvatarClient({ baseUrl: 'https://avatar.example.org', apiKey: KEY, fetch });
    await client.users.getMe();
    expect(seen[0]!.url).toBe('https://avatar.example.org/api/users/me');
  });
});

describe('api key authentication', () => {
  it('sends Authorization: api-key-v1 <key> on operations that need credentials', async () => {
    const { seen, fetch } = recorder();
    const client = new AvatarClient({ apiKey: KEY, fetch });
    await client.users.getMe();
    expect(seen[0]!.headers.get('authorization')).toBe(`api-key-v1 ${KEY}`);
    expect(client.authMode).toBe('api-key');
  });

  it('sends no credentials where the spec says public, and the key where credentials are optional', async () => {
    const { seen, fetch } = recorder(() => json({ status: 'ok' }));
    const client = new AvatarClient({ apiKey: KEY, fetch });
    await client.compatibility.isClientCompatible();
    await client.health.getHealth();
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual([null, `api-key-v1 ${KEY}`]);
  });

  it('authenticate() on an api-key client throws AuthModeError and sends nothing', async () => {
    const { seen, fetch } = recorder();
    const client = new AvatarClient({ apiKey: KEY, fetch });
    const error = await client.authenticate('claire', 'pw').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthModeError);
    expect((error as Error).message).toMatch(/mutually exclusive/);
    expect(seen).toHaveLength(0);
  });

  it('an error message never quotes a key the server echoes back', async () => {
    const { fetch } = recorder(() => json({ detail: `Invalid key: api-key-v1 ${KEY}` }, 401));
    const client = new AvatarClient({ apiKey: KEY, fetch });
    const error = await client.users.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).not.toContain(KEY);
    expect(inspect(error, { depth: 5 })).not.toContain(KEY);
  });

  it('never shows the key in inspect, JSON or errors', async () => {
    const { fetch } = recorder(() => json({ detail: 'Invalid API key' }, 401, { 'x-request-id': 'req-1' }));
    const client = new AvatarClient({ apiKey: KEY, fetch });
    expect(inspect(client)).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
    const error = await client.users.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe('getMe failed with 401: Invalid API key (request req-1)');
    expect(inspect(error, { depth: 5 })).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });
});

describe('username / password authentication', () => {
  const tokens = { access_token: 'at-1.eyJzdWIiOiJjbGFpcmUifQ', refresh_token: 'rt-1', token_type: 'bearer' };

  it('posts the OAuth2 password form to /login, then sends the bearer token', async () => {
    const { seen, fetch } = recorder((req) => (req.url.endsWith('/login') ? json(tokens) : json(ME)));
    const client = new AvatarClient({ baseUrl: 'https://avatar.example.org/api', fetch });
    await client.authenticate('claire.martin@example.com', 'c0rrect horse&battery');
    const login = seen[0]!;
    expect(login.method).toBe('POST');
    expect(login.url).toBe('https://avatar.example.org/api/login');
    expect(login.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(login.headers.get('authorization')).toBeNull();
    expect(Object.fromEntries(new URLSearchParams(login.body))).toEqual({
      username: 'claire.martin@example.com',
      password: 'c0rrect horse&battery',
      grant_type: 'password',
    });
    expect(await client.authTokens()).toEqual({ accessToken: tokens.access_token, refreshToken: 'rt-1' });
    await client.users.getMe();
    expect(seen[1]!.headers.get('authorization')).toBe(`Bearer ${tokens.access_token}`);
    expect(client.authMode).toBe('bearer');
    expect(inspect(client)).not.toContain(tokens.access_token);
    expect(inspect(client)).not.toContain('rt-1');
  });

  it('a wrong password surfaces as AuthenticationError with the server detail, and no token is kept', async () => {
    const { fetch } = recorder(() => json({ detail: 'Incorrect username or password' }, 401));
    const client = new AvatarClient({ fetch });
    const error = await client.authenticate('claire', 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('Incorrect username or password');
    expect((error as Error).message).not.toContain('nope');
    expect(await client.hasCredentials()).toBe(false);
  });
});

describe('verifyAuth', () => {
  it('refuses an operation needing credentials when there are none: CredentialsRequiredError, nothing sent', async () => {
    const { seen, fetch } = recorder();
    const client = new AvatarClient({ fetch });
    const error = await client.jobs.getJobs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsRequiredError);
    expect((error as CredentialsRequiredError).operationId).toBe('getJobs');
    expect(seen).toHaveLength(0);
    // Public operations still go through.
    await client.health.getHealth();
    expect(seen).toHaveLength(1);
  });

  it('with verifyAuth: false the call is sent without credentials and the server decides', async () => {
    const { seen, fetch } = recorder(() => json({ detail: 'Not authenticated' }, 401));
    const client = new AvatarClient({ fetch, verifyAuth: false });
    const error = await client.jobs.getJobs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(seen[0]!.headers.get('authorization')).toBeNull();
  });
});

describe('requests are checked and encoded as the spec says', () => {
  it('rejects bad input before sending', async () => {
    const { seen, fetch } = recorder();
    const client = new AvatarClient({ apiKey: KEY, fetch });
    const error = await client.apiKeys
      .createApiKey({ name: 'ci', expiration_days: 90 as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual(['body.expiration_days']);
    const tooMany = Array.from({ length: 101 }, (_, i) => `job-${i}`);
    await expect(client.jobs.bulkDeleteJobs({ job_names: tooMany })).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(seen).toHaveLength(0);
  });

  it('repeats array query parameters (kind=standard&kind=report) and sends YAML as application/yaml', async () => {
    const { seen, fetch } = recorder((req) =>
      req.method === 'PUT'
        ? json({ set_name: '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846', display_name: 'iris' })
        : json({ jobs: [] }),
    );
    const client = new AvatarClient({ apiKey: KEY, fetch });
    await client.jobs.getJobs({ kind: ['standard', 'report'], limit: 5 });
    expect(new URL(seen[0]!.url).search).toBe('?kind=standard&kind=report&limit=5');
    const yaml = 'kind: AvatarMetadata\nmetadata:\n  name: m\n';
    await client.resources.putResources('iris', yaml);
    expect(seen[1]!.headers.get('content-type')).toBe('application/yaml');
    expect(seen[1]!.body).toBe(yaml);
  });

  it('reads plain-text YAML answers as strings', async () => {
    const volume = 'kind: AvatarVolume\nmetadata:\n  name: input\nspec:\n  url: s3://u/30d\n';
    const { fetch } = recorder(() => new Response(volume, { headers: { 'content-type': 'text/plain' } }));
    const client = new AvatarClient({ apiKey: KEY, fetch });
    expect(await client.resources.getUserVolume({ volume_name: 'input', purpose: 'input' })).toBe(volume);
  });
});

describe('token refresh (password sessions)', () => {
  /** A server whose access tokens can be expired; refresh tokens rotate. */
  function sessionServer() {
    let generation = 1;
    let expired = false;
    const refreshes: string[] = [];
    const { seen, fetch } = recorder(async (req) => {
      const path = new URL(req.url).pathname;
      if (path.endsWith('/login'))
        return json({ access_token: 'at-1', refresh_token: 'rt-1', token_type: 'bearer' });
      if (path.endsWith('/refresh')) {
        const token = new URL(req.url).searchParams.get('token')!;
        refreshes.push(token);
        if (token !== `rt-${generation}`) return json({ detail: 'Invalid refresh token' }, 401);
        generation++;
        expired = false;
        return json({
          access_token: `at-${generation}`,
          refresh_token: `rt-${generation}`,
          token_type: 'bearer',
        });
      }
      if (req.headers.get('authorization') !== `Bearer at-${generation}`) {
        return json({ detail: 'Could not validate credentials' }, 401);
      }
      if (expired) return json({ detail: { message: 'credentials expired' } }, 401);
      return json(ME);
    });
    return {
      seen,
      fetch,
      refreshes,
      expire: () => {
        expired = true;
      },
    };
  }

  it('on 401 "credentials expired": one POST /refresh?token=…, then the call is replayed with the new token', async () => {
    const server = sessionServer();
    const client = new AvatarClient({ fetch: server.fetch });
    await client.authenticate('claire', 'pw');
    server.expire();
    const me = await client.users.getMe();
    expect(me.email).toBe(ME.email);
    expect(server.refreshes).toEqual(['rt-1']);
    const refresh = server.seen.find((s) => s.url.includes('/refresh'))!;
    expect(refresh.method).toBe('POST');
    expect(refresh.headers.get('authorization')).toBeNull();
    expect(server.seen.at(-1)!.headers.get('authorization')).toBe('Bearer at-2');
    expect(await client.authTokens()).toEqual({ accessToken: 'at-2', refreshToken: 'rt-2' });
  });

  it('N concurrent calls that meet an expired token share one refresh', async () => {
    const server = sessionServer();
    const client = new AvatarClient({ fetch: server.fetch });
    await client.authenticate('claire', 'pw');
    server.expire();
    const all = await Promise.all(Array.from({ length: 8 }, () => client.users.getMe()));
    expect(all).toHaveLength(8);
    expect(server.refreshes).toEqual(['rt-1']);
  });

  it('other 401s are not refreshed; a refused refresh is an AuthenticationError, never a loop', async () => {
    const server = sessionServer();
    // A token the server does not know: 401 without "credentials expired" → no refresh.
    const forged = new AvatarClient({
      fetch: server.fetch,
      tokenStore: new MemoryTokenStore({ accessToken: 'at-x', refreshToken: 'rt-1' }),
    });
    await expect(forged.users.getMe()).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.refreshes).toEqual([]);

    // The refresh token is refused → AuthenticationError, tokens dropped, one refresh attempt only.
    server.expire();
    const store = new MemoryTokenStore({ accessToken: 'at-1', refreshToken: 'rt-stale' });
    const stale = new AvatarClient({ fetch: server.fetch, tokenStore: store });
    const error = await stale.users.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/session could not be renewed/);
    expect(server.refreshes).toEqual(['rt-stale']);
    expect(await stale.hasCredentials()).toBe(false);
  });
});

describe('retries and timeouts (runtime policies)', () => {
  it('retries a 429 after its Retry-After, and gives up with RateLimitError when retries are off', async () => {
    let calls = 0;
    const { seen, fetch } = recorder(() =>
      ++calls === 1
        ? json({ detail: 'Too many requests', retry_after: 0 }, 429, { 'Retry-After': '0' })
        : json(ME),
    );
    const client = new AvatarClient({ apiKey: KEY, fetch });
    expect((await client.users.getMe()).email).toBe(ME.email);
    expect(seen).toHaveLength(2);
    calls = 0;
    const error = await client.users.getMe({ retry: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfter: 0 });
  });

  it('never re-sends POST /jobs on a 503 unless the call carries an Idempotency-Key', async () => {
    const { seen, fetch } = recorder(() =>
      json({ detail: 'Service unavailable' }, 503, { 'Retry-After': '0' }),
    );
    const client = new AvatarClient({ apiKey: KEY, fetch, retry: { baseDelay: 1, maxDelay: 1 } });
    const body = { set_name: '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846', parameters_name: 'standard' };
    await expect(client.jobs.createJob(body)).rejects.toMatchObject({ name: 'ServerError', status: 503 });
    expect(seen).toHaveLength(1);
    await expect(client.jobs.createJob(body, { idempotencyKey: 'job-standard-1' })).rejects.toMatchObject({
      status: 503,
    });
    expect(seen).toHaveLength(4);
    expect(seen.slice(1).map((s) => s.headers.get('idempotency-key'))).toEqual(
      Array(3).fill('job-standard-1'),
    );
  });

  it('an attempt that outlives `timeout` ends in TimeoutError', async () => {
    const fetch = (_request: Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    const client = new AvatarClient({ apiKey: KEY, fetch, timeout: 20, retry: false });
    await expect(client.users.getMe()).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('close()', () => {
  it('after close() every call rejects with ClientClosedError and nothing is sent', async () => {
    const { seen, fetch } = recorder();
    const client = new AvatarClient({ apiKey: KEY, fetch });
    await client.users.getMe();
    await client.close();
    expect(client.isClosed).toBe(true);
    const error = await client.jobs.getJobStatus('job-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientClosedError);
    expect((error as ClientClosedError).operationId).toBe('getJobStatus');
    await expect(client.authenticate('u', 'p')).rejects.toBeInstanceOf(AuthModeError);
    expect(seen).toHaveLength(1);
  });

  it('await using closes the client at the end of the block (the Node pool included)', async () => {
    let kept: AvatarClient | undefined;
    {
      await using client = new AvatarClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9/api' });
      kept = client;
    }
    expect(kept.isClosed).toBe(true);
    await expect(kept.users.getMe()).rejects.toBeInstanceOf(ClientClosedError);
  });
});

describe('User-Agent', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

  it('names the SDK, its package version and the runtime; a User-Agent of yours replaces it', async () => {
    const ours = recorder();
    await new AvatarClient({ apiKey: KEY, fetch: ours.fetch }).users.getMe();
    expect(ours.seen[0]!.headers.get('user-agent')).toMatch(
      new RegExp(`^sdkforge-avatar/${version.replaceAll('.', '\\.')} node/\\d`),
    );
    const yours = recorder();
    const client = new AvatarClient({
      apiKey: KEY,
      fetch: yours.fetch,
      headers: { 'user-agent': 'my-app/2.0' },
    });
    await client.users.getMe();
    expect(yours.seen[0]!.headers.get('user-agent')).toBe('my-app/2.0');
  });
});
