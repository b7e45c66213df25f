import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  AuthorizationError,
  createApiClient,
  hardwareFingerprint,
  MemoryTokenStore,
  NotFoundError,
  RequestValidationError,
  SdkError,
  TikTrueClient,
  testBackendConnection,
  ValidationError,
} from '../src/index.js';

const FINGERPRINT = 'ecee127698094c5f0def359c85600ea444e6cdf85e4e3b9ffe901ad5842b2291';
const PASSWORD = 'Zagros-1404-Sky';

/** An unsigned JWT with the given claims (the client only reads `exp`). */
function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const now = () => Math.floor(Date.now() / 1000);
const access = jwt({ token_type: 'access', exp: now() + 86_400, iat: now(), jti: 'a1', user_id: 'u1' });
const refresh = jwt({
  token_type: 'refresh',
  exp: now() + 30 * 86_400,
  iat: now(),
  jti: 'r1',
  user_id: 'u1',
});

const profile = {
  id: '3f1c2b8e-6d4a-4c1f-9a7e-2b5d8e0f4a61',
  email: 'sara.ahmadi@example.com',
  username: 'sara_ahmadi',
  subscription_plan: 'enterprise',
  subscription_expires: null,
  max_clients: 999,
  allowed_models: ['llama3_1_8b_fp16', 'mistral_7b_int4'],
  created_at: '2026-01-14T20:57:09.860506+03:30',
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

interface Seen {
  method: string;
  url: string;
  authorization: string | null;
  body: string;
}

/** A fake server: answers by `METHOD path` and records what was sent. */
function fakeServer(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const seen: Seen[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization'),
      body: request.body ? await request.clone().text() : '',
    });
    const route = routes[`${request.method} ${url.pathname}`];
    return route ? route(request) : new Response('<h1>Not Found</h1>', { status: 404 });
  };
  return { seen, fetch };
}

const loginRoute = () => json({ message: 'Login successful', user: profile, tokens: { access, refresh } });

