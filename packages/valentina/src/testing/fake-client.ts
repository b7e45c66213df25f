import { type FakeClock, fakeClock } from '@sdkforge/runtime/testing';
import { ValentinaClient, type ValentinaClientOptions } from '../client.js';
import { createFactories, type Factories } from './factories.js';
import {
  type FakeError,
  type FakeResponse,
  FakeRouter,
  type OperationId,
  type RecordedRequest,
  type RouteHandler,
  type RouteMatch,
} from './router.js';
import { SampleSequence, uuidOf } from './sample.js';

export const FAKE_BASE_URL = 'https://fake.valentina-api.test';
export const FAKE_API_KEY = 'fake-api-key';
/** The fake client's `defaultCompanyId` unless you give one. */
export const FAKE_COMPANY_ID = uuidOf(0xc0);

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
  readonly #router: FakeRouter;

  constructor(options: FakeClientOptions = {}) {
    const seq = new SampleSequence();
    const router = new FakeRouter(seq);
    const clock = options.clock ?? fakeClock();
    super({
      ...options,
      baseUrl: FAKE_BASE_URL,
      apiKey: FAKE_API_KEY,
      defaultCompanyId: options.defaultCompanyId ?? FAKE_COMPANY_ID,
      fetch: router.fetch,
      clock,
    });
    this.clock = clock;
    this.#router = router;
    this.factories = createFactories(seq);
  }

  /** Every request received, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#router.requests;
  }

  /** The requests of one operation. */
  requestsFor(operationId: OperationId): RecordedRequest[] {
    return this.#router.requests.filter((r) => r.operationId === operationId);
  }

  /** The newest request (of one operation, if given). */
  lastRequest(operationId?: OperationId): RecordedRequest | undefined {
    const list = operationId ? this.requestsFor(operationId) : this.#router.requests;
    return list[list.length - 1];
  }

  /**
   * Answers `operationId` with `response`: `{ body }` for one object, `{ items }` for a collection
   * (served page by page), `{ status: 204 }`… The newest matching route wins.
   */
  setResponse<Op extends OperationId>(operationId: Op, response: FakeResponse<Op>, match?: RouteMatch): this {
    this.#router.add(operationId, () => response, match);
    return this;
  }

  /** Answers `operationId` with Valentina's problem+json error of `status` (→ `NotFoundError`, `RateLimitError`…). */
  setError(operationId: OperationId, error: FakeError, match?: RouteMatch): this {
    this.#router.add(operationId, (request) => this.#router.errorResponse(request, error), match);
    return this;
  }

  /** Answers `operationId` with whatever `handler` returns (a `FakeResponse` or a `Response`). */
  addRoute<Op extends OperationId>(operationId: Op, handler: RouteHandler<Op>, match?: RouteMatch): this {
    this.#router.add(operationId, handler, match);
    return this;
  }

  /** Forgets every route and every recorded request. */
  reset(): void {
    this.#router.reset();
  }
}
