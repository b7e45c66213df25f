/**
 * The fake transport: answers each operation with the response a test set for it, else with a
 * schema-valid sample, and records every request. Routes are keyed by operationId (the generated
 * `operationIndex` is the one list of operations), so a route can never name a call the SDK does not make.
 */
import { type CallContext, raceAbort } from '@sdkforge/runtime';
import { API_BASE_PATH, operationIndex } from '../generated/resources.gen.js';
import type { operations } from '../generated/schema.gen.js';
import * as validators from '../generated/validators.gen.js';
import { type SampleSequence, sample } from './sample.js';

export type OperationId = (typeof operationIndex)[number]['operationId'];

type Responses<Op extends OperationId> = operations[Op]['responses'];
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** The success body of an operation (what the SDK method resolves with). */
export type ResponseBody<Op extends OperationId> =
  JsonOf<Responses<Op>[200 & keyof Responses<Op>]> extends never
    ? JsonOf<Responses<Op>[201 & keyof Responses<Op>]>
    : JsonOf<Responses<Op>[200 & keyof Responses<Op>]>;
/** The item type of a paginated (or list) operation. */
export type ResponseItem<Op extends OperationId> =
  ResponseBody<Op> extends { items: (infer I)[] } ? I : ResponseBody<Op> extends (infer I)[] ? I : never;

/** One request the fake received. */
export interface RecordedRequest {
  operationId: OperationId;
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
export interface FakeResponse<Op extends OperationId = OperationId> {
  status?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** The JSON body of a single-object response. */
  body?: ResponseBody<Op> | undefined;
  /** The items of a paginated or list response; the fake serves them page by page (`limit`/`offset`). */
  items?: ResponseItem<Op>[] | undefined;
  /** Override the envelope's `total` (e.g. a collection that changes while you page through it). */
  total?: number | undefined;
}

/** What an error response says. */
export interface FakeError {
  status: number;
  detail?: string | undefined;
  /** Machine-readable reason (`TOKEN_VERIFICATION_FAILED`…). */
  code?: string | undefined;
  /** Seconds to wait, sent as `RateLimit: "default";r=0;t=<n>` (the way Valentina says it). */
  retryAfter?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** Extra members of the problem+json body (`invalid_parameters`…). */
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
export type RouteHandler<Op extends OperationId = OperationId> = (
  request: RecordedRequest,
) => FakeResponse<Op> | Response | Promise<FakeResponse<Op> | Response>;

/** A canned response of any operation, as the router handles it. */
interface AnyResponse {
  status?: number | undefined;
  headers?: Record<string, string> | undefined;
  body?: unknown;
  items?: unknown[] | undefined;
  total?: number | undefined;
}
type AnyHandler = (request: RecordedRequest) => AnyResponse | Response | Promise<AnyResponse | Response>;

interface Route {
  operationId: OperationId;
  match: RouteMatch;
  handler: AnyHandler;
  remaining: number;
  order: number;
}

type IndexEntry = (typeof operationIndex)[number] & { paginated?: boolean; download?: boolean };
const OPS = new Map<string, IndexEntry>(operationIndex.map((o) => [o.operationId, o as IndexEntry]));
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

export class FakeRouter {
  readonly requests: RecordedRequest[] = [];
  readonly #routes: Route[] = [];
  readonly #seq: SampleSequence;
  #order = 0;
  #requestIds = 0;

  constructor(seq: SampleSequence) {
    this.#seq = seq;
  }

  /** Registers a handler; the newest route that matches answers (routes with `params`/`query` first). */
  add(operationId: OperationId, handler: AnyHandler, match: RouteMatch = {}): void {
    if (!OPS.has(operationId)) throw new Error(`unknown operation ${operationId}`);
    this.#order += 1;
    this.#routes.push({
      operationId,
      match,
      handler,
      remaining: match.times ?? Number.POSITIVE_INFINITY,
      order: this.#order,
    });
  }

  reset(): void {
    this.#routes.length = 0;
    this.requests.length = 0;
  }

  /** The transport the fake client sends through. */
  readonly fetch = async (request: Request, context: CallContext): Promise<Response> => {
    const op = OPS.get(context.operationId);
    if (!op) return this.#problem(404, `No operation ${context.operationId}`, new URL(request.url).pathname);
    const recorded = await record(request, op, context.attempt);
    this.requests.push(recorded);
    const route = this.#route(recorded);
    const answer = route
      ? await raceAbort(Promise.resolve(route.handler(recorded)), context.signal ?? context.options.signal)
      : this.defaultResponse(recorded);
    return answer instanceof Response ? answer : this.#toResponse(recorded, answer);
  };

  /** The response of an operation nobody set: a schema-valid sample (one item for collections). */
  defaultResponse(request: RecordedRequest): AnyResponse {
    const op = OPS.get(request.operationId)!;
    if (op.download) return { status: 200 };
    const schema = responseSchema(request.operationId);
    const value = sample(schema, this.#seq);
    if (op.paginated) return { items: (value as { items: unknown[] }).items };
    if (value === undefined) return { status: 204 };
    return { body: adopt(value, op.path, request.pathParams) };
  }

  /** The problem+json response Valentina sends for an error. */
  errorResponse(request: RecordedRequest, error: FakeError): Response {
    const headers: Record<string, string> = { ...error.headers };
    if (error.retryAfter !== undefined) headers.RateLimit ??= `"default";r=0;t=${error.retryAfter}`;
    return this.#problem(
      error.status,
      error.detail,
      `${API_BASE_PATH}${request.path}`,
      error.code,
      headers,
      error.extra,
    );
  }

  #route(request: RecordedRequest): Route | undefined {
    const candidates = this.#routes
      .filter((r) => r.operationId === request.operationId && r.remaining > 0 && matches(r.match, request))
      .sort((a, b) => specificity(b.match) - specificity(a.match) || b.order - a.order);
    const route = candidates[0];
    if (route) route.remaining -= 1;
    return route;
  }

  #toResponse(request: RecordedRequest, answer: AnyResponse): Response {
    const op = OPS.get(request.operationId)!;
    const headers = new Headers({ 'x-request-id': this.#requestId(), ...answer.headers });
    const status = answer.status ?? 200;
    if (op.download && answer.body === undefined) {
      headers.set('content-type', 'application/zip');
      headers.set('content-disposition', 'attachment; filename="vapi-logs-fake.zip"');
      return new Response(new TextEncoder().encode('PK\u0003\u0004fake-log-archive'), { status, headers });
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
}

/** The generated schema of an operation's success body (`getCompany` → `vGetCompanyResponse`). */
export function responseSchema(operationId: string): unknown {
  const name = `v${operationId[0]!.toUpperCase()}${operationId.slice(1)}Response`;
  return (validators as Record<string, unknown>)[name];
}

async function record(request: Request, op: IndexEntry, attempt: number): Promise<RecordedRequest> {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(API_BASE_PATH)
    ? url.pathname.slice(API_BASE_PATH.length)
    : url.pathname;
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
    operationId: op.operationId as OperationId,
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

function matches(match: RouteMatch, request: RecordedRequest): boolean {
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
