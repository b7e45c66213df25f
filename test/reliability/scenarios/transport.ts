import {
  APIError,
  ConnectionError,
  RateLimitError,
  ResponseParseError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
} from '@sdkforge/runtime';
import { fakeClock } from '@sdkforge/runtime/testing';
import { describe, expect } from 'vitest';
import { closedPort, ops, rejection, scenario } from '../harness.ts';

const logical = (id: string) => ({ headers: { 'x-logical-id': id } });

export function transportScenarios(): void {
  describe('connection resets', () => {
    scenario(
      'before the headers: a GET is retried until it succeeds',
      async ({ server, sdk, expectDelivered }) => {
        server.route('GET', '/items', [
          { kind: 'reset-before-headers' },
          { kind: 'reset-before-headers' },
          { kind: 'ok' },
        ]);
        const client = sdk();
        await expectDelivered(client.api.request(ops.list));
        expect(server.seen('GET', '/items')).toHaveLength(3);
        expect(client.sent()).toBe(3);
      },
    );

    scenario(
      'before the headers: a POST without a key is not sent again',
      async ({ server, sdk, ...ctx }) => {
        // The server acted, then the connection dropped: the error says the write may have happened (`disclosed`).
        ctx.expectDisclosed(1);
        server.route('POST', '/items', [{ kind: 'reset-before-headers' }, { kind: 'ok' }], { effect: true });
        const error = await rejection(
          sdk().api.request(ops.create, { body: { name: 'a' } }, logical('post-nokey')),
        );
        expect(error).toBeInstanceOf(ConnectionError);
        expect(server.executions.get('post-nokey')).toBe(1);
        expect(server.seen('POST', '/items')).toHaveLength(1);
      },
    );

    scenario('before the headers: a POST with an Idempotency-Key is repeated and runs once', async (ctx) => {
      ctx.server.route('POST', '/items', [{ kind: 'reset-before-headers' }, { kind: 'ok', status: 201 }], {
        effect: true,
      });
      const client = ctx.sdk({ autoIdempotencyKeys: true });
      await ctx.expectDelivered(client.api.request(ops.create, { body: { name: 'a' } }, logical('post-key')));
      const seen = ctx.server.seen('POST', '/items');
      expect(seen).toHaveLength(2);
      expect(seen[0]?.headers['idempotency-key']).toBe(seen[1]?.headers['idempotency-key']);
      expect(seen.map((r) => r.body)).toEqual(['{"name":"a"}', '{"name":"a"}']);
      expect(ctx.server.executions.get('post-key')).toBe(1);
    });

    scenario('during the body: a GET is retried and the user gets the whole body', async (ctx) => {
      ctx.server.route('GET', '/items', [
        { kind: 'reset-mid-body', after: 100 },
        { kind: 'ok', json: { n: 1 } },
      ]);
      expect(await ctx.expectDelivered(ctx.sdk().api.request(ops.list))).toEqual({ n: 1 });
      expect(ctx.server.seen('GET', '/items')).toHaveLength(2);
    });

    scenario('during the body: a keyed POST is repeated and runs once', async (ctx) => {
      ctx.server.route('POST', '/items', [{ kind: 'reset-mid-body', after: 50 }, { kind: 'ok' }], {
        effect: true,
      });
      const call = ctx
        .sdk()
        .api.request(ops.create, { body: { x: 1 } }, { ...logical('mid-key'), idempotencyKey: 'k-1' });
      await ctx.expectDelivered(call);
      expect(ctx.server.executions.get('mid-key')).toBe(1);
    });

    scenario('refused connections: even a POST is retried (it never reached the server)', async ({ sdk }) => {
      const client = sdk({ baseUrl: `http://127.0.0.1:${await closedPort()}`, retry: { baseDelay: 1 } });
      const error = await rejection(client.api.request(ops.create, { body: {} }, logical('refused')));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.message).toContain('ECONNREFUSED');
      expect(client.sent()).toBe(3);
    });
  });

  describe('5xx and 429', () => {
    scenario(
      'a burst of 503s shorter than the retries is absorbed',
      async ({ server, sdk, expectDelivered }) => {
        server.route('GET', '/items', [
          { kind: 'status', status: 503 },
          { kind: 'status', status: 502 },
          { kind: 'status', status: 504 },
          { kind: 'ok' },
        ]);
        await expectDelivered(sdk({ retry: { maxRetries: 3, baseDelay: 5 } }).api.request(ops.list));
        expect(server.seen('GET', '/items')).toHaveLength(4);
      },
    );

    scenario(
      'an outage longer than the retries ends in ServerError after 3 attempts',
      async ({ server, sdk }) => {
        server.route('GET', '/items', [{ kind: 'status', status: 500 }]);
        const error = await rejection(sdk().api.request(ops.list));
        expect(error).toBeInstanceOf(ServerError);
        expect(error.requestId).toMatch(/^req_/);
        expect(server.seen('GET', '/items')).toHaveLength(3);
      },
    );

    scenario('429 with Retry-After in seconds: the wait asked for, then success', async (ctx) => {
      const clock = fakeClock();
      ctx.server.route(
        'POST',
        '/items',
        [{ kind: 'status', status: 429, headers: { 'retry-after': '2' } }, { kind: 'ok' }],
        {
          effect: true,
        },
      );
      await ctx.expectDelivered(
        ctx.sdk({ clock }).api.request(ops.create, { body: {} }, logical('rl-seconds')),
      );
      expect(clock.sleeps).toEqual([2000]);
      expect(ctx.server.executions.get('rl-seconds')).toBe(1);
    });

    scenario('429 with Retry-After as an HTTP-date', async (ctx) => {
      const clock = fakeClock();
      const date = new Date(clock.now() + 3000).toUTCString();
      ctx.server.route('GET', '/items', [
        { kind: 'status', status: 429, headers: { 'retry-after': date } },
        { kind: 'ok' },
      ]);
      await ctx.expectDelivered(ctx.sdk({ clock }).api.request(ops.list));
      expect(clock.sleeps).toEqual([3000]);
    });

    scenario("429 with Valentina's RateLimit header", async (ctx) => {
      const clock = fakeClock();
      const headers = {
        ratelimit: '"burst";r=0;t=1, "default";r=0;t=4',
        'ratelimit-policy': '"default";q=50;w=60',
      };
      ctx.server.route('GET', '/items', [{ kind: 'status', status: 429, headers }, { kind: 'ok' }]);
      await ctx.expectDelivered(ctx.sdk({ clock }).api.request(ops.list));
      expect(clock.sleeps).toEqual([4000]);
    });

    scenario(
      '429 asking to wait past the deadline: RateLimitError says how long',
      async ({ server, sdk }) => {
        server.route('GET', '/items', [{ kind: 'status', status: 429, headers: { 'retry-after': '30' } }]);
        const error = await rejection(sdk({ deadline: 10_000 }).api.request(ops.list));
        expect(error).toBeInstanceOf(RateLimitError);
        expect(error.retryAfter).toBe(30);
        expect(server.seen('GET', '/items')).toHaveLength(1);
      },
    );

    scenario('the retry budget keeps an outage from multiplying load', async ({ server, sdk }) => {
      server.route('GET', '/items', [{ kind: 'status', status: 503 }]);
      const client = sdk({ retryBudget: { capacity: 50, retryCost: 5 } });
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, () => client.api.request(ops.list)),
      );
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      // 40 first attempts + at most 10 retries (50 tokens / 5), instead of 120 requests.
      expect(server.seen('GET', '/items').length).toBeLessThanOrEqual(50);
      expect(server.seen('GET', '/items').length).toBeGreaterThanOrEqual(40);
    });

    scenario('an abort ends a long backoff at once', async ({ server, sdk }) => {
      const clock = fakeClock({ autoAdvance: false });
      server.route('GET', '/items', [{ kind: 'status', status: 503, headers: { 'retry-after': '30' } }]);
      const controller = new AbortController();
      const call = rejection(sdk({ clock }).api.request(ops.list, {}, { signal: controller.signal }));
      while (clock.sleeps.length === 0) await new Promise((r) => setTimeout(r, 1));
      controller.abort();
      expect((await call).name).toBe('AbortError');
      expect(clock.pendingTimers).toBe(0);
      expect(server.seen('GET', '/items')).toHaveLength(1);
    });
  });

  describe('slow servers', () => {
    scenario('slow headers: the attempt times out and the retry succeeds', async (ctx) => {
      ctx.server.route('GET', '/items', [{ kind: 'slow-headers', ms: 1500 }, { kind: 'ok' }]);
      await ctx.expectDelivered(ctx.sdk({ timeout: 300 }).api.request(ops.list));
      expect(ctx.server.seen('GET', '/items')).toHaveLength(2);
    });

    scenario(
      'slow headers on a POST without a key: TimeoutError, not repeated',
      async ({ server, sdk, ...ctx }) => {
        ctx.expectDisclosed(1);
        server.route('POST', '/items', [{ kind: 'slow-headers', ms: 1000 }, { kind: 'ok' }], {
          effect: true,
        });
        const error = await rejection(
          sdk({ timeout: 200 }).api.request(ops.create, { body: {} }, logical('slow-post')),
        );
        expect(error).toBeInstanceOf(TimeoutError);
        expect(error.name).toBe('TimeoutError');
        expect(server.seen('POST', '/items')).toHaveLength(1);
        expect(server.executions.get('slow-post')).toBe(1);
      },
    );

    scenario('a slow body is covered by the attempt timer', async (ctx) => {
      ctx.server.route('GET', '/items', [
        { kind: 'slow-body', chunks: 6, everyMs: 150 },
        { kind: 'ok', json: { fast: 1 } },
      ]);
      expect(await ctx.expectDelivered(ctx.sdk({ timeout: 400 }).api.request(ops.list))).toEqual({ fast: 1 });
      expect(ctx.server.seen('GET', '/items')).toHaveLength(2);
    });

    scenario('the deadline bounds every attempt and wait', async ({ server, sdk }) => {
      server.route('GET', '/items', [{ kind: 'slow-headers', ms: 2000 }]);
      const error = await rejection(sdk({ timeout: 200, deadline: 500 }).api.request(ops.list));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error.scope).toBe('deadline');
      expect(server.seen('GET', '/items').length).toBeLessThanOrEqual(3);
    });
  });

  describe('bad bodies', () => {
    scenario('a truncated JSON body is retried', async ({ server, sdk, expectDelivered }) => {
      server.route('GET', '/items', [
        { kind: 'truncate', after: 40 },
        { kind: 'ok', json: { whole: true } },
      ]);
      expect(await expectDelivered(sdk().api.request(ops.list))).toEqual({ whole: true });
    });

    scenario('malformed JSON is a ResponseParseError, not retried', async ({ server, sdk }) => {
      server.route('GET', '/items', [{ kind: 'malformed-json' }]);
      expect(await rejection(sdk().api.request(ops.list))).toBeInstanceOf(ResponseParseError);
      expect(server.seen('GET', '/items')).toHaveLength(1);
    });

    scenario('a wrong content type is a ResponseParseError that names it', async ({ server, sdk }) => {
      server.route('GET', '/items', [{ kind: 'wrong-content-type' }]);
      const error = await rejection(sdk().api.request(ops.list));
      expect(error).toBeInstanceOf(ResponseParseError);
      expect(error.message).toContain('text/html');
    });

    scenario('an oversized body stops at maxResponseBytes, not retried', async ({ server, sdk }) => {
      server.route('GET', '/items', [{ kind: 'oversized', bytes: 32 * 1024 * 1024 }]);
      const error = await rejection(sdk({ maxResponseBytes: 1024 * 1024 }).api.request(ops.list));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(server.seen('GET', '/items')).toHaveLength(1);
    });
  });

  describe('redirects', () => {
    scenario('a GET follows a 302', async ({ server, sdk, expectDelivered }) => {
      server.route('GET', '/items', [{ kind: 'redirect', status: 302, location: '/items/v2' }]);
      server.route('GET', '/items/v2', [{ kind: 'ok', json: { moved: true } }]);
      expect(await expectDelivered(sdk().api.request(ops.list))).toEqual({ moved: true });
    });

    scenario('a 301 on a POST is not re-sent as a GET', async ({ server, sdk, ...ctx }) => {
      // The server ran the write and answered 301; the caller's APIError shows the server answered (`disclosed`).
      ctx.expectDisclosed(1);
      server.route('POST', '/items', [{ kind: 'redirect', status: 301, location: '/items/' }], {
        effect: true,
      });
      server.route('GET', '/items/', [{ kind: 'status', status: 405 }]);
      const error = await rejection(sdk().api.request(ops.create, { body: { a: 1 } }, logical('redirected')));
      expect(error).toBeInstanceOf(APIError);
      expect(error.status).toBe(301);
      expect(server.seen('GET', '/items/')).toHaveLength(0);
      expect(server.executions.get('redirected')).toBe(1);
    });
  });
}