describe('TikTrueClient wiring', () => {
  it('takes the server root from BACKEND_URL and calls <root>/api/v1/… with trailing slashes', async () => {
    const saved = process.env.BACKEND_URL;
    process.env.BACKEND_URL = 'https://tiktrue.example/';
    try {
      const { seen, fetch } = fakeServer({ 'POST /api/v1/auth/login/': loginRoute });
      const client = new TikTrueClient({ fetch });
      expect(client.baseUrl).toBe('https://tiktrue.example');
      await client.login({ email: profile.email, password: PASSWORD });
      expect(seen[0]!.url).toBe('https://tiktrue.example/api/v1/auth/login/');
    } finally {
      if (saved === undefined) delete process.env.BACKEND_URL;
      else process.env.BACKEND_URL = saved;
    }
  });

  it('logs in by email, sends the fingerprint, keeps the tokens and reads exp from the JWT', async () => {
    const { seen, fetch } = fakeServer({
      'POST /api/v1/auth/login/': loginRoute,
      'GET /api/v1/auth/profile/': () => json(profile),
    });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch });
    expect(client.isAuthenticated()).toBe(false);
    const session = await client.login({
      email: profile.email,
      password: PASSWORD,
      hardwareFingerprint: FINGERPRINT,
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      email: profile.email,
      password: PASSWORD,
      hardware_fingerprint: FINGERPRINT,
    });
    expect(seen[0]!.authorization).toBeNull();
    expect(session.user.username).toBe('sara_ahmadi');
    expect(Math.abs(session.tokenExpiresAt!.getTime() / 1000 - (now() + 86_400))).toBeLessThanOrEqual(2);
    expect(client.isAuthenticated()).toBe(true);
    expect(client.accessToken).toBe(access);
    await client.profile();
    expect(seen[1]!.authorization).toBe(`Bearer ${access}`);
  });

  it('rejects bad input before sending anything', async () => {
    const { seen, fetch } = fakeServer({});
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch });
    const badFingerprint = await client
      .login({ email: profile.email, password: PASSWORD, hardwareFingerprint: 'hw_abc123' })
      .catch((e: unknown) => e);
    expect(badFingerprint).toBeInstanceOf(RequestValidationError);
    expect((badFingerprint as RequestValidationError).issues[0]?.path).toBe('body.hardware_fingerprint');
    const badEmail = await client.login({ email: 'user', password: PASSWORD }).catch((e: unknown) => e);
    expect(badEmail).toBeInstanceOf(RequestValidationError);
    const mismatch = await client
      .register({
        email: profile.email,
        username: 'sara',
        password: PASSWORD,
        passwordConfirm: 'other-password',
      })
      .catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(RequestValidationError);
    const shortPassword = await client
      .register({ email: profile.email, username: 'sara', password: 'short' })
      .catch((e: unknown) => e);
    expect(shortPassword).toBeInstanceOf(RequestValidationError);
    expect(String(shortPassword)).not.toContain('short');
    const badModel = await client.models.metadata('llama3_1_8b_fp16').catch((e: unknown) => e);
    expect(badModel).toBeInstanceOf(RequestValidationError);
    const badLicense = await client.license.validate('hw_abc123').catch((e: unknown) => e);
    expect(badLicense).toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });

  it('puts the server message of each error shape into the typed error', async () => {
    const { fetch } = fakeServer({
      'POST /api/v1/auth/login/': () => json({ non_field_errors: ['Invalid credentials'] }, 400),
      'POST /api/v1/auth/register/': () =>
        json(
          {
            email: ['user with this email already exists.'],
            username: ['A user with that username already exists.'],
          },
          400,
        ),
      'GET /api/v1/license/info/': () => json({ error: 'No license found for user' }, 404),
      'GET /api/v1/license/validate/': () =>
        json(
          {
            valid: false,
            message: 'License is not valid for this hardware',
            hardware_info: { bound: true, fingerprint_provided: true, fingerprint_valid: false },
          },
          403,
        ),
      'POST /api/v1/models/4d0aad5c-4e52-4c13-8a48-75fd030da0f0/download/': () =>
        json(
          {
            error: 'Access denied to this model',
            reason: 'daily_limit_exceeded',
            message: 'Daily download limit (5) exceeded for llama3_1_8b_fp16.',
            access_details: { allowed: false, reason: 'daily_limit_exceeded' },
          },
          403,
        ),
      'GET /api/v1/auth/profile/': () =>
        json(
          {
            detail: 'Given token not valid for any token type',
            code: 'token_not_valid',
            messages: [
              { token_class: 'AccessToken', token_type: 'access', message: 'Token is invalid or expired' },
            ],
          },
          401,
          { 'www-authenticate': 'Bearer realm="api"' },
        ),
    });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch, maxRetries: 0 });
    const login = await client.login({ email: profile.email, password: PASSWORD }).catch((e: unknown) => e);
    expect(login).toBeInstanceOf(ValidationError);
    expect((login as Error).message).toContain('Invalid credentials');
    expect((login as Error).message).not.toContain(PASSWORD);
    const register = await client
      .register({ email: profile.email, username: 'sara_ahmadi', password: PASSWORD })
      .catch((e: unknown) => e);
    expect((register as Error).message).toContain('email: user with this email already exists.');
    expect((register as Error).message).toContain('username: A user with that username already exists.');
    const info = await client.license.info().catch((e: unknown) => e);
    expect(info).toBeInstanceOf(NotFoundError);
    expect((info as Error).message).toContain('No license found for user');
    const validate = await client.license.validate(FINGERPRINT).catch((e: unknown) => e);
    expect(validate).toBeInstanceOf(AuthorizationError);
    expect((validate as Error).message).toContain('License is not valid for this hardware');
    const token = await client.models
      .downloadUrl('4d0aad5c-4e52-4c13-8a48-75fd030da0f0')
      .catch((e: unknown) => e);
    expect(token).toBeInstanceOf(AuthorizationError);
    expect((token as Error).message).toContain('Daily download limit (5) exceeded');
    const me = await client.profile().catch((e: unknown) => e);
    expect(me).toBeInstanceOf(AuthenticationError);
    expect((me as Error).message).toContain('Given token not valid for any token type');
  });

  it('logs out with no body and drops the tokens even when the server refuses', async () => {
    let answer = json({ message: 'Logout successful' });
    const { seen, fetch } = fakeServer({
      'POST /api/v1/auth/login/': loginRoute,
      'POST /api/v1/auth/logout/': () => answer,
    });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch });
    await client.login({ email: profile.email, password: PASSWORD });
    expect(await client.logout()).toEqual({ message: 'Logout successful' });
    const logout = seen.find((s) => s.url.endsWith('/auth/logout/'))!;
    expect(logout.body).toBe('');
    expect(logout.authorization).toBe(`Bearer ${access}`);
    expect(client.isAuthenticated()).toBe(false);

    await client.login({ email: profile.email, password: PASSWORD });
    answer = json({ error: 'Invalid token' }, 400);
    await expect(client.logout()).rejects.toBeInstanceOf(ValidationError);
    expect(client.isAuthenticated()).toBe(false);
    expect(client.accessToken).toBeUndefined();
  });

  it('testConnection() calls /health/ at the site root, not under /api/v1', async () => {
    const health = { status: 'healthy', timestamp: 1768411629.8, checks: {}, response_time_ms: 1 };
    const { seen, fetch } = fakeServer({ 'GET /health/': () => json(health) });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch });
    expect((await client.testConnection()).status).toBe('healthy');
    expect(seen[0]!.url).toBe('https://t.example/health/');
    expect(await testBackendConnection('https://t.example', { fetch })).toBe(true);
    const down = fakeServer({ 'GET /health/': () => json({ ...health, status: 'unhealthy' }, 503) });
    expect(await testBackendConnection('https://t.example', { fetch: down.fetch, maxRetries: 0 })).toBe(
      false,
    );
    expect(await testBackendConnection('not a url')).toBe(false);
    const ready = await createApiClient({ baseUrl: 'https://t.example', fetch });
    expect(ready).toBeInstanceOf(TikTrueClient);
    await expect(
      createApiClient({ baseUrl: 'https://t.example', fetch: down.fetch, maxRetries: 0 }),
    ).rejects.toThrow(/503/);
  });

  it('refuses calls after close() and after `await using` leaves its block', async () => {
    const { seen, fetch } = fakeServer({ 'POST /api/v1/auth/login/': loginRoute });
    let escaped: TikTrueClient | undefined;
    {
      await using client = new TikTrueClient({ baseUrl: 'https://t.example', fetch });
      await client.login({ email: profile.email, password: PASSWORD });
      escaped = client;
    }
    const error = await escaped.profile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as Error).message).toMatch(/closed/);
    expect(seen).toHaveLength(1);
  });

  it('never shows tokens or passwords in inspect output, JSON or errors', async () => {
    const { fetch } = fakeServer({
      'POST /api/v1/auth/login/': loginRoute,
      'GET /api/v1/auth/profile/': () =>
        json({ detail: 'Given token not valid for any token type', code: 'token_not_valid' }, 401),
    });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch, maxRetries: 0 });
    const session = await client.login({ email: profile.email, password: PASSWORD });
    for (const shown of [
      inspect(client, { depth: 5 }),
      JSON.stringify(client),
      inspect(session),
      JSON.stringify(session),
    ]) {
      expect(shown).not.toContain(access);
      expect(shown).not.toContain(refresh);
      expect(shown).not.toContain(PASSWORD);
    }
    const error = await client.profile().catch((e: unknown) => e);
    for (const shown of [String(error), inspect(error, { depth: 5 }), JSON.stringify(error)]) {
      expect(shown).not.toContain(access);
    }
  });
});

