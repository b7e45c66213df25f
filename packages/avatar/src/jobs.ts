import { AbortError } from '@sdkforge/runtime';
import type { AvatarClient } from './client.js';
import { JobFailedError } from './errors.js';
import type { JobKind } from './generated/models.gen.js';
import { isFailedJob, type Job, type JobCreated } from './types.js';

/** How often a job is polled: exponential backoff between `initialDelay` and `maxDelay` (ms). */
export interface PollOptions {
  /** First wait, in ms. @default 5000 (as the Python client) */
  initialDelay?: number;
  /** Longest wait, in ms. @default 20000 */
  maxDelay?: number;
  /** Growth of the wait after each poll. @default 1.2 */
  factor?: number;
}

/** How to wait for jobs: a signal to stop, the polling backoff, and a callback told of every state polled. */
export interface WaitOptions {
  signal?: AbortSignal | undefined;
  poll?: PollOptions | undefined;
  /** Called with each job's state every time it is polled. */
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
 * Polls the jobs until every one is done. Resolves with their final states (in the order given);
 * rejects with {@link JobFailedError} as soon as one of them ends in a failure status — for a chain,
 * the first failed job in the order given, which is the root cause when dependents end in `parent_error`.
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
export const CHAIN_PARAMETERS: Readonly<Record<string, string>> = {
  standard: 'standard',
  signal_metrics: 'signal_metrics',
  privacy_metrics: 'privacy_metrics',
  report: 'report',
};

/**
 * Creates the chain `standard → signal_metrics → privacy_metrics → report` on a resource set: the
 * metrics depend on the avatarization, the report on both metrics (`depends_on` = their `Location`).
 * `kinds` selects a subset (a kind whose dependency is not selected runs without it).
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
  const locations = (...deps: JobKind[]) =>
    deps.flatMap((d) => (created.has(d) ? [created.get(d)!.Location] : []));
  for (const kind of JOB_CHAIN) {
    if (!kinds.includes(kind)) continue;
    const dependsOn =
      kind === 'standard'
        ? []
        : kind === 'report'
          ? locations('privacy_metrics', 'signal_metrics')
          : locations('standard');
    const job = await client.jobs.createJob(
      { set_name: setName, parameters_name: CHAIN_PARAMETERS[kind]!, depends_on: dependsOn },
      { signal: options.signal },
    );
    created.set(kind, job);
  }
  return created;
}

/** Waits `ms`, or rejects with AbortError as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError('aborted', { cause: signal.reason }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError('aborted while waiting for the job', { cause: signal?.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
