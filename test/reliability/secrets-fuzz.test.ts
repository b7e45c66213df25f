/**
 * Secrets under fuzz: random API keys, bearer tokens, session token pairs and passwords — with regex
 * metacharacters, non-ASCII text, and sometimes a trailing newline as a key read from a file has — go
 * through every auth mode of the runtime (apiKeyAuth with and without a scheme, bearerAuth, schemeAuth for
 * each kind of security scheme — http bearer/basic/custom, apiKey in a header, query or cookie, oauth2 —
 * sessionAuth with a refused refresh), login bodies, request validation, and the SDK clients' constructors. The fault
 * server echoes every credential back in its error bodies, as real servers do. Every log line (debug
 * level), every error's message, stack, `util.inspect`, `JSON.stringify` and each `cause` in its chain,
 * and the inspected clients, are scanned for each secret (raw, JSON-escaped and inspect-escaped).
 * Prints `secrets leaked: N`; replay with SDKFORGE_FUZZ_SEED.
 */
import { inspect } from 'node:util';
import { fc, test } from '@fast-check/vitest';
import { AvatarClient } from '@sdkforge/avatar';
import {
  ApiClient,
  apiKeyAuth,
  bearerAuth,
  createSdkTransport,
  type Logger,
  type OperationDescriptor,
  type Policy,
  type SecuritySchemeObject,
  schemeAuth,
  sessionAuth,
} from '@sdkforge/runtime';
import { nodeTransport } from '@sdkforge/runtime/node';
import { TikTrueClient } from '@sdkforge/tiktrue';
import { ValentinaClient } from '@sdkforge/valentina';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.ts';
import { report } from '../helpers/report.ts';

const seed = process.env.SDKFORGE_FUZZ_SEED
  ? Number(process.env.SDKFORGE_FUZZ_SEED)
  : Date.now() ^ (Math.random() * 2 ** 31);
const numRuns = Number(process.env.SDKFORGE_SECRETS_RUNS ?? 25);

const META = [...'.*+?^$', ...'{}()|[]\\/'];
const UNICODE = ['ä', 'ß', 'é', 'ø', 'ж', '中', '😀', '\u200b', 'ﬁ'];
const PLAIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'];

/** A secret: a distinctive start, then plain characters mixed with metacharacters (and non-ASCII). */
function secret(options: { unicode: boolean }): fc.Arbitrary<string> {
  const char = fc.oneof(
    { arbitrary: fc.constantFrom(...PLAIN), weight: 4 },
    { arbitrary: fc.constantFrom(...META), weight: 2 },
    ...(options.unicode ? [{ arbitrary: fc.constantFrom(...UNICODE), weight: 1 }] : []),
  );
  return fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{6}$/), fc.array(char, { minLength: 10, maxLength: 30 }))
    .map(([start, rest]) => `${start}${rest.join('')}`);
}

/** A credential sent in a header: printable ASCII, or (rarely) with a newline or non-ASCII left in it. */
const headerSecret = fc.oneof(
  { arbitrary: secret({ unicode: false }), weight: 6 },
  { arbitrary: secret({ unicode: false }).map((s) => `${s}\n`), weight: 1 },
  { arbitrary: secret({ unicode: true }), weight: 1 },
);

const secrets = fc.record({
  apiKey: headerSecret,
  bearer: headerSecret,
  access: secret({ unicode: false }),
  refresh: secret({ unicode: true }),
  password: secret({ unicode: true }),
});
interface Secrets {
  apiKey: string;
  bearer: string;
  access: string;
  refresh: string;
  password: string;
}

