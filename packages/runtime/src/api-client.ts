import createClient, { type Client, createQuerySerializer } from 'openapi-fetch';
import {
  AbortError,
  APIError,
  ConnectionError,
  ResponseParseError,
  SdkError,
  TimeoutError,
  TransportError,
} from './errors.js';
import { isIdempotentMethod, requestOutcome } from './policies/retry-decision.js';
import { inputSecrets, redactUrl } from './redact.js';
import type { CallContext, CallOptions, Fetch } from './types.js';
import { type InputSchemas, validateInput } from './validate.js';

/** The HTTP methods an operation can use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** How a request body is encoded. */
export type RequestEncoding = 'json' | 'form' | 'multipart' | 'text' | 'binary';
/** How a success response is read. */
export type ResponseDecoding = 'json' | 'text' | 'stream' | 'empty';

/** Everything the runtime needs to know about one operation. Emitted by the generator. */
export interface OperationDescriptor {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template relative to the API's base path, e.g. `/companies/{company_id}`. */
  readonly path: string;
  /** This operation's own base path (the spec gives it its own `servers`), replacing the API's. */
  readonly basePath?: string;
  /** The spec says `security: []`: no credentials are sent. */
  readonly anonymous?: boolean;
  readonly request?: { readonly encoding: RequestEncoding; readonly contentType: string };
  readonly response: ResponseDecoding;
  readonly validate?: InputSchemas;
}

/** The parts of one call's input. */
export interface RequestInput {
  path?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  headers?: Record<string, string | undefined> | undefined;
  body?: unknown;
}

/** What an {@link ApiClient} is built from: where the API is, the transport that carries its requests, and how inputs are checked. */
export interface ApiClientConfig {
  /** Server root, e.g. `https://api.valentina-noir.com`. */
  baseUrl: string;
  /** The API's base path on that server (the path of the spec's first server URL), e.g. `/api/v1`. */
  basePath?: string;
  /** The transport (a policy stack around a base fetch). */
  transport: Fetch;
  /** Headers sent with every call (e.g. `User-Agent`). */
  headers?: Record<string, string>;
  /** Check input against the spec before sending. @default true */
  validateRequests?: boolean;
  /** How errors name the transport when it fails before any response. @default 'the transport' */
  transportName?: string;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const parseAs = { json: 'json', text: 'text', stream: 'stream', empty: 'text' } as const;

/**
 * The request engine every generated resource calls: validates input, builds the request with
 * openapi-fetch, sends it through the transport and turns failures into typed errors.
 */
export class ApiClient {
  readonly baseUrl: string;
  readonly basePath: string;
  readonly #transport: Fetch;
  readonly #validate: boolean;
  readonly #headers: Record<string, string>;
  readonly #transportName: string;
  readonly #engine: Client<Record<string, never>>;

  constructor(config: ApiClientConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
    this.basePath = (config.basePath ?? '').replace(/\/+$/, '');
    this.#transport = config.transport;
    this.#validate = config.validateRequests ?? true;
    this.#headers = config.headers ?? {};
    this.#transportName = config.transportName ?? 'the transport';
    // One query serializer for every call (openapi-fetch would otherwise build its default one per call).
    this.#engine = createClient({
      baseUrl: this.baseUrl + this.basePath,
      headers: config.headers ?? {},
      querySerializer: createQuerySerializer(),
    });
  }

  /** Calls one operation and resolves with its decoded success body (a `Response` for streams). */
  async request<T>(op: OperationDescriptor, input: RequestInput = {}, options: CallOptions = {}): Promise<T> {
    const headers = compactHeaders(input.headers, options);
    if (this.#validate && op.validate) {
      validateInput(op.id, op.validate, { path: input.path, query: input.query, headers, body: input.body });
    }
    const context: CallContext = {
      operationId: op.id,
      anonymous: op.anonymous ?? false,
      engine: true,
      options,
      attempt: 1,
      stream: op.response === 'stream',
      cleanup: [],
      // Credentials in the input (auth policies add theirs): an error quoting them back has them removed.
      secrets: inputSecrets({
        headers: { ...this.#headers, ...headers },
        query: input.query,
        body: input.body,
      }),
    };
    let received: Response | undefined;
    let sent: Request | undefined;
    const init: Record<string, unknown> = {
      params: { path: input.path ?? {}, query: compactQuery(input.query) },
      headers,
      parseAs: parseAs[op.response],
      fetch: async (request: Request) => {
        sent = request;
        received = await this.#transport(request, context);
        return received;
      },
    };
    // The caller's signal is not given to the Request: the policies watch it (a long-lived signal handed to
    // every Request would collect one dependent signal per call). A redirected POST is not silently re-sent
    // as a GET: only GET and HEAD follow redirects.
    if (op.method !== 'GET' && op.method !== 'HEAD') init.redirect = 'manual';
    if (op.basePath !== undefined) init.baseUrl = this.baseUrl + op.basePath.replace(/\/+$/, '');
    if (op.request && input.body !== undefined) {
      const body = serializeBody(op.request.encoding, op.request.contentType, input.body, headers);
      init.body = body;
      init.bodySerializer = passThrough;
      if (isStream(body)) {
        init.duplex = 'half';
        context.replayable = false;
      } else {
        context.body = body as CallContext['body'];
      }
    }
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the engine is untyped here; the generated signatures carry the types.
      result = await (this.#engine as any).request(op.method.toLowerCase(), op.path, init);
    } catch (error) {
      throw toSdkError(error, op, options.signal, received, this.#transportName, sent);
    } finally {
      for (const release of context.cleanup ?? []) release();
    }
    const { response } = result;
    if (!response.ok) {
      throw APIError.from({
        status: response.status,
        headers: response.headers,
        body: result.error,
        method: op.method,
        url: redactUrl(response.url),
        operationId: op.id,
        secrets: context.secrets,
      });
    }
    if (op.response === 'stream') return response as T;
    if (op.response === 'empty') return undefined as T;
    return result.data as T;
  }

  [inspectSymbol](): string {
    return `ApiClient { baseUrl: '${this.baseUrl}', basePath: '${this.basePath}' }`;
  }
}

function compactHeaders(
  params: Record<string, string | undefined> | undefined,
  options: CallOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of [params, options.headers]) {
    if (!source) continue;
    for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== null) out[k] = String(v);
  }
  if (options.idempotencyKey) out['Idempotency-Key'] = options.idempotencyKey;
  return out;
}

