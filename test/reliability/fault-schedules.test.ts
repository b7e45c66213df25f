/**
 * Random fault schedules (fast-check): every run draws a batch of calls — GET, POST with and without an
 * Idempotency-Key, PATCH, resumable downloads and 401-refresh storms — and every call draws the faults its
 * attempts meet (resets before and during the body, 5xx, 429 with Retry-After or RateLimit, slow headers
 * and bodies, truncation, malformed JSON, wrong content types, final 4xx), sometimes under a deadline.
 *
 * Each call is checked against an oracle written from the documented retry rules (not from the runtime's
 * code): the attempts the server saw, and the data or the typed error the call ended with. Then the ledger
 * (server record vs. caller record) must show nothing duplicated and no ghost success; downloads must be
 * byte-identical; each storm must make exactly one refresh; no call may outlive its deadline by more than
 * one timer tick.
 *
 * Time is virtual per call, so a busy machine cannot change an outcome: waits the client asks for (backoff,
 * Retry-After) pass at once, and its timers (attempt timeout, deadline) fire only when the server stalls
 * that call (slow headers, a body that stops) — as real time would, with nothing else happening meanwhile.
 *
 * Replay a failure: SDKFORGE_FUZZ_SEED=<seed printed> (and SDKFORGE_FUZZ_PATH=<path> to skip shrinking).
 * SDKFORGE_FUZZ_RUNS sets the number of batches (default 70, ≥ 1,000 calls).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import {
  type Clock,
  createSdkTransport,
  type OperationDescriptor,
  SdkError,
  sessionAuth,
} from '@sdkforge/runtime';
import { download, type NodeTransport, nodeTransport } from '@sdkforge/runtime/node';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type Fault, type FaultServer, sha256, startFaultServer } from '../helpers/fault-server.ts';
import { report } from '../helpers/report.ts';
import { ops } from './harness.ts';
import { type CallRecord, logicalId, RecordingApiClient, reconcile } from './ledger.ts';

/** One attempt's time (ms): slow faults last well past it, everything else stays well under it. */
const TIMEOUT = 300;
const SLOW = 3 * TIMEOUT;
/** How long the server really holds a stalled call (the client's virtual timer ends it long before). */
const STALL = 10_000;
/** One timer tick of the virtual clock. */
const TICK = 1;
const MAX_ATTEMPTS = 3;

const patch = {
  id: 'updateItem',
  method: 'PATCH',
  path: '/items/1',
  response: 'json',
  request: { encoding: 'json', contentType: 'application/json' },
} as const satisfies OperationDescriptor;
const stormList = { id: 'listStormItems', method: 'GET', path: '/storm/items', response: 'json' } as const;

// ---------------------------------------------------------------------------------------------------
// The schedules

const retryAfter = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((s) => ({ 'retry-after': String(s) })),
  fc.integer({ min: 1, max: 5 }).map((s) => ({ ratelimit: `"default";r=0;t=${s}` })),
  fc
    .integer({ min: 1, max: 5 })
    .map((s) => ({ 'retry-after': new Date(Date.now() + s * 1000).toUTCString() })),
);

const fault: fc.Arbitrary<Fault> = fc.oneof(
  { arbitrary: fc.constant<Fault>({ kind: 'ok' }), weight: 2 },
  fc.constant<Fault>({ kind: 'reset-before-headers' }),
  fc.integer({ min: 1, max: 200 }).map<Fault>((after) => ({ kind: 'reset-mid-body', after })),
  fc.constantFrom(500, 502, 503, 504).map<Fault>((status) => ({ kind: 'status', status })),
  retryAfter.map<Fault>((headers) => ({ kind: 'status', status: 429, headers })),
  fc.constantFrom(404, 409, 422).map<Fault>((status) => ({ kind: 'status', status })),
  fc.constant<Fault>({ kind: 'slow-headers', ms: SLOW }),
  fc.constant<Fault>({ kind: 'slow-headers', ms: 5 }),
  fc.constant<Fault>({ kind: 'slow-body', chunks: 4, everyMs: TIMEOUT / 2 }),
  fc.integer({ min: 1, max: 200 }).map<Fault>((after) => ({ kind: 'truncate', after })),
  fc.constant<Fault>({ kind: 'malformed-json' }),
  fc.constant<Fault>({ kind: 'wrong-content-type' }),
);
const schedule = fc.array(fault, { maxLength: MAX_ATTEMPTS + 1 });
const deadline = fc.option(fc.constantFrom(150, 300, 600), { freq: 4, nil: undefined });