const ops = {
  list: { id: 'listItems', method: 'GET', path: '/items', response: 'json' },
  login: {
    id: 'login',
    method: 'POST',
    path: '/auth/login',
    anonymous: true,
    response: 'json',
    request: { encoding: 'json', contentType: 'application/json' },
  },
  loginOk: {
    id: 'loginOk',
    method: 'POST',
    path: '/auth/login-ok',
    anonymous: true,
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
  register: {
    id: 'register',
    method: 'POST',
    path: '/auth/register',
    anonymous: true,
    response: 'json',
    request: { encoding: 'json', contentType: 'application/json' },
    validate: {
      body: v.strictObject({
        email: v.pipe(v.string(), v.email()),
        password: v.pipe(v.string(), v.minLength(200)),
      }),
    },
  },
} as const satisfies Record<string, OperationDescriptor>;

let server: FaultServer;
const node = nodeTransport();
const totals = { runs: 0, secrets: 0, texts: 0, leaked: 0, errors: 0, logLines: 0 };
const leaks: string[] = [];

beforeAll(async () => {
  server = await startFaultServer();
  // Every error body repeats what the request carried, as servers that echo input do.
  server.route('GET', '/items', (_n, req) => ({
    kind: 'status',
    status: 401,
    json: {
      detail: `Credentials ${req.headers['x-api-key'] ?? ''} ${req.headers.authorization ?? ''} ${req.headers.cookie ?? ''} rejected`,
      url: req.path,
    },
    headers: { 'x-request-id': 'req-1' },
  }));
  server.route('POST', '/auth/login', (_n, req) => {
    const { password } = JSON.parse(req.body) as { password: string };
    return {
      kind: 'status',
      status: 400,
      json: {
        detail: `password ${password} is too common`,
        password: [password],
        non_field_errors: [password],
      },
    };
  });
  server.route('POST', '/auth/login-ok', (_n, req) => {
    const { password } = JSON.parse(req.body) as { password: string };
    return { kind: 'ok', json: { access: `${password}-access`, refresh: `${password}-refresh` } };
  });
  server.route('POST', '/auth/refresh', (_n, req) => {
    const { refresh } = JSON.parse(req.body) as { refresh: string };
    return {
      kind: 'status',
      status: 401,
      json: { detail: `Token ${refresh} is invalid or expired`, refresh: [refresh] },
    };
  });
  // The SDK clients' routes: whatever they call answers 401 echoing the credentials and the body.
  server.route('POST', '/api/v1/auth/login/', (_n, req) => ({
    kind: 'status',
    status: 401,
    json: { detail: `No active account for ${req.body}` },
  }));
  process.stdout.write(
    `\nsecrets under fuzz: seed=${seed} (replay: SDKFORGE_FUZZ_SEED=${seed}), runs=${numRuns}\n`,
  );
});

afterAll(async () => {
  await node.close();
  await server?.close();
  report(
    'secrets',
    `secrets under fuzz: seed=${seed} runs=${totals.runs} secrets=${totals.secrets} errors=${totals.errors} ` +
      `log lines=${totals.logLines} texts scanned=${totals.texts}\nsecrets leaked: ${totals.leaked}`,
  );
});

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const at = (message: string, fields?: unknown) =>
    lines.push(`${message} ${inspect(fields, { depth: 10 })} ${JSON.stringify(fields)}`);
  return { logger: { error: at, warn: at, info: at, debug: at }, lines };
}

/** Everything an error can show: message, stack, inspect, JSON, and the same for each cause. */
function describeError(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    const e = current as Error;
    out.push(String(e), e?.message ?? '', e?.stack ?? '', inspect(e, { depth: 10 }));
    try {
      out.push(JSON.stringify(e) ?? '');
    } catch (jsonError) {
      out.push(String(jsonError));
    }
    current = (e as { cause?: unknown })?.cause;
  }
  return out;
}

/** The forms a secret takes in text: raw, JSON-escaped, inspect-escaped (and without a trailing newline). */
function forms(secretValue: string): string[] {
  const base = [secretValue, secretValue.trim()];
  return [
    ...new Set(
      base.flatMap((s) => [
        s,
        JSON.stringify(s).slice(1, -1),
        inspect(s).slice(1, -1),
        encodeURIComponent(s),
      ]),
    ),
  ].filter((s) => s.length >= 8);
}

function client(logger: Logger, auth?: Policy): ApiClient {
  const transport = createSdkTransport({
    fetch: node,
    auth,
    logLevel: 'debug',
    logger,
    retry: { baseDelay: 1 },
  });
  return new ApiClient({ baseUrl: server.url, transport });
}

async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return error;
  }
}