function compactQuery(query: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (query) for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

/** The body as it goes on the wire (kept in the call context so retries can rebuild the request). */
function serializeBody(
  encoding: RequestEncoding,
  contentType: string,
  body: unknown,
  headers: Record<string, string>,
): unknown {
  switch (encoding) {
    case 'json':
      return JSON.stringify(body);
    case 'form':
      headers['Content-Type'] = contentType;
      return new URLSearchParams(body as Record<string, string>).toString();
    case 'multipart':
      return toFormData(body);
    default:
      headers['Content-Type'] = contentType;
      return body;
  }
}

function passThrough(body: unknown): unknown {
  return body;
}

function isStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

function toFormData(body: unknown): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    if (v instanceof Blob) form.append(k, v, v instanceof File ? v.name : k);
    else form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return form;
}

/**
 * Turns whatever the transport or the body parser threw into the SDK's typed errors. `request` (the request
 * as the transport got it) lets a connection failure say whether a write without an Idempotency-Key may
 * have been executed.
 */
export function toSdkError(
  error: unknown,
  op: { id: string },
  signal?: AbortSignal,
  response?: Response,
  transport = 'the transport',
  request?: Request,
): SdkError {
  if (SdkError.is(error)) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'AbortError' || signal?.aborted) {
    return new AbortError(`${op.id} was aborted`, { cause: signal?.reason ?? error });
  }
  const unsafe =
    request !== undefined && !isIdempotentMethod(request.method) && !request.headers.has('idempotency-key');
  const mayHaveRun = unsafe
    ? ': the server may have executed it; send an idempotencyKey to retry safely'
    : '';
  if (name === 'TimeoutError') {
    return new TimeoutError(`${op.id} timed out${mayHaveRun}`, { cause: error, outcome: 'unknown' });
  }
  if (error instanceof SyntaxError) {
    // A SyntaxError before any response is not about the server's body: a module of the transport failed to
    // load (an export missing on this runtime) or the transport broke.
    if (!response) {
      return new TransportError(transport, `failed before any response (${error.name}: ${error.message})`, {
        cause: error,
      });
    }
    // An error status is that status's error, whatever its body looks like.
    if (!response.ok) {
      return APIError.from({
        status: response.status,
        headers: response.headers,
        body: undefined,
        url: redactUrl(response.url),
        operationId: op.id,
      });
    }
    const type = response.headers.get('content-type');
    return new ResponseParseError(
      `${op.id}: the server's response was not valid JSON (status ${response.status}, content-type ${type ?? 'none'}): ${error.message}`,
      { cause: error },
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const code = (error as { code?: string } | null)?.code;
  const detail = cause?.code ?? code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  const outcome = requestOutcome(error);
  if (outcome === 'not-sent') {
    return new ConnectionError(`${op.id}: could not reach the server (${detail}); the request was not sent`, {
      cause: error,
      outcome,
    });
  }
  return new ConnectionError(
    `${op.id}: the connection failed after the request may have been sent (${detail})${
      mayHaveRun || ': the server may have received it'
    }`,
    { cause: error, outcome },
  );
}
