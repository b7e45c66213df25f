/**
 * A fake server made from an SDK's generated operation index and validators: it answers each operation
 * with the response a test set for it, else with a schema-valid sample, and records every request. Routes
 * are keyed by operationId (the generated `operationIndex` is the one list of operations), so a route can
 * never name a call the SDK does not make. An SDK's `./testing` entry wraps it in a fake client.
 */
import { raceAbort } from '../signal.js';
import type { CallContext, Fetch } from '../types.js';
import { SampleSequence, sample } from './sample.js';

/** What the fake needs of one operation (the generated `operationIndex` entries have it). */
export interface SpecOperation {
  readonly operationId: string;
  readonly http: string;
  readonly path: string;
  readonly paginated?: boolean;
  readonly download?: boolean;
}

/** One request the fake received. */
export interface SpecRequest<Op extends string = string> {
  operationId: Op;
  method: string;
  url: URL;
  /** Path after the API base path, e.g. `/companies/…/campaigns`. */
  path: string;
  /** The path's parameters by their spec names (`company_id`, `campaign_id`…). */
  pathParams: Record<string, string>;
  /** Query parameters; repeated ones as arrays. */
  query: Record<string, string | string[]>;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON, the multipart fields (files as `File`), text, or `undefined` without a body. */
  body: unknown;
  /** 1 for the first attempt of a call, 2 for its first retry… */
  attempt: number;
}

/** A canned response. */
export interface SpecResponse<Body = unknown, Item = unknown> {
  status?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** The JSON body of a single-object response. */
  body?: Body | undefined;
  /** The items of a paginated or list response; the fake serves them page by page (`limit`/`offset`). */
  items?: Item[] | undefined;
  /** Override the envelope's `total` (e.g. a collection that changes while you page through it). */
  total?: number | undefined;
}

/** What an error response says (an RFC 9457 problem document). */
export interface SpecError {
  status: number;
  detail?: string | undefined;
  /** Machine-readable reason (`TOKEN_VERIFICATION_FAILED`…). */
  code?: string | undefined;
  /** Seconds to wait, sent as `RateLimit: "default";r=0;t=<n>` (IETF RateLimit header fields). */
  retryAfter?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** Extra members of the problem body (`invalid_parameters`…). */
  extra?: Record<string, unknown> | undefined;
}

/** Which requests a route answers, and how many times. */
export interface RouteMatch {
  /** Only requests whose path parameters have these values (`{ campaign_id: '…' }`). */
  params?: Record<string, string> | undefined;
  /** Only requests whose query has these values. */
  query?: Record<string, string> | undefined;
  /** Answer this many requests, then step aside. @default unlimited */
  times?: number | undefined;
}

/** Answers a request; it may also throw (e.g. `networkError()`) to fail the exchange like a broken connection. */
export type SpecHandler<Op extends string = string> = (
  request: SpecRequest<Op>,
) => SpecResponse | Response | Promise<SpecResponse | Response>;

/** What a {@link SpecFake} is built from: the generated operation index, base path and response schemas. */
export interface SpecFakeOptions {
  /** The generated `operationIndex`. */
  operations: readonly SpecOperation[];
  /** The generated `API_BASE_PATH` (stripped from recorded paths). */
  basePath: string;
  /** The generated schema (valibot) of an operation's success body, for the default answers. */
  responseSchema: (operationId: string) => unknown;
  /** The file a binary operation serves when nobody set a response. */
  download?: ((request: SpecRequest) => { filename: string; type: string; content: Uint8Array }) | undefined;
  /** Counters of the sampled data (share one with factories so ids never collide). */
  seq?: SampleSequence | undefined;
}

interface Route {
  operationId: string;
  match: RouteMatch;
  handler: SpecHandler;
  remaining: number;
  order: number;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A fake server built from an SDK's generated operation index (see the module comment): set answers by operationId, read the recorded requests. */
export class SpecFake {
  readonly requests: SpecRequest[] = [];
  readonly #routes: Route[] = [];
  readonly #ops: Map<string, SpecOperation>;
  readonly #options: SpecFakeOptions;
  readonly #seq: SampleSequence;
  #order = 0;
  #requestIds = 0;

  constructor(options: SpecFakeOptions) {
    this.#options = options;
    this.#ops = new Map(options.operations.map((o) => [o.operationId, o]));
    this.#seq = options.seq ?? new SampleSequence();
  }