describe('TikTrueClient token refresh', () => {
  const token = (type: 'access' | 'refresh', ttl: number, jti: string) =>
    jwt({ token_type: type, exp: now() + ttl, iat: now(), jti, user_id: 'u1' });
  const tokenNotValid = () =>
    json(
      {
        detail: 'Given token not valid for any token type',
        code: 'token_not_valid',
        messages: [
          { token_class: 'AccessToken', token_type: 'access', message: 'Token is invalid or expired' },
        ],
      },
      401,
      { 'www-authenticate': 'Bearer realm="api"' },
    );

  /** A server whose tokens are numbered: login gives access-1/refresh-1, each refresh the next pair. */
  function refreshingServer(options: {
    loginTtl: number;
    refreshTtl?: number;
    accepted?: (auth: string) => boolean;
  }) {
    let n = 1;
    const pairs = new Map<string, string>(); // refresh token → access token it was issued with
    const login = {
      access: token('access', options.loginTtl, 'a1'),
      refresh: token('refresh', 86_400, 'r1'),
    };
    pairs.set(login.refresh, login.access);
    const issued: { access: string; refresh: string }[] = [login];
    const server = fakeServer({
      'POST /api/v1/auth/login/': () => json({ message: 'Login successful', user: profile, tokens: login }),
      'POST /api/v1/auth/refresh/': async (request) => {
        const { refresh: given } = (await request.json()) as { refresh: string };
        if (!pairs.has(given))
          return json({ detail: 'Token is invalid or expired', code: 'token_not_valid' }, 401);
        n++;
        const pair = {
          access: token('access', options.refreshTtl ?? 86_400, `a${n}`),
          refresh: token('refresh', 86_400, `r${n}`),
        };
        pairs.set(pair.refresh, pair.access);
        issued.push(pair);
        return json(pair);
      },
      'GET /api/v1/auth/profile/': (request) => {
        const auth = request.headers.get('authorization') ?? '';
        return (options.accepted ?? (() => true))(auth) ? json(profile) : tokenNotValid();
      },
    });
    const count = (path: string) => server.seen.filter((s) => s.url.endsWith(path)).length;
    return { ...server, issued, count };
  }

  it('renews 5 minutes before the JWT exp, once for 20 concurrent calls, and keeps the rotated refresh token', async () => {
    const server = refreshingServer({ loginTtl: 120 });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch: server.fetch });
    await client.login({ email: profile.email, password: PASSWORD });
    await Promise.all(Array.from({ length: 20 }, () => client.profile()));
    expect(server.count('/auth/refresh/')).toBe(1);
    const refresh = server.seen.find((s) => s.url.endsWith('/auth/refresh/'))!;
    expect(refresh.authorization).toBeNull();
    expect(JSON.parse(refresh.body)).toEqual({ refresh: server.issued[0]!.refresh });
    const renewed = server.issued[1]!;
    const calls = server.seen.filter((s) => s.url.endsWith('/auth/profile/'));
    expect(calls.every((c) => c.authorization === `Bearer ${renewed.access}`)).toBe(true);
    expect(client.accessToken).toBe(renewed.access);
    expect(client.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
  });

  it('uses the rotated refresh token for the next renewal', async () => {
    const server = refreshingServer({ loginTtl: 60, refreshTtl: 60 });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch: server.fetch });
    await client.login({ email: profile.email, password: PASSWORD });
    await client.profile();
    await client.profile();
    const bodies = server.seen
      .filter((s) => s.url.endsWith('/auth/refresh/'))
      .map((s) => JSON.parse(s.body).refresh);
    expect(bodies).toEqual([server.issued[0]!.refresh, server.issued[1]!.refresh]);
  });

  it('on 401 token_not_valid renews once and replays each call once, however many calls were refused', async () => {
    let refused = '';
    const server = refreshingServer({ loginTtl: 86_400, accepted: (auth) => auth !== `Bearer ${refused}` });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch: server.fetch });
    await client.login({ email: profile.email, password: PASSWORD });
    refused = server.issued[0]!.access; // the server no longer takes the login's access token
    const results = await Promise.all(Array.from({ length: 10 }, () => client.profile()));
    expect(results.every((r) => r.email === profile.email)).toBe(true);
    expect(server.count('/auth/refresh/')).toBe(1);
    const calls = server.seen.filter((s) => s.url.endsWith('/auth/profile/'));
    expect(calls).toHaveLength(20);
    expect(calls.filter((c) => c.authorization === `Bearer ${server.issued[1]!.access}`)).toHaveLength(10);
  });

  it('does not renew on a 401 that is not token_not_valid', async () => {
    const { seen, fetch } = fakeServer({
      'POST /api/v1/auth/login/': loginRoute,
      'GET /api/v1/auth/profile/': () =>
        json({ detail: 'Authentication credentials were not provided.' }, 401),
    });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch });
    await client.login({ email: profile.email, password: PASSWORD });
    await expect(client.profile()).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen.filter((s) => s.url.endsWith('/auth/refresh/'))).toHaveLength(0);
  });

  it('a refused refresh is an AuthenticationError, drops the tokens and does not loop', async () => {
    const { seen, fetch } = fakeServer({
      'POST /api/v1/auth/login/': loginRoute,
      'POST /api/v1/auth/refresh/': () =>
        json({ detail: 'Token is invalid or expired', code: 'token_not_valid' }, 401),
      'GET /api/v1/auth/profile/': tokenNotValid,
    });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch });
    await client.login({ email: profile.email, password: PASSWORD });
    const error = await client.profile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('Token is invalid or expired');
    expect(seen.filter((s) => s.url.endsWith('/auth/refresh/'))).toHaveLength(1);
    expect(seen.filter((s) => s.url.endsWith('/auth/profile/'))).toHaveLength(1);
    expect(client.isAuthenticated()).toBe(false);
  });

  it('writes rotated tokens to a given TokenStore and starts authenticated from one', async () => {
    const server = refreshingServer({ loginTtl: 60 });
    const store = new MemoryTokenStore();
    const first = new TikTrueClient({ baseUrl: 'https://t.example', fetch: server.fetch, tokenStore: store });
    await first.login({ email: profile.email, password: PASSWORD });
    await first.profile();
    expect(store.get()?.refreshToken).toBe(server.issued[1]!.refresh);
    const second = new TikTrueClient({
      baseUrl: 'https://t.example',
      fetch: server.fetch,
      tokenStore: store,
    });
    expect(second.isAuthenticated()).toBe(true);
    await second.profile();
    expect(server.seen.at(-1)!.authorization).toBe(`Bearer ${server.issued[1]!.access}`);
  });
  it('reports a rejected first read of an async TokenStore to the first call, sending nothing (issue 14)', async () => {
    const server = fakeServer({ 'GET /api/v1/license/info/': () => json({}) });
    const keychainLocked = new Error('keychain locked');
    let reads = 0;
    const store = {
      get: async () => {
        reads++;
        if (reads === 1) throw keychainLocked;
        return { accessToken: access, refreshToken: refresh };
      },
      set: async () => {},
    };
    const client = new TikTrueClient({
      baseUrl: 'https://t.example',
      fetch: server.fetch,
      tokenStore: store,
    });
    const error = await client.license.info().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as SdkError).message).toContain('keychain locked');
    expect((error as SdkError).cause).toBe(keychainLocked);
    expect(server.seen).toHaveLength(0);
    // Reported once: the next call reads the store again and goes out with its token.
    await client.license.info();
    expect(server.seen.map((s) => s.authorization)).toEqual([`Bearer ${access}`]);
  });

  it('a login while the first read of an async TokenStore is pending is not undone by that read', async () => {
    const server = fakeServer({ 'POST /api/v1/auth/login/': loginRoute });
    let release: (tokens: { accessToken: string }) => void = () => {};
    const store = {
      get: () => new Promise<{ accessToken: string }>((r) => (release = r)),
      set: async () => {},
    };
    const client = new TikTrueClient({
      baseUrl: 'https://t.example',
      fetch: server.fetch,
      tokenStore: store,
    });
    await client.login({ email: profile.email, password: PASSWORD });
    release({ accessToken: 'stale-token-from-the-store' });
    await new Promise((r) => setTimeout(r, 0));
    expect(client.accessToken).toBe(access);
  });
});