type Call =
  | { kind: 'get'; schedule: Fault[]; deadline: number | undefined }
  | { kind: 'post'; keyed: boolean; schedule: Fault[]; deadline: number | undefined }
  | { kind: 'patch'; keyed: boolean; schedule: Fault[]; deadline: number | undefined }
  | {
      kind: 'download';
      size: number;
      ranges: boolean;
      cuts: { kind: 'truncate' | 'reset-mid-body'; at: number }[];
    }
  | { kind: 'storm'; calls: number; after: Fault[][] };

/** Faults a GET survives (retried), for the calls of a storm once their token is renewed. */
const recoverable = fc.array(
  fc.oneof(
    fc.constant<Fault>({ kind: 'reset-before-headers' }),
    fc.constantFrom(502, 503).map<Fault>((status) => ({ kind: 'status', status })),
    fc.constant<Fault>({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }),
  ),
  { maxLength: 1 },
);

const call: fc.Arbitrary<Call> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('get' as const), schedule, deadline }), weight: 4 },
  {
    arbitrary: fc.record({ kind: fc.constant('post' as const), keyed: fc.boolean(), schedule, deadline }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('patch' as const), keyed: fc.boolean(), schedule, deadline }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('download' as const),
      size: fc.integer({ min: 1, max: 256 * 1024 }),
      ranges: fc.boolean(),
      cuts: fc.array(
        fc.record({
          kind: fc.constantFrom('truncate' as const, 'reset-mid-body' as const),
          at: fc.double({ min: 0, max: 0.99, noNaN: true }),
        }),
        { maxLength: 3 },
      ),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.integer({ min: 5, max: 15 }).chain((calls) =>
      fc.record({
        kind: fc.constant('storm' as const),
        calls: fc.constant(calls),
        after: fc.array(recoverable, { minLength: calls, maxLength: calls }),
      }),
    ),
    weight: 1,
  },
);
const batch = fc.array(call, { minLength: 12, maxLength: 16 });

// ---------------------------------------------------------------------------------------------------
// The oracle: the documented retry rules (packages/runtime/README.md, "Retries")

type Expected = { attempts: number; outcome: 'ok' | string };

/**
 * What a call must end with, and after how many attempts: up to 3 attempts; 429 is retried for every
 * method (a refusal); 5xx (500/502/503/504), resets, truncated bodies and attempt timeouts only when the
 * request may be repeated (GET, or a write with an Idempotency-Key); other 4xx and unreadable bodies end
 * the call at once.
 */
function oracle(faults: readonly Fault[], safe: boolean): Expected {
  for (let i = 0; ; i++) {
    const f = faults[i] ?? { kind: 'ok' };
    const [outcome, retryable] = classify(f, safe);
    if (outcome === 'ok' || !retryable || i + 1 >= MAX_ATTEMPTS) return { attempts: i + 1, outcome };
  }
}

