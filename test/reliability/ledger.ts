/**
 * The independent ledger: what each call returned (recorded by the harness, outside the runtime) against
 * what the fault server executed and served (recorded by the server). `lost` and `duplicated` come from
 * comparing the two records, never from counting the errors a scenario saw.
 *
 * - `duplicated`: a write (non-idempotent route) the server executed more than once for one logical call.
 * - `lost`, two kinds:
 *   - `ghost`: the client reported success but the server never executed the call, or never served the
 *     data the client returned (the JSON's SHA-256 must match a body the server sent in full for that call);
 *   - `hidden`: the server executed a write sent without an Idempotency-Key while the client got an error
 *     that hides it — the caller has no way to know it took effect, nor to repeat it safely. An error
 *     *discloses* the write when the server answered (an APIError, an unreadable body) or when it says the
 *     outcome is `unknown` (ConnectionError/TimeoutError `outcome`); those calls are counted as `disclosed`,
 *     not lost. An error claiming `not-sent` for a request the server executed (keyed or not) is a lie, and
 *     is `hidden` whatever else it says.
 */

import type { CallOptions } from '@sdkforge/runtime';
import { ApiClient, type OperationDescriptor, type RequestInput } from '@sdkforge/runtime';
import { type Execution, type ServedResponse, sha256 } from '../helpers/fault-server.ts';

/** What one call returned, as the caller saw it. */
export interface CallRecord {
  logicalId: string;
  operationId: string;
  method: string;
  /** The operation writes (its method is not idempotent). */
  write: boolean;
  /** The call resolved. */
  ok: boolean;
  /** SHA-256 of the JSON the call resolved with (`undefined` for streams and empty bodies). */
  dataHash?: string | undefined;
  /** The name of the error the call rejected with. */
  error?: string | undefined;
  /** What that error tells the caller about whether the server acted (see {@link disclosureOf}). */
  disclosure?: Disclosure | undefined;
}

/**
 * What an error tells the caller about the server having acted:
 * - `answered`: the server answered (an APIError with its status, a body that could not be read);
 * - `unknown`: the error says the request may have reached the server (`outcome: 'unknown'`);
 * - `not-sent`: the error says the request never left (`outcome: 'not-sent'`);
 * - `silent`: it says nothing either way.
 */
export type Disclosure = 'answered' | 'unknown' | 'not-sent' | 'silent';

export function disclosureOf(error: unknown): Disclosure {
  const e = error as { name?: unknown; status?: unknown; outcome?: unknown } | null;
  if (typeof e?.status === 'number') return 'answered';
  if (e?.name === 'ResponseParseError' || e?.name === 'ResponseTooLargeError') return 'answered';
  if (e?.outcome === 'unknown') return 'unknown';
  if (e?.outcome === 'not-sent') return 'not-sent';
  return 'silent';
}

export interface LedgerTotals {
  calls: number;
  /** Requests the server executed for these calls (retries included, key-deduplicated replays not). */
  executed: number;
  lost: number;
  ghost: number;
  hidden: number;
  /** Keyless writes the server executed while the call failed with an error that says it may have happened. */
  disclosed: number;
  duplicated: number;
  /** The logical ids behind each count, for the failure message. */
  details: { ghost: string[]; hidden: string[]; duplicated: string[] };
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
let sequence = 0;

/** A fresh logical call id (one per call; its retries share it). */
export function logicalId(prefix = 'call'): string {
  return `${prefix}-${process.pid}-${++sequence}`;
}

/** The caller's side of the ledger: an ApiClient that records what each call returned. */
export class RecordingApiClient extends ApiClient {
  readonly calls: CallRecord[];

  constructor(config: ConstructorParameters<typeof ApiClient>[0], calls: CallRecord[]) {
    super(config);
    this.calls = calls;
  }

  override async request<T>(
    op: OperationDescriptor,
    input: RequestInput = {},
    options: CallOptions = {},
  ): Promise<T> {
    const given = options.headers?.['x-logical-id'];
    const id = given ?? logicalId(op.id);
    const record: CallRecord = {
      logicalId: id,
      operationId: op.id,
      method: op.method,
      write: !IDEMPOTENT.has(op.method),
      ok: false,
    };
    this.calls.push(record);
    try {
      const result = await super.request<T>(op, input, {
        ...options,
        headers: { ...options.headers, 'x-logical-id': id },
      });
      record.ok = true;
      if (op.response === 'json') record.dataHash = sha256(JSON.stringify(result));
      return result;
    } catch (error) {
      record.error = (error as Error)?.name ?? String(error);
      record.disclosure = disclosureOf(error);
      throw error;
    }
  }
}

/** Compares the caller's record with the server's. */
export function reconcile(
  calls: readonly CallRecord[],
  server: { executed: readonly Execution[]; served: readonly ServedResponse[] },
): LedgerTotals {
  const executedBy = groupBy(server.executed, (e) => e.logicalId);
  const servedBy = groupBy(server.served, (s) => s.logicalId);
  const totals: LedgerTotals = {
    calls: calls.length,
    executed: 0,
    lost: 0,
    ghost: 0,
    hidden: 0,
    disclosed: 0,
    duplicated: 0,
    details: { ghost: [], hidden: [], duplicated: [] },
  };
  for (const call of calls) {
    const executions = executedBy.get(call.logicalId) ?? [];
    totals.executed += executions.length;
    const writes = executions.filter((e) => e.effect);
    if (call.write && writes.length > 1) {
      totals.duplicated++;
      totals.details.duplicated.push(call.logicalId);
    }
    if (call.ok) {
      const served = (servedBy.get(call.logicalId) ?? []).filter((s) => s.status < 300);
      // Executed at all, and (for JSON) the data returned is a body the server sent in full for this call.
      const delivered =
        executions.length > 0 &&
        (call.dataHash === undefined || served.some((s) => s.bodyHash === call.dataHash));
      if (!delivered) {
        totals.ghost++;
        totals.details.ghost.push(call.logicalId);
      }
    } else if (call.write && writes.length > 0) {
      const disclosure = call.disclosure ?? 'silent';
      const keyless = writes.some((e) => e.idempotencyKey === undefined);
      if (disclosure === 'not-sent' || (keyless && disclosure === 'silent')) {
        // Executed, yet the caller was told it never left, or told nothing.
        totals.hidden++;
        totals.details.hidden.push(call.logicalId);
      } else if (keyless) {
        totals.disclosed++;
      }
    }
  }
  totals.lost = totals.ghost + totals.hidden;
  return totals;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
