import { AbortError, systemClock } from '@sdkforge/runtime';
import type { AvatarClient } from './client.js';
import { JobFailedError } from './errors.js';
import type {
  JobResponse as Job,
  JobCreateResponse as JobCreated,
  JobKind,
  JobStatus,
  LoginResponse as LoginTokens,
  ResourceSetResponse as ResourceSet,
} from './generated/models.gen.js';

/** Shorter names of the schemas the flows use most. */
export type { Job, JobCreated, LoginTokens, ResourceSet };

/** Statuses that end a job unsuccessfully. */
export const FAILED_JOB_STATUSES: readonly JobStatus[] = ['error', 'parent_error', 'lost', 'orphaned'];

/** True when the job stopped in a failure status. */
export function isFailedJob(job: Pick<Job, 'status'>): boolean {
  return FAILED_JOB_STATUSES.includes(job.status);
}

/**
 * How often a job is polled: the first wait `initialDelay` (ms, default 5000 as the Python client), then
 * × `factor` (default 1.2) after each poll, up to `maxDelay` (ms, default 20 000).
 */
export type PollOptions = { initialDelay?: number; maxDelay?: number; factor?: number };

/** Cancellation, polling backoff, and `onUpdate`, called with each job's state every time it is polled. */
export interface WaitOptions {
  signal?: AbortSignal | undefined;
  poll?: PollOptions | undefined;
  onUpdate?: ((job: Job) => void) | undefined;
}

/** The delays between polls: initialDelay, ×factor each time, capped at maxDelay. */
export function* pollDelays(options: PollOptions = {}): Generator<number, never, undefined> {
  const max = options.maxDelay ?? 20_000;
  const factor = options.factor ?? 1.2;
  let delay = Math.min(options.initialDelay ?? 5_000, max);
  if (!(delay >= 0) || !(factor >= 1) || !(max >= 0)) throw new TypeError('invalid poll options');
  for (;;) {
    yield delay;
    delay = Math.min(delay * factor, max);
  }
}

/**
 * Polls the jobs until every one is done and resolves with their final states, in the order given. The
 * first job found failed rejects with {@link JobFailedError} (for a chain: the root cause, before the
 * dependents that end in `parent_error`).
 */
export async function waitForJobs(
  client: AvatarClient,
  jobNames: readonly string[],
  options: WaitOptions = {},
): Promise<Job[]> {
  const final = new Map<string, Job>();
  const delays = pollDelays(options.poll);
  for (;;) {
    for (const name of jobNames) {
      if (final.has(name)) continue;
      const job = await client.jobs.getJobStatus(name, { signal: options.signal });
      options.onUpdate?.(job);
      if (isFailedJob(job)) throw new JobFailedError(job);
      if (job.done) final.set(name, job);
    }
    if (final.size === jobNames.length) return jobNames.map((n) => final.get(n)!);
    await sleep(delays.next().value, options.signal);
  }
}

/** Polls one job until it is done; see {@link waitForJobs}. */
export async function waitForJob(
  client: AvatarClient,
  jobName: string,
  options: WaitOptions = {},
): Promise<Job> {
  const [job] = await waitForJobs(client, [jobName], options);
  return job!;
}

/** The job kinds of the everyday chain, in creation order. */
export const JOB_CHAIN: readonly JobKind[] = ['standard', 'signal_metrics', 'privacy_metrics', 'report'];

/** Parameters resource (`metadata.name`) each kind of the chain runs with. */
export const CHAIN_PARAMETERS: Readonly<Record<string, string>> = Object.fromEntries(
  JOB_CHAIN.map((kind) => [kind, kind]),
);

/** The jobs each kind of the chain depends on (their `Location` goes in `depends_on`). */
const PARENTS: Readonly<Record<string, readonly JobKind[]>> = {
  signal_metrics: ['standard'],
  privacy_metrics: ['standard'],
  report: ['privacy_metrics', 'signal_metrics'],
};

/**
 * Creates `standard → signal_metrics / privacy_metrics → report` on a resource set (`depends_on`: the
 * parents' `Location`). `kinds` selects a subset; a kind whose parent is left out runs without it.
 */
export async function createJobChain(
  client: AvatarClient,
  setName: string,
  options: { kinds?: readonly JobKind[]; signal?: AbortSignal } = {},
): Promise<Map<JobKind, JobCreated>> {
  const kinds = options.kinds ?? JOB_CHAIN;
  for (const kind of kinds) {
    if (!JOB_CHAIN.includes(kind)) throw new TypeError(`not a job of the chain: ${kind}`);
  }
  const created = new Map<JobKind, JobCreated>();
  for (const kind of JOB_CHAIN.filter((k) => kinds.includes(k))) {
    const dependsOn = (PARENTS[kind] ?? []).flatMap((p) => created.get(p)?.Location ?? []);
    const body = { set_name: setName, parameters_name: CHAIN_PARAMETERS[kind]!, depends_on: dependsOn };
    created.set(kind, await client.jobs.createJob(body, { signal: options.signal }));
  }
  return created;
}

/** Waits `ms`, or rejects with AbortError as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return systemClock.sleep(ms, signal).catch((cause: unknown) => {
    throw new AbortError('aborted while waiting for the job', { cause });
  });
}