  /** Registers a handler; the newest route that matches answers (routes with `params`/`query` first). */
  add(operationId: string, handler: SpecHandler, match: RouteMatch = {}): void {
    if (!this.#ops.has(operationId)) throw new Error(`unknown operation ${operationId}`);
    this.#order += 1;
    this.#routes.push({
      operationId,
      match,
      handler,
      remaining: match.times ?? Number.POSITIVE_INFINITY,
      order: this.#order,
    });
  }

  /** Forgets every route and every recorded request. */
  reset(): void {
    this.#routes.length = 0;
    this.requests.length = 0;
  }

  /** The base fetch a fake client sends through. */
  readonly fetch: Fetch = async (request: Request, context: CallContext): Promise<Response> => {
    const op = this.#ops.get(context.operationId);
    if (!op) return this.#problem(404, `No operation ${context.operationId}`, new URL(request.url).pathname);
    const recorded = await this.#record(request, op, context.attempt);
    this.requests.push(recorded);
    const route = this.#route(recorded);
    const answer = route
      ? await raceAbort(Promise.resolve(route.handler(recorded)), context.signal ?? context.options.signal)
      : this.defaultResponse(recorded);
    return answer instanceof Response ? answer : this.#toResponse(recorded, answer);
  };

  /** The response of an operation nobody set: a schema-valid sample (one item for collections). */
  defaultResponse(request: SpecRequest): SpecResponse {
    const op = this.#ops.get(request.operationId)!;
    if (op.download) return { status: 200 };
    const value = sample(this.#options.responseSchema(request.operationId), this.#seq);
    if (op.paginated) return { items: (value as { items: unknown[] }).items };
    if (value === undefined) return { status: 204 };
    return { body: adopt(value, op.path, request.pathParams) };
  }

  /** An RFC 9457 problem+json error response with a request id (`RateLimit` for `retryAfter`). */
  errorResponse(request: SpecRequest, error: SpecError): Response {
    const headers: Record<string, string> = { ...error.headers };
    if (error.retryAfter !== undefined) headers.RateLimit ??= `"default";r=0;t=${error.retryAfter}`;
    const instance = `${this.#options.basePath}${request.path}`;
    return this.#problem(error.status, error.detail, instance, error.code, headers, error.extra);
  }

  #route(request: SpecRequest): Route | undefined {
    const candidates = this.#routes
      .filter((r) => r.operationId === request.operationId && r.remaining > 0 && matches(r.match, request))
      .sort((a, b) => specificity(b.match) - specificity(a.match) || b.order - a.order);
    const route = candidates[0];
    if (route) route.remaining -= 1;
    return route;
  }

  #toResponse(request: SpecRequest, answer: SpecResponse): Response {
    const op = this.#ops.get(request.operationId)!;
    const headers = new Headers({ 'x-request-id': this.#requestId(), ...answer.headers });
    const status = answer.status ?? 200;
    if (op.download && answer.body === undefined && status < 300) {
      const file = this.#options.download?.(request) ?? {
        filename: `${request.operationId}.bin`,
        type: 'application/octet-stream',
        content: new TextEncoder().encode(`fake ${request.operationId}`),
      };
      headers.set('content-type', file.type);
      headers.set('content-disposition', `attachment; filename="${file.filename}"`);
      return new Response(file.content as Uint8Array<ArrayBuffer>, { status, headers });
    }
    if (status === 204) return new Response(null, { status, headers });
    let body: unknown = answer.body;
    if (answer.items) {
      if (op.paginated) {
        const limit = Number(one(request.query.limit) ?? 10);
        const offset = Number(one(request.query.offset) ?? 0);
        const total = answer.total ?? answer.items.length;
        body = { items: answer.items.slice(offset, offset + limit), limit, offset, total };
      } else body = answer.items;
    }
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify(body ?? null), { status, headers });
  }

  #problem(
    status: number,
    detail: string | undefined,
    instance: string,
    code?: string,
    extraHeaders: Record<string, string> = {},
    extra: Record<string, unknown> = {},
  ): Response {
    const requestId = this.#requestId();
    const title = STATUS_TEXT[status] ?? 'Error';
    const body = {
      status,
      title,
      detail: detail ?? title,
      instance,
      request_id: requestId,
      ...(code ? { code } : {}),
      ...extra,
    };
    const headers = {
      'content-type': 'application/problem+json',
      'x-request-id': requestId,
      ...extraHeaders,
    };
    return new Response(JSON.stringify(body), { status, headers });
  }

  #requestId(): string {
    this.#requestIds += 1;
    return `req_fake${String(this.#requestIds).padStart(12, '0')}`;
  }

  async #record(request: Request, op: SpecOperation, attempt: number): Promise<SpecRequest> {
    const url = new URL(request.url);
    const base = this.#options.basePath;
    const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return {
      operationId: op.operationId,
      method: request.method,
      url,
      path,
      pathParams: pathParams(op.path, path),
      query,
      headers,
      body: await bodyOf(request),
      attempt,
    };
  }
}