function classify(f: Fault, safe: boolean): [string, boolean] {
  switch (f.kind) {
    case 'ok':
      return ['ok', false];
    case 'status':
      if (f.status === 429) return ['RateLimitError', true];
      if (f.status >= 500) return ['ServerError', safe];
      return [
        f.status === 404 ? 'NotFoundError' : f.status === 409 ? 'ConflictError' : 'ValidationError',
        false,
      ];
    case 'reset-before-headers':
    case 'reset-mid-body':
    case 'truncate':
      return ['ConnectionError', safe];
    case 'slow-headers':
      return f.ms >= TIMEOUT ? ['TimeoutError', safe] : ['ok', false];
    case 'slow-body':
      return ['TimeoutError', safe];
    case 'malformed-json':
    case 'wrong-content-type':
      return ['ResponseParseError', false];
    default:
      return ['unexpected fault', false];
  }
}

// ---------------------------------------------------------------------------------------------------
// The clock: virtual time per call. `sleep` moves it at once; timers wait until the server stalls the call.

class StallClock implements Clock {
  #now = Date.now();
  #timers: { due: number; seq: number; fn: () => void }[] = [];
  #seq = 0;
  now(): number {
    return this.#now;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.#now += ms;
    return new Promise((resolve) => setImmediate(resolve));
  }
  setTimer(fn: () => void, ms: number): () => void {
    const timer = { due: this.#now + Math.max(0, ms), seq: this.#seq++, fn };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  }
  /**
   * The server holds this call: time runs on, firing the timers that were pending when it stalled, in
   * order, one per macrotask, until none is left (the stalled attempt's own timer is among them; timers of
   * attempts that already ended may come first). Timers armed later belong to later attempts: not touched.
   */
  stall(): void {
    const before = this.#seq;
    const step = () => {
      const next = this.#timers
        .filter((t) => t.seq < before)
        .sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!next) return;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#now = Math.max(this.#now, next.due);
      next.fn();
      setTimeout(step, 2);
    };
    step();
  }
}

// ---------------------------------------------------------------------------------------------------

const seed = process.env.SDKFORGE_FUZZ_SEED
  ? Number(process.env.SDKFORGE_FUZZ_SEED)
  : Date.now() ^ (Math.random() * 2 ** 31);
const path = process.env.SDKFORGE_FUZZ_PATH;
const numRuns = Number(process.env.SDKFORGE_FUZZ_RUNS ?? 70);

const stats = {
  runs: 0,
  calls: 0,
  attempts: 0,
  faults: 0,
  refreshStorms: 0,
  downloads: 0,
  deadlines: 0,
  maxOvershoot: Number.NEGATIVE_INFINITY,
};
const ledgerTotals = { calls: 0, executed: 0, lost: 0, ghost: 0, hidden: 0, disclosed: 0, duplicated: 0 };

let server: FaultServer;
let base: NodeTransport;
const scratch = mkdtempSync(join(tmpdir(), 'fault-schedules-'));
const schedules = new Map<string, readonly Fault[]>();
const attemptsOf = new Map<string, number>();
const clocks = new Map<string, StallClock>();
const storms = new Map<string, { rotation: number; refreshes: number }>();

/** The next fault of a call's schedule (by its logical id); the data of a success names the attempt. */
function scripted(_n: number, request: { headers: Record<string, unknown> }): Fault {
  const id = request.headers['x-logical-id'] as string;
  const attempt = attemptsOf.get(id) ?? 0;
  attemptsOf.set(id, attempt + 1);
  const f = schedules.get(id)?.[attempt] ?? { kind: 'ok' };
  const answer: Fault = { kind: 'ok', json: { id, attempt } };
  if (f.kind === 'ok') return answer;
  if (f.kind === 'slow-headers' && f.ms < TIMEOUT) {
    // biome-ignore lint/suspicious/noThenProperty: the fault server's field for what follows a slow start.
    return { ...f, then: answer };
  }
  if (f.kind === 'slow-headers' || f.kind === 'slow-body') {
    // The server holds the call (no headers, or a body that stops after its first piece): on the call's
    // clock, time runs to its next timer. The real delay is only a backstop.
    setTimeout(() => clocks.get(id)?.stall(), f.kind === 'slow-body' ? 20 : 1);
    return f.kind === 'slow-body' ? { ...f, everyMs: STALL } : { ...f, ms: STALL };
  }
  return f;
}

beforeAll(async () => {
  server = await startFaultServer();
  base = nodeTransport();
  server.route('GET', '/items', scripted);
  server.route('POST', '/items', scripted, { effect: true });
  server.route('PATCH', '/items/1', scripted, { effect: true });
  server.route('GET', '/storm/items', (n, request) => {
    const [, storm, rotation] =
      /^Bearer access-(.+)-(\d+)$/.exec(String(request.headers.authorization)) ?? [];
    const state = storms.get(storm ?? '');
    if (!state || Number(rotation) !== state.rotation) return { kind: 'status', status: 401 };
    return scripted(n, request);
  });
  server.route('POST', '/auth/refresh', (_n, request) => {
    const { refresh } = JSON.parse(request.body) as { refresh: string };
    const [, storm, rotation] = /^refresh-(.+)-(\d+)$/.exec(refresh) ?? [];
    const state = storms.get(storm ?? '');
    if (!state || Number(rotation) !== state.rotation) return { kind: 'status', status: 401 };
    state.rotation++;
    state.refreshes++;
    return {
      kind: 'ok',
      json: { access: `access-${storm}-${state.rotation}`, refresh: `refresh-${storm}-${state.rotation}` },
    };
  });
  // Warm-up: connections open and code compiled before any attempt is timed.
  const warm = client([]);
  await Promise.all(
    Array.from({ length: 16 }, () =>
      warm.api.request(ops.list, {}, { headers: { 'x-logical-id': logicalId('warm-up') } }),
    ),
  );
  process.stdout.write(
    `\nfault schedules: seed=${seed} (replay: SDKFORGE_FUZZ_SEED=${seed}), batches=${numRuns}\n`,
  );
});

afterAll(async () => {
  await base?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
  report(
    'fault-schedules',
    `fault schedules: seed=${seed} (replay: SDKFORGE_FUZZ_SEED=${seed}) batches=${stats.runs} calls=${stats.calls} attempts=${stats.attempts} ` +
      `faults injected=${stats.faults} refresh storms=${stats.refreshStorms} downloads=${stats.downloads} ` +
      `calls under a deadline=${stats.deadlines} (largest overshoot ${stats.maxOvershoot} ms of virtual time)\n` +
      `ledger (fault schedules): calls=${ledgerTotals.calls} executed by the server=${ledgerTotals.executed} ` +
      `lost=${ledgerTotals.lost} (ok but never executed/served: ${ledgerTotals.ghost}; writes executed ` +
      `behind an error that hides them: ${ledgerTotals.hidden}) disclosed=${ledgerTotals.disclosed} ` +
      `(keyless writes executed behind an error that says they may have happened) duplicated=${ledgerTotals.duplicated}`,
  );
});

/** A client for one call: its own clock (so skipped waits stay its own), the shared connection pool. */
function client(
  calls: CallRecord[],
  options: { deadline?: number | undefined; auth?: ReturnType<typeof sessionAuth>['policy'] } = {},
) {
  const clock = new StallClock();
  const transport = createSdkTransport({
    fetch: base,
    clock,
    timeout: TIMEOUT,
    deadline: options.deadline,
    auth: options.auth,
    retry: { baseDelay: 5, maxDelay: 40 },
    retryBudget: false,
    random: () => 0.5,
  });
  return { api: new RecordingApiClient({ baseUrl: server.url, transport }, calls), clock };
}

interface Check {
  problems: string[];
  calls: CallRecord[];
}

async function runRequest(c: Extract<Call, { kind: 'get' | 'post' | 'patch' }>, check: Check) {
  const id = logicalId(c.kind);
  schedules.set(id, c.schedule);
  const { api, clock } = client(check.calls, { deadline: c.deadline });
  clocks.set(id, clock);
  const keyed = c.kind !== 'get' && c.keyed;
  const op = c.kind === 'get' ? ops.list : c.kind === 'post' ? ops.create : patch;
  const started = clock.now();
  let result: unknown;
  let error: unknown;
  try {
    result = await api.request(op, c.kind === 'get' ? {} : { body: { call: id } }, {
      headers: { 'x-logical-id': id },
      ...(keyed ? { idempotencyKey: `key-${id}` } : {}),
    });
  } catch (e) {
    error = e;
  }
  const elapsed = clock.now() - started;
  const seen = attemptsOf.get(id) ?? 0;
  stats.attempts += seen;
  stats.faults += c.schedule.slice(0, seen).filter((f) => f.kind !== 'ok').length;
  const expected = oracle(c.schedule, c.kind === 'get' || keyed);
  const got = error === undefined ? 'ok' : (error as Error).name;
  const where = `${c.kind}${keyed ? ' (keyed)' : ''} ${JSON.stringify(c.schedule.map((f) => (f.kind === 'status' ? f.status : f.kind)))}${c.deadline ? ` deadline ${c.deadline}` : ''}`;
  if (error !== undefined && !SdkError.is(error))
    check.problems.push(`${where}: untyped error ${String(error)}`);
  if (c.deadline === undefined) {
    if (got !== expected.outcome || seen !== expected.attempts) {
      check.problems.push(
        `${where}: expected ${expected.outcome} after ${expected.attempts} attempts, got ${got} after ${seen}`,
      );
    }
  } else {
    stats.deadlines++;
    // A deadline may end the call early: with its TimeoutError, or with the error of the attempt it stopped at.
    const cut = c.schedule.slice(0, seen).map((f) => classify(f, true)[0]);
    const allowed =
      got === expected.outcome || got === 'TimeoutError' || (error !== undefined && cut.includes(got));
    if (!allowed || seen > expected.attempts) {
      check.problems.push(
        `${where}: expected ${expected.outcome} (or cut short by the deadline), got ${got} after ${seen}`,
      );
    }
    // Virtual time: the call's clock moved only by the waits it chose and the timers that fired; the
    // deadline's own timer ends it, so it may not run past the deadline by more than one tick (1 ms).
    const overshoot = elapsed - c.deadline;
    stats.maxOvershoot = Math.max(stats.maxOvershoot, overshoot);
    if (overshoot > TICK) {
      check.problems.push(`${where}: took ${elapsed} ms of its clock, ${overshoot} ms past its deadline`);
    }
  }
  if (got === 'ok') {
    const data = result as { id?: string; attempt?: number };
    if (data.id !== id || data.attempt !== seen - 1) {
      check.problems.push(
        `${where}: resolved with ${JSON.stringify(result)}, not the answer to its attempt ${seen}`,
      );
    }
  }
}

async function runDownload(c: Extract<Call, { kind: 'download' }>, check: Check) {
  const id = logicalId('download');
  const data = Buffer.alloc(c.size);
  for (let i = 0; i < c.size; i++) data[i] = (i * 7 + c.size) & 0xff;
  const faults = c.cuts.map((cut) => ({ kind: cut.kind, after: Math.floor(cut.at * c.size) }));
  server.file(`/files/${id}`, data, { ranges: c.ranges, faults });
  const { api, clock } = client(check.calls);
  const target = join(scratch, id);
  stats.downloads++;
  stats.faults += faults.length;
  try {
    const result = await download(
      ({ headers, signal }) =>
        api.request<Response>(ops.download, { path: { name: id }, headers }, { signal }),
      { path: target, sha256: sha256(data), clock },
    );
    const same = readFileSync(target).equals(data);
    if (!same) check.problems.push(`download ${c.size} B ${JSON.stringify(faults)}: not byte-identical`);
    // At most one reconnection per cut (a cut past the end of a resumed body is no cut); continued with
    // Range where the server supports it, started over where it does not.
    const count = result.resumed + result.restarted;
    if (count > faults.length || (c.ranges ? result.restarted : result.resumed) > 0) {
      check.problems.push(
        `download ${c.size} B ranges=${c.ranges} ${JSON.stringify(faults)}: resumed ${result.resumed}, restarted ${result.restarted}`,
      );
    }
  } catch (error) {
    check.problems.push(
      `download ${c.size} B ranges=${c.ranges} ${JSON.stringify(faults)}: ${String(error)}`,
    );
  } finally {
    rmSync(target, { force: true });
  }
}

async function runStorm(c: Extract<Call, { kind: 'storm' }>, check: Check) {
  const storm = logicalId('storm');
  storms.set(storm, { rotation: 1, refreshes: 0 });
  stats.refreshStorms++;
  const plain = client(check.calls);
  const session = sessionAuth({
    refresh: async (token) => {
      const body = await plain.api.request<{ access: string; refresh: string }>(ops.refresh, {
        body: { refresh: token },
      });
      return { accessToken: body.access, refreshToken: body.refresh };
    },
  });
  await session.setTokens({ accessToken: `access-${storm}-0`, refreshToken: `refresh-${storm}-1` });
  const { api } = client(check.calls, { auth: session.policy });
  const results = await Promise.allSettled(
    c.after.map((faults) => {
      const id = logicalId('storm-call');
      // The first attempt meets the stale token (401); the faults apply from the renewed attempt on.
      schedules.set(id, faults);
      return api.request<{ id: string }>(stormList, {}, { headers: { 'x-logical-id': id } });
    }),
  );
  stats.faults += c.calls;
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) {
    check.problems.push(
      `storm of ${c.calls}: ${failed.length} calls failed (${String((failed[0] as PromiseRejectedResult).reason)})`,
    );
  }
  const refreshes = storms.get(storm)?.refreshes;
  if (refreshes !== 1) check.problems.push(`storm of ${c.calls}: ${refreshes} refreshes, not one`);
}

