/**
 * What every service shares: the scope it was made for (company, acting user), the `On-Behalf-Of`
 * header, the per-call options and the pagination trio (getPage / listAll / iterAll).
 */
import {
  type CallOptions,
  collectItems,
  iterateItems,
  type Page,
  RequestValidationError,
} from '@sdkforge/runtime';
import * as v from 'valibot';
import type { Resources } from '../generated/resources.gen.js';

/** Per-call options every service method takes: `signal`, `timeout` (ms), `headers`, `idempotencyKey`, `retry`. */
export type RequestOptions = CallOptions;

/** One page of a collection, with `hasMore`, `nextOffset`, `totalPages` and `currentPage`. */
export type PaginatedResponse<T> = Page<T>;

/** Which page `getPage()` fetches. */
export interface PageParams {
  /** Page size. @default 10 */
  limit?: number | undefined;
  /** Items to skip. @default 0 */
  offset?: number | undefined;
}

/** How `iterAll()` / `listAll()` walk a collection. */
export interface IterParams {
  /** Page size of each request. @default 100 (1000 on reference collections) */
  limit?: number | undefined;
  /** Start at this item. @default 0 */
  offset?: number | undefined;
}

/** What a service needs from its client. */
export interface ServiceHost {
  /** The generated layer: one method per operation. */
  readonly api: Resources;
  /** Switches the client to a new API key (after the key was regenerated). */
  useApiKey(apiKey: string): void;
}

/** The scope a service was made for. */
export interface Scope {
  companyId?: string | undefined;
  /** The acting user, sent as `On-Behalf-Of`. */
  userId?: string | undefined;
}

export const DEFAULT_PAGE_LIMIT = 10;
export const ITER_PAGE_SIZE = 100;
export const REFERENCE_PAGE_SIZE = 1000;

/** Headers of a call made on behalf of a user. */
export type ActingHeaders = { 'On-Behalf-Of': string } & Record<string, string>;

type WithHeaders<O> = Omit<O, 'headers'> & { headers: ActingHeaders };
type Fetcher<T, P> = (params: P & { limit: number; offset: number }) => Promise<Page<T>>;

const uuid = v.pipe(v.string(), v.uuid());

/** Throws {@link RequestValidationError} unless `userId` is a UUID (the server wants one in `On-Behalf-Of`). */
export function checkUserId(userId: unknown, where: string): string {
  if (!v.is(uuid, userId)) {
    throw new RequestValidationError(where, [
      {
        path: 'headers.On-Behalf-Of',
        message: `userId must be a user's UUID (got ${JSON.stringify(userId)})`,
      },
    ]);
  }
  return userId;
}

export abstract class Service {
  protected readonly host: ServiceHost;
  /** The acting user of every call (`On-Behalf-Of`), when the service has one. */
  readonly userId: string | undefined;

  constructor(host: ServiceHost, scope: Scope = {}) {
    this.host = host;
    this.userId = scope.userId === undefined ? undefined : checkUserId(scope.userId, this.constructor.name);
  }

  protected get api(): Resources {
    return this.host.api;
  }

  /** The call's options with the service's `On-Behalf-Of` header (a header given per call wins). */
  protected opts<O extends RequestOptions>(options: O): WithHeaders<O> {
    const headers = this.userId
      ? { 'On-Behalf-Of': this.userId, ...options.headers }
      : { ...options.headers };
    return { ...options, headers: headers as ActingHeaders };
  }

  /** Like {@link opts}, for operations the server only runs on behalf of a user. */
  protected acting<O extends RequestOptions>(operationId: string, options: O): WithHeaders<O> {
    const out = this.opts(options);
    if (!out.headers['On-Behalf-Of']) {
      throw new RequestValidationError(operationId, [
        {
          path: 'headers.On-Behalf-Of',
          message: `${operationId} acts on behalf of a user: create the service with a userId or pass headers['On-Behalf-Of']`,
        },
      ]);
    }
    return out;
  }

  /** One page (`limit` 10 and `offset` 0 unless given). */
  protected async page<T, P extends object>(fetch: Fetcher<T, P>, params: P & PageParams): Promise<Page<T>> {
    const { limit = DEFAULT_PAGE_LIMIT, offset = 0, ...rest } = params;
    return fetch({ ...(rest as P), limit, offset });
  }

  /** Every item, page after page, the next page prefetched while the caller works on this one. */
  protected iter<T, P extends object>(
    fetch: Fetcher<T, P>,
    params: P & IterParams,
    pageSize = ITER_PAGE_SIZE,
  ): AsyncGenerator<T, void, undefined> {
    const { limit = pageSize, offset = 0, ...rest } = params;
    return iterateItems(pager(fetch, rest as P, limit), { offset, limit });
  }

  /** Every item, collected into one array. */
  protected all<T, P extends object>(
    fetch: Fetcher<T, P>,
    params: P & IterParams,
    pageSize = ITER_PAGE_SIZE,
  ): Promise<T[]> {
    const { limit = pageSize, offset = 0, ...rest } = params;
    return collectItems(pager(fetch, rest as P, limit), { offset, limit });
  }
}

/** The page fetcher of a walk through a collection (the runtime keeps the walk moving forward). */
function pager<T, P>(fetch: Fetcher<T, P>, params: P, limit: number) {
  return (offset: number, pageLimit: number | undefined): Promise<Page<T>> =>
    fetch({ ...params, offset, limit: pageLimit ?? limit });
}

/** A service bound to one company. */
export abstract class CompanyService extends Service {
  /** The company every call is about. */
  readonly companyId: string;

  constructor(host: ServiceHost, scope: Scope & { companyId: string }) {
    super(host, scope);
    this.companyId = scope.companyId;
  }
}

/** A service bound to one company that acts on behalf of one user (`On-Behalf-Of` on every call). */
export abstract class ActingService extends CompanyService {
  declare readonly userId: string;

  constructor(host: ServiceHost, scope: { companyId: string; userId: string }) {
    super(host, scope);
  }
}

/** `Date` or ISO string → ISO string (query parameters of type date-time). */
export function isoDateTime(value: Date | string | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

/** A file part for a multipart upload: a Blob/File as is, bytes or text wrapped in a File. */
export function filePart(filename: string, content: BlobPart, contentType?: string): File {
  if (content instanceof File && !contentType) return content;
  const type =
    contentType ?? (content instanceof Blob && content.type ? content.type : guessContentType(filename));
  return new File([content], filename, { type });
}

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  json: 'application/json',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  zip: 'application/zip',
};

/** The media type of a file name's extension, `application/octet-stream` when unknown. */
export function guessContentType(filename: string): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}