async function bodyOf(request: Request): Promise<unknown> {
  if (!request.body) return undefined;
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('multipart/form-data')) {
    const form = await request.formData();
    const out: Record<string, unknown> = {};
    form.forEach((value, name) => {
      out[name] = value;
    });
    return out;
  }
  const text = await request.text();
  if (type.includes('json')) return text ? JSON.parse(text) : undefined;
  return text;
}

function pathParams(template: string, path: string): Record<string, string> {
  const names: string[] = [];
  const pattern = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const m = new RegExp(`^${pattern}$`).exec(path);
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    out[name] = decodeURIComponent(m?.[i + 1] ?? '');
  });
  return out;
}

function matches(match: RouteMatch, request: SpecRequest): boolean {
  for (const [k, v] of Object.entries(match.params ?? {})) if (request.pathParams[k] !== v) return false;
  for (const [k, v] of Object.entries(match.query ?? {})) {
    const got = request.query[k];
    if (Array.isArray(got) ? !got.includes(v) : got !== v) return false;
  }
  return true;
}

function specificity(match: RouteMatch): number {
  return Object.keys(match.params ?? {}).length + Object.keys(match.query ?? {}).length;
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A sampled object answers for the resource its path names: on `/…/{x_id}` its `id` is that id, and
 * fields named like a path parameter (`company_id`, `campaign_id`…) take the parameter's value.
 */
function adopt(value: unknown, template: string, params: Record<string, string>): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = { ...(value as Record<string, unknown>) };
  for (const [name, id] of Object.entries(params)) if (typeof out[name] === 'string') out[name] = id;
  const last = /\{([^}]+)\}$/.exec(template)?.[1];
  if (last?.endsWith('_id') && typeof out.id === 'string' && params[last]) out.id = params[last];
  return out;
}

/** Builds model instances: `build(overrides)` and `batch(count, overrides)`. */
export interface Factory<T> {
  /** One instance, with `overrides` applied on top of the sampled fields. */
  build(overrides?: Partial<T>): T;
  /** `count` instances, each with `overrides` applied. */
  batch(count: number, overrides?: Partial<T>): T[];
}

/**
 * Factories for every model of an SDK, by spec name (`factories.Campaign.build({ name })`), from its
 * generated validators module (`v<Model>` schemas). Values are schema-valid and deterministic.
 */
export function createFactories<Schemas>(
  validators: Record<string, unknown>,
  seq = new SampleSequence(),
): { readonly [K in keyof Schemas]: Factory<Schemas[K]> } {
  const cache = new Map<string, Factory<unknown>>();
  return new Proxy({} as { readonly [K in keyof Schemas]: Factory<Schemas[K]> }, {
    get(_, name) {
      if (typeof name !== 'string') return undefined;
      let factory = cache.get(name);
      if (!factory) {
        const schema = schemaIn(validators, name);
        const build = (overrides?: object) => {
          const value = sample(schema, seq);
          return value && typeof value === 'object' && !Array.isArray(value)
            ? { ...value, ...overrides }
            : value;
        };
        factory = {
          build,
          batch: (count, overrides) => Array.from({ length: count }, () => build(overrides)),
        };
        cache.set(name, factory);
      }
      return factory;
    },
  });
}

/** The generated valibot schema of a model (`Company` → `vCompany`) in a validators module. */
export function schemaIn(validators: Record<string, unknown>, model: string): unknown {
  const wanted = `v${model}`.toLowerCase();
  const key = Object.keys(validators).find((name) => name.toLowerCase() === wanted);
  if (!key) throw new Error(`no model named ${model}`);
  return validators[key];
}
