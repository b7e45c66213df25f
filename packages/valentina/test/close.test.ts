/**
 * close() and `await using`: the client core's one behaviour — later calls reject with ClientClosedError and
 * send nothing, and the client leaves the default slot. (The Node pool it releases is the runtime's, tested there.)
 */
import { describe, expect, it } from 'vitest';
import { ClientClosedError, defaultClient, NoDefaultClientError, ValentinaClient } from '../src/index.js';

const page = () => Response.json({ items: [], limit: 10, offset: 0, total: 0 });

describe('closing the client', () => {
  it('after close(), every service call rejects with ClientClosedError and nothing is sent', async () => {
    const sent: string[] = [];
    const client = new ValentinaClient({
      apiKey: 'k',
      defaultCompanyId: '6f1d3a52-8c1e-4b7a-9f2d-1e5c7b9a3d04',
      fetch: async (request) => {
        sent.push(request.url);
        return page();
      },
    });
    await client.companies.getPage();
    expect(defaultClient()).toBe(client);
    await client.close();
    expect(client.isClosed).toBe(true);
    const error = await client
      .dictionary()
      .getPage()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientClosedError);
    expect((error as ClientClosedError).message).toContain('ValentinaClient is closed');
    await expect(client.companies.listAll()).rejects.toBeInstanceOf(ClientClosedError);
    expect(sent).toHaveLength(1);
    expect(() => defaultClient()).toThrow(NoDefaultClientError);
  });

  it('`await using` closes it at the end of the block', async () => {
    let kept: ValentinaClient | undefined;
    {
      await using client = new ValentinaClient({
        apiKey: 'k',
        setAsDefault: false,
        fetch: async () => page(),
      });
      await client.companies.getPage();
      kept = client;
    }
    expect(kept.isClosed).toBe(true);
    await expect(kept.companies.getPage()).rejects.toBeInstanceOf(ClientClosedError);
  });
});
