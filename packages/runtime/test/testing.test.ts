import { describe, expect, it } from 'vitest';
import { FakeClock } from '../src/testing/fake-clock.js';
import { mockFetch, networkError } from '../src/testing/mock-fetch.js';
import { adhocContext } from '../src/transport.js';
import { rejection } from './helpers.js';

describe('mockFetch', () => {
  it('routes by method and path template, records requests, plays sequences', async () => {
    const fetch = mockFetch([
      { method: 'GET', path: '/items/{id}', reply: [{ status: 500 }, { json: { ok: 1 } }] },
      { method: 'POST', path: '/items', reply: (req) => ({ status: 201, json: req.json() }) },
    ]);
    const ctx = adhocContext('op');
    expect((await fetch(new Request('https://x.test/items/7'), ctx)).status).toBe(500);
    expect(await (await fetch(new Request('https://x.test/items/7'), ctx)).json()).toEqual({ ok: 1 });
    expect(await (await fetch(new Request('https://x.test/items/8'), ctx)).json()).toEqual({ ok: 1 });
    const post = await fetch(new Request('https://x.test/items', { method: 'POST', body: '{"a":1}' }), ctx);
    expect([post.status, await post.json()]).toEqual([201, { a: 1 }]);
    expect((await fetch(new Request('https://x.test/nope'), ctx)).status).toBe(404);
    expect(fetch.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /items/7',
      'GET /items/7',
      'GET /items/8',
      'POST /items',
      'GET /nope',
    ]);
    expect(fetch.callsTo('GET', '/items/{id}')).toHaveLength(3);
  });

  it('throws errors given as replies and honours the attempt signal', async () => {
    const fetch = mockFetch([
      { path: '/down', reply: networkError('ECONNREFUSED') },
      { path: '/slow', reply: () => new Promise(() => {}) },
    ]);
    const error = await rejection(fetch(new Request('https://x.test/down'), adhocContext()));
    expect((error.cause as { code: string }).code).toBe('ECONNREFUSED');
    const controller = new AbortController();
    const pending = fetch(new Request('https://x.test/slow'), {
      ...adhocContext(),
      signal: controller.signal,
    });
    controller.abort(new Error('stop'));
    expect((await rejection(pending)).message).toBe('stop');
  });
});

describe('FakeClock', () => {
  it('auto-advances on sleep and records the waits', async () => {
    const clock = new FakeClock({ now: 1000 });
    await clock.sleep(250);
    await clock.sleep(500);
    expect(clock.now()).toBe(1750);
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('fires timers in order as time advances, and cancelled ones never', () => {
    const clock = new FakeClock({ now: 0, autoAdvance: false });
    const fired: string[] = [];
    clock.setTimer(() => fired.push('b'), 200);
    clock.setTimer(() => fired.push('a'), 100);
    const cancel = clock.setTimer(() => fired.push('never'), 150);
    cancel();
    clock.advance(150);
    expect(fired).toEqual(['a']);
    clock.advance(100);
    expect(fired).toEqual(['a', 'b']);
    expect(clock.now()).toBe(250);
  });

  it('a manual sleep resolves on advance and rejects at once on abort', async () => {
    const clock = new FakeClock({ autoAdvance: false });
    const slept = clock.sleep(100);
    clock.advance(100);
    await slept;
    const controller = new AbortController();
    const waiting = clock.sleep(1000, controller.signal);
    controller.abort(new Error('gone'));
    expect((await rejection(waiting)).message).toBe('gone');
    expect(clock.pendingTimers).toBe(0);
  });
});