describe('TikTrueClient environment', () => {
  it('works from options alone where every environment read throws (Deno without --allow-env)', () => {
    const original = Object.getOwnPropertyDescriptor(process, 'env')!;
    Object.defineProperty(process, 'env', {
      configurable: true,
      get() {
        throw new Error('NotCapable: Requires env access');
      },
    });
    try {
      expect(new TikTrueClient().baseUrl).toBe('https://api.tiktrue.com');
      expect(new TikTrueClient({ baseUrl: 'https://t.example' }).baseUrl).toBe('https://t.example');
    } finally {
      Object.defineProperty(process, 'env', original);
    }
  });
});

describe('TikTrueClient logging', () => {
  it('logs each exchange at debug level with passwords and tokens redacted', async () => {
    const lines: string[] = [];
    const capture = (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
    const logger = { error: capture, warn: capture, info: capture, debug: capture };
    const soon = jwt({ token_type: 'access', exp: now() + 60, iat: now(), jti: 'a9', user_id: 'u1' });
    const { fetch } = fakeServer({
      'POST /api/v1/auth/login/': () =>
        json({ message: 'Login successful', user: profile, tokens: { access: soon, refresh } }),
      'POST /api/v1/auth/refresh/': () => json({ access, refresh }),
      'GET /api/v1/auth/profile/': () => json(profile),
    });
    const client = new TikTrueClient({ baseUrl: 'https://t.example', fetch, logLevel: 'debug', logger });
    await client.login({ email: profile.email, password: PASSWORD, hardwareFingerprint: FINGERPRINT });
    await client.profile(); // renews first: the login token expires within the 5-minute window
    const log = lines.join('\n');
    expect(log).toContain('POST /api/v1/auth/login/ 200');
    expect(log).toContain('POST /api/v1/auth/refresh/ 200');
    expect(log).toContain('GET /api/v1/auth/profile/ 200');
    for (const secret of [PASSWORD, access, refresh, soon]) expect(log).not.toContain(secret);
  });
});

describe('hardwareFingerprint', () => {
  it('is the SHA-256 hexdigest of the identifiers joined with |, in the format validate() accepts', async () => {
    const fingerprint = await hardwareFingerprint(['board:PF2K3M1X', 'cpu:BFEBFBFF000906EA']);
    expect(fingerprint).toBe(
      createHash('sha256').update('board:PF2K3M1X|cpu:BFEBFBFF000906EA').digest('hex'),
    );
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await expect(hardwareFingerprint([])).rejects.toThrow(TypeError);
  });
});

describe('User-Agent', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

  it('names the SDK, its package version and the runtime; a User-Agent of yours replaces it', async () => {
    const agents: (string | null)[] = [];
    const fetch = async (request: Request) => {
      agents.push(request.headers.get('user-agent'));
      return json({ status: 'ok' });
    };
    await new TikTrueClient({ baseUrl: 'https://t.example', fetch }).testConnection();
    await new TikTrueClient({
      baseUrl: 'https://t.example',
      fetch,
      headers: { 'User-Agent': 'my-app/2.0' },
    }).testConnection();
    expect(agents[0]).toMatch(new RegExp(`^sdkforge-tiktrue/${version.replaceAll('.', '\\.')} node/\\d`));
    expect(agents[1]).toBe('my-app/2.0');
  });
});
