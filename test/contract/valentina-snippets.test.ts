/**
 * Every snippet of the Valentina README runs (the README embeds packages/valentina/snippets/*.ts verbatim,
 * and lint checks that they are type-checked and identical). Each one is imported as written; the only
 * change is that every `ValentinaClient` it makes talks to the Prism mock of the spec (with a key when the
 * snippet reads it from the environment), so Prism also checks every request the snippet sends.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ValentinaClient } from '@sdkforge/valentina';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@sdkforge/valentina', async (importOriginal) => {
  const sdk = await importOriginal<typeof import('@sdkforge/valentina')>();
  const { inject } = await import('vitest');
  class PrismValentinaClient extends sdk.ValentinaClient {
    constructor(options: ConstructorParameters<typeof sdk.ValentinaClient>[0] = {}) {
      super({
        ...options,
        baseUrl: inject('mockUrls').valentina,
        apiKey: options.apiKey || options.config?.apiKey || 'vk_live_snippet_key',
        maxRetries: 0,
      });
    }
  }
  return { ...sdk, ValentinaClient: PrismValentinaClient };
});

const dir = join(import.meta.dirname, '../../packages/valentina/snippets');
const snippets = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

describe('valentina: the README snippets run against Prism', () => {
  let client: ValentinaClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('finds the snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(15);
  });

  it.each(snippets)('%s', async (file) => {
    // Snippets that use the factories expect a client made at start-up (README: "Create the Client").
    client = new ValentinaClient({ defaultCompanyId: '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(join(dir, file));
    } finally {
      log.mockRestore();
    }
  });
});
