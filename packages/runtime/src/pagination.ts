import { ResponseParseError } from './errors.js';

/** Where the pieces of an offset-paginated envelope are (field and query parameter names). */
export interface OffsetPagination {
  items: string;
  total: string;
  limit: string;
  offset: string;
}

/** The usual envelope: `{ items, total, limit, offset }`. */
export const DEFAULT_OFFSET_PAGINATION: OffsetPagination = {
  items: 'items',
  total: 'total',
  limit: 'limit',
  offset: 'offset',
};

/** One page of an offset-paginated collection. */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly limit: number,
    readonly offset: number,
    readonly total: number,
  ) {}

  /** True when items exist beyond this page. */
  get hasMore(): boolean {
    return this.items.length > 0 && this.limit > 0 && this.offset + this.items.length < this.total;
  }

  /** The offset of the next page, or `undefined` on the last one. */
  get nextOffset(): number | undefined {
    return this.hasMore ? this.offset + this.items.length : undefined;
  }

  /** Number of pages of this page's size: `ceil(total / limit)`. */
  get totalPages(): number {
    return this.limit > 0 ? Math.ceil(this.total / this.limit) : 0;
  }

  /** 1-based page number: `floor(offset / limit) + 1`. */
  get currentPage(): number {
    return this.limit > 0 ? Math.floor(this.offset / this.limit) + 1 : 1;
  }

  /**
   * Reads a page out of a response envelope. An envelope without an `items` array or a numeric `total`
   * is not a page: it throws ResponseParseError rather than pass for an empty (or last) page, which would
   * end a walk early without a word.
   */
  static from<T>(envelope: unknown, spec: OffsetPagination = DEFAULT_OFFSET_PAGINATION): Page<T> {
    const isObject = typeof envelope === 'object' && envelope !== null && !Array.isArray(envelope);
    const e = (isObject ? envelope : {}) as Record<string, unknown>;
    const missing = [
      Array.isArray(e[spec.items]) ? undefined : `an array at \`${spec.items}\``,
      typeof e[spec.total] === 'number' ? undefined : `a number at \`${spec.total}\``,
    ].filter((m) => m !== undefined);
    if (missing.length) {
      const got = isObject ? `fields ${Object.keys(e).join(', ') || 'none'}` : describe(envelope);
      throw new ResponseParseError(
        `the response is not a page: expected ${missing.join(' and ')}, got ${got}`,
      );
    }
    const items = e[spec.items] as T[];
    const num = (k: string, fallback: number) => (typeof e[k] === 'number' ? (e[k] as number) : fallback);
    return new Page(items, num(spec.limit, items.length), num(spec.offset, 0), e[spec.total] as number);
  }
}

/** Fetches the page that starts at `offset`, of at most `limit` items (`undefined`: the server's default). */
export type PageFetcher<T> = (offset: number, limit: number | undefined) => Promise<Page<T>>;

/**
 * Every page from `start.offset` on. While the caller works on page n, page n+1 is already being
 * fetched; at most two pages are held. Stops on the last page, an empty page or a zero limit.
 */
export async function* iteratePages<T>(
  fetchPage: PageFetcher<T>,
  start: { offset?: number | undefined; limit?: number | undefined } = {},
): AsyncGenerator<Page<T>, void, undefined> {
  let pending: Promise<Page<T>> | undefined = fetchAt(fetchPage, start.offset ?? 0, start.limit);
  while (pending) {
    const page: Page<T> = await pending;
    const next = page.nextOffset;
    pending = next === undefined ? undefined : fetchAt(fetchPage, next, start.limit ?? page.limit);
    // A prefetch the caller never awaits (it stopped early) must not become an unhandled rejection.
    pending?.catch(() => {});
    yield page;
  }
}

/**
 * Fetches the page at `offset` and places it there, whatever offset the server echoes: the walk
 * always moves forward, even through a server or mock that echoes a stale offset (which would
 * otherwise have it ask for the same page forever).
 */
async function fetchAt<T>(
  fetchPage: PageFetcher<T>,
  offset: number,
  limit: number | undefined,
): Promise<Page<T>> {
  const page = await fetchPage(offset, limit);
  return page.offset === offset ? page : new Page(page.items, page.limit, offset, page.total);
}

/** Every item from `start.offset` on, one at a time, with the next page prefetched. */
export async function* iterateItems<T>(
  fetchPage: PageFetcher<T>,
  start: { offset?: number | undefined; limit?: number | undefined } = {},
): AsyncGenerator<T, void, undefined> {
  for await (const page of iteratePages(fetchPage, start)) yield* page.items;
}

/** Every item, collected into one array. */
export async function collectItems<T>(
  fetchPage: PageFetcher<T>,
  start: { offset?: number | undefined; limit?: number | undefined } = {},
): Promise<T[]> {
  const all: T[] = [];
  for await (const page of iteratePages(fetchPage, start)) all.push(...page.items);
  return all;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}