async function exercise(s: Secrets): Promise<{ texts: string[]; errors: number; lines: number }> {
  const { logger, lines } = capture();
  const errors: unknown[] = [];
  const record = async (call: () => Promise<unknown>) => {
    const error = await failure(call);
    if (error !== undefined) errors.push(error);
  };
  // apiKeyAuth, plain header and with a scheme; a token in the query string too.
  await record(() =>
    client(logger, apiKeyAuth({ key: s.apiKey, header: 'X-API-KEY' })).request(ops.list, {
      query: { token: s.access },
    }),
  );
  await record(() =>
    client(logger, apiKeyAuth({ key: s.apiKey, header: 'Authorization', scheme: 'api-key-v1' })).request(
      ops.list,
    ),
  );
  // bearerAuth, static and read per request.
  await record(() => client(logger, bearerAuth({ token: s.bearer })).request(ops.list));
  await record(() => client(logger, bearerAuth({ token: async () => s.bearer })).request(ops.list));
  // schemeAuth, from each kind of OpenAPI security scheme.
  const schemes: SecuritySchemeObject[] = [
    { type: 'http', scheme: 'bearer' },
    { type: 'http', scheme: 'api-key-v1' },
    { type: 'http', scheme: 'basic' },
    { type: 'apiKey', in: 'header', name: 'X-API-KEY' },
    { type: 'apiKey', in: 'query', name: 'api_key' },
    { type: 'apiKey', in: 'cookie', name: 'session' },
    { type: 'oauth2' },
  ];
  for (const scheme of schemes) {
    const value = scheme.scheme === 'basic' ? `ann:${s.password}` : scheme.in ? s.apiKey : s.bearer;
    await record(() => client(logger, schemeAuth(scheme, value)).request(ops.list));
  }
  // sessionAuth: 401 → refresh, which the server refuses echoing the refresh token.
  const plain = client(logger);
  const session = sessionAuth({
    refresh: async (token) => {
      const body = await plain.request<{ access: string }>(ops.refresh, { body: { refresh: token } });
      return { accessToken: body.access };
    },
  });
  await session.setTokens({ accessToken: s.access, refreshToken: s.refresh });
  await record(() => client(logger, session.policy).request(ops.list));
  // Passwords: refused login (echoed), a login that succeeds with tokens in the body, local validation.
  await record(() => plain.request(ops.login, { body: { email: 'ann@example.org', password: s.password } }));
  await record(() => plain.request(ops.loginOk, { body: { username: 'ann', password: s.password } }));
  await record(() => plain.request(ops.register, { body: { email: 'nope', password: s.password } }));
  // The SDK clients' constructors (and TikTrue's login flow) with the same secrets.
  const sdkTexts: string[] = [];
  const construct = async (make: () => unknown, use?: (c: never) => Promise<unknown>) => {
    try {
      const c = make();
      sdkTexts.push(inspect(c, { depth: 6 }), safeJson(c));
      if (use) await record(() => use(c as never));
      await (c as { close?: () => Promise<void> }).close?.();
    } catch (error) {
      errors.push(error);
    }
  };
  await construct(
    () => new ValentinaClient({ apiKey: s.apiKey, baseUrl: server.url, logLevel: 'debug', logger }),
  );
  await construct(() => new AvatarClient({ apiKey: s.apiKey, baseUrl: server.url }));
  await construct(
    () => new TikTrueClient({ baseUrl: server.url, logLevel: 'debug', logger, maxRetries: 0 }),
    (c: TikTrueClient) => c.login({ email: 'ann@example.org', password: s.password }),
  );
  const texts = [
    ...lines,
    ...errors.flatMap(describeError),
    ...sdkTexts,
    inspect(session, { depth: 10 }),
    safeJson(session),
  ];
  return { texts, errors: errors.length, lines: lines.length };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return String(error);
  }
}

describe('secrets under fuzz', () => {
  test.prop([secrets], { seed, numRuns, endOnFailure: true })(
    'no secret appears in any log line, error, cause, inspect or JSON of any auth mode',
    async (s) => {
      totals.runs++;
      const { texts, errors, lines } = await exercise(s);
      totals.errors += errors;
      totals.logLines += lines;
      totals.texts += texts.length;
      const found: string[] = [];
      for (const [name, value] of Object.entries(s)) {
        totals.secrets++;
        for (const form of forms(value)) {
          for (const text of texts) {
            if (!text.includes(form)) continue;
            totals.leaked++;
            const at = text.indexOf(form);
            found.push(
              `${name} ${JSON.stringify(value)} in: …${text.slice(Math.max(0, at - 80), at + form.length + 20)}…`,
            );
          }
        }
      }
      leaks.push(...found);
      // The scenario really ran: errors to scan and debug log lines.
      expect(errors).toBeGreaterThanOrEqual(6);
      expect(lines).toBeGreaterThan(2);
      expect(found).toEqual([]);
    },
    120_000,
  );
});
