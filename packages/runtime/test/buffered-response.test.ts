import { describe, expect, it } from 'vitest';
import { BufferedResponse } from '../src/node/buffered-response.js';
import { rejection } from './helpers.js';

const bytes = () => new TextEncoder().encode('{"a":[1,2]}');
const init = { status: 201, statusText: 'Created', headers: { 'content-type': 'application/json' } };

describe('BufferedResponse', () => {
  it('is a Response with its status and headers', async () => {
    const r = new BufferedResponse(bytes(), init);
    expect(r).toBeInstanceOf(Response);
    expect([r.status, r.statusText, r.ok, r.headers.get('content-type')]).toEqual([
      201,
      'Created',
      true,
      'application/json',
    ]);
    expect(await r.json()).toEqual({ a: [1, 2] });
  });

  it('can be read once, like any Response', async () => {
    const r = new BufferedResponse(bytes(), init);
    expect(r.bodyUsed).toBe(false);
    await r.text();
    expect(r.bodyUsed).toBe(true);
    expect(await rejection(r.json())).toBeInstanceOf(TypeError);
  });

  it('gives a body stream, after which the other readers refuse', async () => {
    const r = new BufferedResponse(bytes(), init);
    const text = await new Response(r.body).text();
    expect(text).toBe('{"a":[1,2]}');
    expect(await rejection(r.text())).toBeInstanceOf(TypeError);
  });

  it('clones, arrayBuffer/bytes/blob copies, empty bodies are null', async () => {
    const r = new BufferedResponse(bytes(), init);
    const c = r.clone();
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(bytes());
    expect(await c.bytes()).toEqual(bytes());
    expect((await new BufferedResponse(bytes(), init).blob()).type).toBe('application/json');
    expect(new BufferedResponse(new Uint8Array(), { status: 200 }).body).toBeNull();
  });

  it('reports where it came from, as fetch does, and its clones too', () => {
    const plain = new BufferedResponse(bytes(), init);
    expect([plain.url, plain.redirected]).toEqual(['', false]);
    const r = new BufferedResponse(bytes(), init, { url: 'https://api.test/b', redirected: true });
    const c = r.clone();
    expect([r.url, r.redirected, c.url, c.redirected]).toEqual([
      'https://api.test/b',
      true,
      'https://api.test/b',
      true,
    ]);
  });
});
