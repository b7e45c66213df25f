import { raceAbort } from '../signal.js';
import type { CallContext, Fetch } from '../types.js';

/** A request as the mock saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** Path and query, e.g. `/api/v1/companies?limit=10`. */
  path: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** The body as text (`undefined` when there was none). */
  body: string | undefined;
  operationId: string;
  attempt: number;
  /** The body parsed as JSON. */
  json<T = unknown>(): T;
}

/** What a route answers: a Response, a description of one, an Error to throw, or a function of the request. */
export type MockReply =
  | Response
  | MockResponse
  | Error
  | ((request: RecordedRequest, call: number) => MockReply | Promise<MockReply>);

/** A canned answer of the mock fetch: status, headers and a JSON or raw body. */
export interface MockResponse {
  status?: number;
  /** Sent as JSON (`Content-Type: application/json`). */
  json?: unknown;
  body?: BodyInit | null;
  headers?: Record<string, string>;
}

/** One route of the mock fetch: which requests it matches and what it answers. */
export interface MockRoute {
  /** @default any method */
  method?: string;
  /** A pathname (`{name}` or `:name` match one segment, a trailing `*` anything) or a RegExp tested on path+query. */
  path: string | RegExp;
  /** One reply for every call, or a sequence: call n gets reply n, the last one repeats. */
  reply: MockReply | readonly MockReply[];
}

export interface MockFetch extends Fetch {
  /** Every request received, in order. */
  readonly calls: RecordedRequest[];
  /** Adds a route (routes added later win). */
  route(route: MockRoute): MockFetch;
  /** Requests whose method and path match. */
  callsTo(method: string, path: string | RegExp): RecordedRequest[];
  /** Forgets the recorded requests (routes stay, sequences restart). */
  reset(): void;
}

/** A Response with a JSON body. */
export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

/** An error shaped like undici's fetch failure (`TypeError: fetch failed`, `cause.code`). */
export function networkError(code = 'ECONNRESET', message = `read ${code}`): TypeError {
  const cause = Object.assign(new Error(message), { code });
  return new TypeError('fetch failed', { cause });
}

/**
 * A {@link Fetch} that answers from routes and records what it received, for tests without a network.
 * Unmatched requests get a 404 JSON problem. The attempt signal (`context.signal`) is honoured.
 *
 * @example
 * const fetch = mockFetch([{ method: 'GET', path: '/api/v1/companies', reply: [{ status: 503 }, { json: [] }] }]);
 */
export function mockFetch(routes: readonly MockRoute[] = []): MockFetch {
  const table = [...routes];
  const counts = new Map<MockRoute, number>();
  const calls: RecordedRequest[] = [];
  const fetch = (async (request: Request, context: CallContext) => {
    const recorded = await record(request, context);
    calls.push(recorded);
    const route = [...table].reverse().find((r) => matches(r, recorded));
    if (!route)
      return jsonResponse({ status: 404, title: 'No mock route', path: recorded.path }, { status: 404 });
    const n = counts.get(route) ?? 0;
    counts.set(route, n + 1);
    const replies = Array.isArray(route.reply) ? route.reply : [route.reply];
    const reply = replies[Math.min(n, replies.length - 1)] as MockReply;
    return raceAbort(resolve(reply, recorded, n), context.signal ?? context.options.signal);
  }) as MockFetch;
  Object.defineProperties(fetch, {
    calls: { value: calls },
    route: {
      value: (route: MockRoute) => {
        table.push(route);
        return fetch;
      },
    },
    callsTo: {
      value: (method: string, path: string | RegExp) =>
        calls.filter((c) => matches({ method, path, reply: [] }, c)),
    },
    reset: {
      value: () => {
        calls.length = 0;
        counts.clear();
      },
    },
  });
  return fetch;
}

async function resolve(reply: MockReply, request: RecordedRequest, call: number): Promise<Response> {
  if (typeof reply === 'function') return resolve(await reply(request, call), request, call);
  if (reply instanceof Error) throw reply;
  if (reply instanceof Response) return reply.clone();
  if (reply.json !== undefined)
    return jsonResponse(reply.json, { status: reply.status, headers: reply.headers });
  return new Response(reply.body ?? null, { status: reply.status ?? 200, headers: reply.headers });
}

async function record(request: Request, context: CallContext): Promise<RecordedRequest> {
  const url = new URL(request.url);
  const body = request.body ? await request.text() : undefined;
  return {
    method: request.method,
    url: request.url,
    path: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
    body,
    operationId: context.operationId,
    attempt: context.attempt,
    json: <T>() => JSON.parse(body ?? 'null') as T,
  };
}

function matches(route: MockRoute, request: RecordedRequest): boolean {
  if (route.method && route.method.toUpperCase() !== request.method) return false;
  if (route.path instanceof RegExp) return route.path.test(request.path);
  const pathname = request.path.split('?')[0] as string;
  return pathPattern(route.path).test(pathname);
}

function pathPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((segment) =>
      /^(\{[^}]+\}|:.+)$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped.replace(/\\\*$/, '.*')}$`);
}
