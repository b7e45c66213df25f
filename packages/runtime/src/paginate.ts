/**
 * The one pagination mechanism of generated services: `getPage` (one page), `listAll` (every item in an
 * array) and `iterAll` (every item, lazily, the next page prefetched) all come from {@link paginate}.
 */
import { collectItems, iterateItems, type OffsetPagination, Page } from './pagination.js';

/** Which of the three a call wants. */
export type PaginateMode = 'page' | 'list' | 'iter';

/** Fetches the raw response envelope of the page at `offset` with at most `limit` items. */
export type EnvelopeFetcher = (offset: number, limit: number) => Promise<unknown>;

/** Settings of one {@link paginate} walk: the envelope fields, where to start, the page size. */
export interface PaginateOptions {
  /** Where items, total, limit and offset are in the envelope. */
  fields: OffsetPagination;
  /** The first item wanted. @default 0 */
  offset?: number | undefined;
  /** Page size asked of the server. @default `defaultLimit` */
  limit?: number | undefined;
  /** Page size when the caller gives none (getPage: the document's `pageLimit`, walks: `iterLimit`). */
  defaultLimit: number;
}

/** Offset pagination over an envelope fetcher, the one mechanism behind the generated `getPage` / `listAll` / `iterAll` methods: `'page'` reads one page, `'list'` collects every item from `offset` on, `'iter'` yields them as pages arrive. */
export function paginate<T>(mode: 'page', fetch: EnvelopeFetcher, options: PaginateOptions): Promise<Page<T>>;
export function paginate<T>(mode: 'list', fetch: EnvelopeFetcher, options: PaginateOptions): Promise<T[]>;
export function paginate<T>(
  mode: 'iter',
  fetch: EnvelopeFetcher,
  options: PaginateOptions,
): AsyncGenerator<T, void, undefined>;
export function paginate<T>(
  mode: PaginateMode,
  fetch: EnvelopeFetcher,
  options: PaginateOptions,
): Promise<Page<T>> | Promise<T[]> | AsyncGenerator<T, void, undefined>;
export function paginate<T>(
  mode: PaginateMode,
  fetch: EnvelopeFetcher,
  options: PaginateOptions,
): Promise<Page<T>> | Promise<T[]> | AsyncGenerator<T, void, undefined> {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? options.defaultLimit;
  const fetchPage = async (at: number, size: number | undefined): Promise<Page<T>> =>
    Page.from<T>(await fetch(at, size ?? limit), options.fields);
  if (mode === 'page') return fetchPage(offset, limit);
  if (mode === 'list') return collectItems(fetchPage, { offset, limit });
  return iterateItems(fetchPage, { offset, limit });
}
