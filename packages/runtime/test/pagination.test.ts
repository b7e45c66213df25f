import { describe, expect, it } from 'vitest';
import { ResponseParseError } from '../src/errors.js';
import { collectItems, iterateItems, iteratePages, Page } from '../src/pagination.js';
import { rejection } from './helpers.js';

/** A fetcher over `total` items that records what it was asked and how many requests overlapped. */
function source(total: number, options: { failAt?: number } = {}) {
  const log = { requested: [] as number[], inFlight: 0, maxInFlight: 0 };
  const fetchPage = async (offset: number, limit: number | undefined) => {
    log.requested.push(offset);
    log.inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
    await new Promise((r) => setImmediate(r));
    log.inFlight--;
    if (options.failAt === offset) throw new Error(`page at ${offset} failed`);
    const size = limit ?? 10;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => offset + i);
    return new Page(items, size, offset, total);
  };
  return { fetchPage, log };
}

describe('Page', () => {
  it('derives hasMore, nextOffset, totalPages, currentPage', () => {
    const page = new Page([20, 21], 10, 20, 45);
    expect([page.hasMore, page.nextOffset, page.totalPages, page.currentPage]).toEqual([true, 22, 5, 3]);
    const last = new Page([40, 41, 42, 43, 44], 10, 40, 45);
    expect([last.hasMore, last.nextOffset]).toEqual([false, undefined]);
  });

  it('reads an envelope, with limit and offset optional', () => {
    const page = Page.from<number>({ items: [1, 2], total: 7 });
    expect([page.items, page.limit, page.offset, page.total, page.hasMore]).toEqual([[1, 2], 2, 0, 7, true]);
    const named = Page.from<number>(
      { rows: [3], count: 1, size: 5, skip: 4 },
      {
        items: 'rows',
        total: 'count',
        limit: 'size',
        offset: 'skip',
      },
    );
    expect([named.items, named.limit, named.offset, named.total]).toEqual([[3], 5, 4, 1]);
  });

  it('refuses a response that is not a page instead of reading it as an empty last page', () => {
    // Before the fix these became Page([], 0, 0, 0): iterAll ended at once and yielded nothing.
    for (const body of [{ detail: 'maintenance' }, { items: [1] }, { total: 3 }, [1, 2], null, 'text']) {
      expect(() => Page.from(body)).toThrow(ResponseParseError);
    }
    expect(() => Page.from({ items: 'x', total: 2 })).toThrow(/expected an array at `items`/);
    expect(() => Page.from({ items: [] })).toThrow(/a number at `total`, got fields items/);
  });

  it('a walk over a response without items/total rejects instead of ending quietly', async () => {
    const fetchPage = async () => Page.from<number>({ detail: 'not a page' });
    await expect(collectItems(fetchPage)).rejects.toBeInstanceOf(ResponseParseError);
  });
});

describe('iteratePages', () => {
  it('fetches page n+1 while the caller works on page n, never more than one page ahead', async () => {
    const { fetchPage, log } = source(95);
    let pages = 0;
    for await (const page of iteratePages(fetchPage, { limit: 10 })) {
      pages++;
      // While the caller holds page n: page n+1 has been requested (prefetch), page n+2 has not.
      const expectedRequests = page.hasMore ? pages + 1 : pages;
      expect(log.requested).toHaveLength(expectedRequests);
      await new Promise((r) => setImmediate(r));
    }
    expect(pages).toBe(10);
    expect(log.maxInFlight).toBe(1);
    expect(log.requested).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('stops on an empty page and on a zero limit', async () => {
    const empty = async () => new Page<number>([], 10, 0, 100);
    expect(await collectItems(empty)).toEqual([]);
    const zero = async () => new Page([1], 0, 0, 100);
    expect(await collectItems(zero)).toEqual([1]);
  });

  it('surfaces a failed page when the caller reaches it', async () => {
    const { fetchPage } = source(50, { failAt: 20 });
    const seen: number[] = [];
    const error = await rejection(
      (async () => {
        for await (const item of iterateItems(fetchPage, { limit: 10 })) seen.push(item);
      })(),
    );
    expect(error.message).toBe('page at 20 failed');
    expect(seen).toHaveLength(20);
  });

  it('a caller that stops early leaves no unhandled rejection from the prefetch', async () => {
    const { fetchPage, log } = source(50, { failAt: 10 });
    for await (const page of iteratePages(fetchPage, { limit: 10 })) {
      expect(page.offset).toBe(0);
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
    expect(log.requested).toEqual([0, 10]);
  });

  it('collects every item in order', async () => {
    const { fetchPage } = source(23);
    expect(await collectItems(fetchPage, { limit: 5 })).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });
});

describe('a server that echoes a stale offset', () => {
  it('still walks forward to the end instead of asking for the same page forever', async () => {
    const requested: number[] = [];
    // Like a mock replaying one example: every page claims offset 0.
    const fetchPage = async (offset: number) => {
      requested.push(offset);
      if (requested.length > 20) throw new Error('looping');
      return new Page([`item@${offset}`], 1, 0, 3);
    };
    expect(await collectItems(fetchPage, { limit: 1 })).toEqual(['item@0', 'item@1', 'item@2']);
    expect(requested).toEqual([0, 1, 2]);
  });
});
