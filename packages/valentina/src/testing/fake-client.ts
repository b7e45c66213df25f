import {
  createFactories,
  type Factory,
  type FakeClock,
  fakeClock,
  type RouteMatch,
  SampleSequence,
  type SpecError,
  SpecFake,
  type SpecRequest,
  type SpecResponse,
  schemaIn,
  uuidOf,
} from '@sdkforge/runtime/testing';
import { ValentinaClient, type ValentinaClientOptions } from '../client.js';
import { API_BASE_PATH, operationIndex } from '../generated/operations.gen.js';
import type { components, operations } from '../generated/schema.gen.js';
import * as validators from '../generated/validators.gen.js';

/** The base URL of the fake client (never contacted: the fake answers every request itself). */
export const FAKE_BASE_URL = 'https://fake.valentina-api.test';
/** The API key the fake client sends. */
export const FAKE_API_KEY = 'fake-api-key';
/** The fake client's `defaultCompanyId` unless you give one. */
export const FAKE_COMPANY_ID = uuidOf(0xc0);

/** The operationId of any Valentina operation. */
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
/** A canned response: `{ body }` for one object, `{ items }` for a collection, `{ status: 204 }`… */
export type FakeResponse<Op extends OperationId = OperationId> = SpecResponse<
  ResponseBody<Op>,
  ResponseItem<Op>
>;
/** Valentina's problem+json error: `status`, `detail`, `code`, `retryAfter` (sent as `RateLimit` t=)… */
export type FakeError = SpecError;
/** One request the fake received. */
export type RecordedRequest = SpecRequest<OperationId>;
/** Answers a request; it may also throw (e.g. `networkError()`) to fail the exchange like a broken connection. */
export type RouteHandler<Op extends OperationId = OperationId> = (
  request: RecordedRequest,
) => FakeResponse<Op> | Response | Promise<FakeResponse<Op> | Response>;
/** One factory per schema of the API, by its spec name (`factories.Company`, `factories.Character`…). */
export type Factories = { readonly [K in keyof components['schemas']]: Factory<components['schemas'][K]> };

/** The generated schema of an operation's success body (`getCompany` → `vGetCompanyResponse`). */
export function responseSchema(operationId: string): unknown {
  return schemaIn(validators, `${operationId}Response`);
}

/** The generated valibot schema of a model (`Company` → `vCompany`). */
export const schemaOf = (model: string): unknown => schemaIn(validators, model);
/** Factories with their own id sequence. */
export const factories: Factories = createFactories(validators);

/** Options of the fake client: those of `ValentinaClient` except the transport, base URL, key and config, plus a fake clock. */
export type FakeClientOptions = Omit<
  ValentinaClientOptions,
  'fetch' | 'baseUrl' | 'apiKey' | 'config' | 'clock'
> & {
  /** The clock of retries and timeouts. @default `fakeClock()`: backoff waits take no real time */
  clock?: FakeClock | undefined;
};

/**
 * A `ValentinaClient` whose transport is in memory: every service, validator, error mapping and
 * pagination path of the real client runs; only the network is replaced. It registers itself as the
 * default client (unless `setAsDefault: false`), so code under test that calls `campaignsService(…)`
 * talks to it.
 *
 * ```ts
 * await using fake = new FakeValentinaClient();
 * fake.setResponse('listCampaigns', { items: fake.factories.Campaign.batch(3) });
 * fake.setError('getCampaign', { status: 404 });
 * ```
 */
export class FakeValentinaClient extends ValentinaClient {
  /** Factories for every model, numbered apart from the fake's own sample data. */
  readonly factories: Factories;
  /** The clock retries wait on: `clock.sleeps` lists every backoff wait, and none of them took real time. */
  readonly clock: FakeClock;
  readonly #fake: SpecFake;

  constructor(options: FakeClientOptions = {}) {
    const seq = new SampleSequence();
    const fake = new SpecFake({
      operations: operationIndex,
      basePath: API_BASE_PATH,
      responseSchema,
      seq,
      download: () => ({
        filename: 'vapi-logs-fake.zip',
        type: 'application/zip',
        content: new TextEncoder().encode('PK\u0003\u0004fake-log-archive'),
      }),
    });
    const clock = options.clock ?? fakeClock();
    super({
      ...options,
      baseUrl: FAKE_BASE_URL,
      apiKey: FAKE_API_KEY,
      defaultCompanyId: options.defaultCompanyId ?? FAKE_COMPANY_ID,
      fetch: fake.fetch,
      clock,
    });
    this.clock = clock;
    this.#fake = fake;
    this.factories = createFactories(validators, seq);
  }

  /** Every request received, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#fake.requests as RecordedRequest[];
  }

  /** The requests of one operation. */
  requestsFor(operationId: OperationId): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  /** The newest request (of one operation, if given). */
  lastRequest(operationId?: OperationId): RecordedRequest | undefined {
    return (operationId ? this.requestsFor(operationId) : this.requests).at(-1);
  }

  /**
   * Answers `operationId` with `response`: `{ body }` for one object, `{ items }` for a collection
   * (served page by page), `{ status: 204 }`… The newest matching route wins.
   */
  setResponse<Op extends OperationId>(operationId: Op, response: FakeResponse<Op>, match?: RouteMatch): this {
    this.#fake.add(operationId, () => response, match);
    return this;
  }

  /** Answers `operationId` with Valentina's problem+json error of `status` (→ `NotFoundError`, `RateLimitError`…). */
  setError(operationId: OperationId, error: FakeError, match?: RouteMatch): this {
    this.#fake.add(operationId, (request) => this.#fake.errorResponse(request, error), match);
    return this;
  }

  /** Answers `operationId` with whatever `handler` returns (a `FakeResponse` or a `Response`). */
  addRoute<Op extends OperationId>(operationId: Op, handler: RouteHandler<Op>, match?: RouteMatch): this {
    this.#fake.add(operationId, handler as (request: SpecRequest) => FakeResponse<Op> | Response, match);
    return this;
  }

  /** Forgets every route and every recorded request. */
  reset(): void {
    this.#fake.reset();
  }
}
