import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api-client.js';
import { type Logger, resolveLogLevel } from '../src/log.js';
import { apiKeyAuth } from '../src/policies/api-key.js';
import { createSdkTransport, type TransportOptions } from '../src/stack.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { mockFetch, networkError } from '../src/testing/mock-fetch.js';
import { ops, rejection } from './helpers.js';

const SECRETS = ['sk-live-123456789', 'hunter2-password', 'refresh-abcdef123', 'session=cookie-value-42'];

function capture(): { logger: Logger; lines: { level: string; message: string; fields?: unknown }[] } {
  const lines: { level: string; message: string; fields?: unknown }[] = [];
  const at = (level: string) => (message: string, fields?: unknown) => lines.push({ level, message, fields });
  return { logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') }, lines };
}

function setup(options: Partial<TransportOptions>) {
  const fetch = mockFetch([
    {
      path: '/v1/things',
      reply: [
        { status: 503, headers: { 'x-request-id': 'req_1' } },
        { json: [], headers: { 'x-request-id': 'req_2', 'set-cookie': SECRETS[3] as string } },
      ],
    },
    { method: 'POST', path: '/v1/things', reply: networkError('ECONNRESET') },
  ]);
  const clock = new FakeClock();
  const transport = createSdkTransport({
    fetch,
    clock,
    random: () => 0,
    auth: apiKeyAuth({ key: SECRETS[0] as string, header: 'Authorization', scheme: 'Bearer' }),
    ...options,
  });
  return new ApiClient({ baseUrl: 'https://api.test', basePath: '/v1', transport });
}

afterEach(() => {
  delete process.env.SDKFORGE_LOG;
  delete process.env.VALENTINA_LOG;
});

describe('resolveLogLevel', () => {
  it('takes the option, else the environment variable, else off', () => {
    expect(resolveLogLevel(undefined, undefined)).toBe('off');
    expect(resolveLogLevel(undefined, 'debug')).toBe('debug');
    expect(resolveLogLevel(undefined, ' WARN ')).toBe('warn');
    expect(resolveLogLevel(undefined, '1')).toBe('info');
    expect(resolveLogLevel(undefined, 'loud')).toBe('off');
    expect(resolveLogLevel('error', 'debug')).toBe('error');
  });
});

describe('logging policy', () => {
  it('is off by default', async () => {
    const { logger, lines } = capture();
    await setup({ logger }).request(ops.list, { query: { limit: 1 } });
    expect(lines).toEqual([]);
  });

  it('turns on through the environment variable (default or the SDK’s own)', async () => {
    const a = capture();
    process.env.SDKFORGE_LOG = 'info';
    await setup({ logger: a.logger }).request(ops.list);
    expect(a.lines.length).toBeGreaterThan(0);
    const b = capture();
    process.env.VALENTINA_LOG = 'warn';
    await setup({ logger: b.logger, logEnv: 'VALENTINA_LOG' }).request(ops.list);
    expect(b.lines.map((l) => l.level)).toEqual(['error', 'warn']);
  });

  it('one line per exchange with method, path, status, attempt, duration and request id', async () => {
    const { logger, lines } = capture();
    await setup({ logger, logLevel: 'info' }).request(ops.list, { query: { limit: 5 } });
    expect(lines.map((l) => l.message)).toEqual([
      '[sdkforge] GET /v1/things?limit=5 503 attempt=1 0ms request_id=req_1',
      '[sdkforge] GET /v1/things?limit=5 retry in 500ms after status 503 (attempt 1)',
      '[sdkforge] GET /v1/things?limit=5 200 attempt=2 0ms request_id=req_2',
    ]);
    expect(lines[2]?.fields).toMatchObject({
      operationId: 'listThings',
      method: 'GET',
      path: '/v1/things?limit=5',
      status: 200,
      attempt: 2,
      durationMs: 0,
      requestId: 'req_2',
    });
  });

  it('redacts credentials in headers, query strings, JSON bodies and error messages at debug level', async () => {
    const { logger, lines } = capture();
    const api = setup({ logger, logLevel: 'debug' });
    await api.request(ops.list, { query: { api_key: SECRETS[0], limit: 1 } });
    const error = await rejection(
      api.request(ops.create, { body: { username: 'ann', password: SECRETS[1], refresh_token: SECRETS[2] } }),
    );
    const text = JSON.stringify(lines) + inspect(lines, { depth: 10 }) + inspect(error, { depth: 10 });
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('[REDACTED]');
    const post = lines.find((l) => l.message.startsWith('[sdkforge] POST'));
    expect(post?.level).toBe('error');
    expect(post?.fields).toMatchObject({ requestBody: { username: 'ann', password: '[REDACTED]' } });
  });
});
