/**
 * Retries as the seed's options configure them, on the runtime's policies: 429 waits what Valentina asks
 * (`RateLimit: …;t=N`, or `Retry-After`), 5xx and broken connections back off, an Idempotency-Key is
 * kept across the attempts of one call. The fake client's clock records every wait; none takes real time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitError, ServerError, TimeoutError } from '../src/index.js';
import { FakeValentinaClient, fakeClock, networkError, uuidOf } from '../src/testing/index.js';

const USER = uuidOf(1);
const COMPANY = uuidOf(2);
let fake: FakeValentinaClient;
afterEach(async () => {
  await fake.close();
});

const attempts = (operationId: Parameters<FakeValentinaClient['requestsFor']>[0]) =>
  fake.requestsFor(operationId).map((r) => r.attempt);

describe('429 → wait → retry', () => {
  it("waits the seconds of Valentina's RateLimit header (t=), then succeeds", async () => {
    fake = new FakeValentinaClient();
    fake.setError('listCompanies', { status: 429, retryAfter: 7 }, { times: 1 });
    const page = await fake.companies.getPage();
    expect(page.items).toHaveLength(1);
    expect(attempts('listCompanies')).toEqual([1, 2]);
    expect(fake.clock.sleeps).toEqual([7_000]);
  });

  it('takes the largest t over several rate-limit policies', async () => {
    fake = new FakeValentinaClient();
    fake.setError(
      'listCompanies',
      { status: 429, headers: { RateLimit: '"burst";r=0;t=2, "sustained";r=0;t=12' } },
      { times: 1 },
    );
    await fake.companies.getPage();
    expect(fake.clock.sleeps).toEqual([12_000]);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    fake = new FakeValentinaClient();
    fake.setError('getCompany', { status: 429, headers: { 'Retry-After': '3' } }, { times: 1 });
    await fake.companies.get(COMPANY);
    const inFiveSeconds = new Date(fake.clock.now() + 5_000).toUTCString();
    fake.setError('getCompany', { status: 429, headers: { 'Retry-After': inFiveSeconds } }, { times: 1 });
    await fake.companies.get(COMPANY);
    expect(fake.clock.sleeps).toEqual([3_000, 5_000]);
  });

  it('retries a POST after a 429 too (the server did not act on it)', async () => {
    fake = new FakeValentinaClient();
    fake.setError('createDiceRoll', { status: 429, retryAfter: 1 }, { times: 1 });
    await fake.diceRolls(USER).create({ num_dice: 3 });
    expect(attempts('createDiceRoll')).toEqual([1, 2]);
  });

  it('gives up after maxRetries (3 by default: 4 attempts) with a RateLimitError that says how long to wait', async () => {
    fake = new FakeValentinaClient();
    fake.setError('listCompanies', { status: 429, retryAfter: 2 });
    const error = await fake.companies.getPage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(2);
    expect(attempts('listCompanies')).toEqual([1, 2, 3, 4]);
    expect(fake.clock.sleeps).toEqual([2_000, 2_000, 2_000]);
  });

  it('maxRetryAfter bounds the wait a 429 may ask for: longer ends the call at once with retryAfter', async () => {
    fake = new FakeValentinaClient({ maxRetryAfter: 90_000 });
    fake.setError(
      'listCompanies',
      { status: 429, headers: { RateLimit: '"default";r=0;t=75' } },
      { times: 1 },
    );
    await fake.companies.getPage();
    expect(fake.clock.sleeps).toEqual([75_000]);

    fake = new FakeValentinaClient();
    fake.setError(
      'listCompanies',
      { status: 429, headers: { RateLimit: '"default";r=0;t=75' } },
      { times: 1 },
    );
    const error = await fake.companies.getPage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(75);
    expect(attempts('listCompanies')).toEqual([1]);
  });

  it('autoRetryRateLimit: false stops only the 429 retries', async () => {
    fake = new FakeValentinaClient({ autoRetryRateLimit: false });
    fake.setError('listCompanies', { status: 429, retryAfter: 2 }, { times: 1 });
    await expect(fake.companies.getPage()).rejects.toBeInstanceOf(RateLimitError);
    fake.setError('listCompanies', { status: 503 }, { times: 1 });
    await fake.companies.getPage();
    expect(attempts('listCompanies')).toEqual([1, 1, 2]);
  });
});

describe('5xx and connection failures', () => {
  it('backs off exponentially from retryDelay, capped by maxRetryDelay', async () => {
    fake = new FakeValentinaClient({ retryDelay: 1_000, maxRetryDelay: 3_000, random: () => 0 });
    fake.setError('listCompanies', { status: 503 });
    await expect(fake.companies.getPage()).rejects.toBeInstanceOf(ServerError);
    expect(fake.clock.sleeps).toEqual([1_000, 2_000, 3_000]);
  });

  it('does not repeat a POST without an Idempotency-Key after a 5xx (it may have taken effect)', async () => {
    fake = new FakeValentinaClient();
    fake.setError('createCampaign', { status: 503 }, { times: 1 });
    await expect(fake.campaigns(USER).create({ name: 'Chicago by Night' })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(attempts('createCampaign')).toEqual([1]);
  });

  it('retries a GET whose connection broke', async () => {
    fake = new FakeValentinaClient();
    fake.addRoute(
      'getCompany',
      () => {
        throw networkError('ECONNRESET');
      },
      { times: 2 },
    );
    const company = await fake.companies.get(COMPANY);
    expect(company.id).toBe(COMPANY);
    expect(attempts('getCompany')).toEqual([1, 2, 3]);
  });

  it('maxRetries: 0 sends once', async () => {
    fake = new FakeValentinaClient({ maxRetries: 0 });
    fake.setError('listCompanies', { status: 500 });
    await expect(fake.companies.getPage()).rejects.toBeInstanceOf(ServerError);
    expect(attempts('listCompanies')).toEqual([1]);
  });

  it('an attempt that outlives the timeout is abandoned and retried', async () => {
    const clock = fakeClock();
    fake = new FakeValentinaClient({ clock, timeout: 30_000 });
    let started: () => void = () => {};
    const firstAttemptStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    fake.addRoute(
      'getCompany',
      () => {
        started();
        return new Promise(() => {});
      },
      { times: 1 },
    );
    const call = fake.companies.get(COMPANY);
    await firstAttemptStarted;
    clock.advance(30_000);
    await expect(call).resolves.toMatchObject({ id: COMPANY });
    expect(attempts('getCompany')).toEqual([1, 2]);
  });

  it('a call that keeps timing out ends with TimeoutError', async () => {
    const clock = fakeClock();
    fake = new FakeValentinaClient({ clock, timeout: 1_000, maxRetries: 0 });
    let started: () => void = () => {};
    const attemptStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    fake.addRoute('getCompany', () => {
      started();
      return new Promise(() => {});
    });
    const call = fake.companies.get(COMPANY).catch((e: unknown) => e);
    await attemptStarted;
    clock.advance(1_000);
    expect(await call).toBeInstanceOf(TimeoutError);
  });
});

describe('idempotency keys', () => {
  it('reuses the caller’s key on every retry of one call', async () => {
    fake = new FakeValentinaClient();
    fake.setError('createCampaign', { status: 503 }, { times: 2 });
    await fake.campaigns(USER).create({ name: 'Chicago by Night' }, { idempotencyKey: 'camp-2026-01' });
    const keys = fake.requestsFor('createCampaign').map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual(['camp-2026-01', 'camp-2026-01', 'camp-2026-01']);
  });

  it('autoIdempotencyKeys: one fresh UUID per call, the same on its retries, none on GET', async () => {
    fake = new FakeValentinaClient({ autoIdempotencyKeys: true });
    fake.setError('createCampaign', { status: 502 }, { times: 1 });
    const campaigns = fake.campaigns(USER);
    await campaigns.create({ name: 'Chicago by Night' });
    await campaigns.create({ name: 'Berlin by Night' });
    await campaigns.getPage();
    const keys = fake.requestsFor('createCampaign').map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(fake.lastRequest('listCampaigns')?.headers['idempotency-key']).toBeUndefined();
  });

  it('autoIdempotencyKeys is off by default', async () => {
    fake = new FakeValentinaClient();
    await fake.campaigns(USER).create({ name: 'Chicago by Night' });
    expect(fake.lastRequest('createCampaign')?.headers['idempotency-key']).toBeUndefined();
  });
});