describe('random fault schedules', () => {
  test.prop([batch], { seed, numRuns, path, endOnFailure: true })(
    'every call ends as documented; nothing duplicated, nothing ghost-delivered; storms refresh once; downloads exact',
    async (calls) => {
      stats.runs++;
      const check: Check = { problems: [], calls: [] };
      await Promise.all(
        calls.map((c) =>
          c.kind === 'download'
            ? runDownload(c, check)
            : c.kind === 'storm'
              ? runStorm(c, check)
              : runRequest(c, check),
        ),
      );
      // The ledger: compared once the server has finished every response of this batch.
      await new Promise((r) => setTimeout(r, 5));
      const ledger = reconcile(check.calls, server);
      stats.calls += calls.reduce((n, c) => n + (c.kind === 'storm' ? c.calls : 1), 0);
      ledgerTotals.calls += ledger.calls;
      ledgerTotals.executed += ledger.executed;
      ledgerTotals.lost += ledger.lost;
      ledgerTotals.ghost += ledger.ghost;
      ledgerTotals.hidden += ledger.hidden;
      ledgerTotals.disclosed += ledger.disclosed;
      ledgerTotals.duplicated += ledger.duplicated;
      if (ledger.duplicated)
        check.problems.push(`duplicated writes: ${ledger.details.duplicated.join(', ')}`);
      if (ledger.ghost)
        check.problems.push(`ok but never executed/served: ${ledger.details.ghost.join(', ')}`);
      if (ledger.hidden)
        check.problems.push(
          `writes executed behind an error that hides them: ${ledger.details.hidden.join(', ')}`,
        );
      expect(check.problems).toEqual([]);
    },
    180_000,
  );

  afterAll(() => {
    expect(stats.calls).toBeGreaterThanOrEqual(numRuns >= 70 ? 1000 : 0);
  });
});
