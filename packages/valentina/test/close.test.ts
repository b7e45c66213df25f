/**
 * On Node, with no `fetch` given, the client sends through the runtime's undici transport (loaded on
 * the first call), and `close()` / `await using` release its connections.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientClosedError, ValentinaClient } from '../src/index.js';

const transport = vi.hoisted(() => ({
  created: [] as { timeout?: number | undefined }[],
  requests: [] as string[],
  closed: 0,
}));

vi.mock('@sdkforge/runtime/node', () => ({
  nodeTransport: (options: { timeout?: number }) => {
    transport.created.push(options);
    const fetch = async (request: Request) => {
      transport.requests.push(request.url);
      return new Response(JSON.stringify({ items: [], limit: 10, offset: 0, total: 0 }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    return Object.assign(fetch, {
      close: async () => {
        transport.closed += 1;
      },
    });
  },
}));

afterEach(() => {
  transport.created.length = 0;
  transport.requests.length = 0;
  transport.closed = 0;
});

describe('the Node transport', () => {
  it('is made once, on the first call, with the client timeout; close() closes it', async () => {
    const client = new ValentinaClient({ baseUrl: 'https://vn.example', apiKey: 'k', timeout: 12_000 });
    expect(transport.created).toEqual([]);
    await client.companies.getPage();
    await client.companies.getPage();
    expect(transport.created).toEqual([{ timeout: 12_000 }]);
    expect(transport.requests).toHaveLength(2);
    await client.close();
    expect(transport.closed).toBe(1);
    await expect(client.companies.getPage()).rejects.toBeInstanceOf(ClientClosedError);
    expect(transport.created).toHaveLength(1);
  });

  it('`await using` closes it at the end of the block', async () => {
    {
      await using client = new ValentinaClient({ apiKey: 'k', setAsDefault: false });
      await client.companies.getPage();
    }
    expect(transport.closed).toBe(1);
  });

  it('is not used when a fetch is given, and close() then has nothing to release', async () => {
    const client = new ValentinaClient({
      apiKey: 'k',
      setAsDefault: false,
      fetch: async () => Response.json({ items: [], limit: 10, offset: 0, total: 0 }),
    });
    await client.companies.getPage();
    await client.close();
    expect(transport.created).toEqual([]);
    expect(transport.closed).toBe(0);
  });
});
