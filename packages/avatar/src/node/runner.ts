import { basename, join } from 'node:path';
import type { AggregateProgress } from '@sdkforge/runtime/node';
import type { AvatarClient } from '../client.js';
import type { JobKind } from '../generated/models.gen.js';
import {
  createJobChain,
  JOB_CHAIN,
  type Job,
  type JobCreated,
  type PollOptions,
  waitForJobs,
} from '../jobs.js';
import { buildResourceSet, type TableInput } from '../resource-set.js';
import {
  AvatarStorage,
  type DownloadedFile,
  type StorageOptions,
  type TransferProgress,
  type UploadSource,
} from './storage.js';

/** What a run reports while it goes. */
export type RunnerEvent =
  | { type: 'upload'; table: string; progress: TransferProgress }
  | { type: 'resources'; setName: string; displayName: string }
  | { type: 'job-created'; kind: JobKind; job: JobCreated }
  | { type: 'job-status'; kind: JobKind; job: Job }
  | { type: 'download'; kind: JobKind; progress: AggregateProgress };

/** The set's `displayName`, every job's `seed`, polling backoff, `onEvent`, and the storage options. */
export interface RunnerOptions extends StorageOptions {
  displayName: string;
  seed?: number;
  poll?: PollOptions;
  onEvent?: (event: RunnerEvent) => void;
}

/** A table of the resource set (`file`: its key in the upload area) and where its bytes come from. */
interface Table extends TableInput {
  source: UploadSource;
}

/**
 * The Python Manager + Runner: `addTable()`, then `run()` uploads, puts the resource set, runs the job
 * chain and waits for it; `downloadResults()` streams every result file to disk.
 */
export class Runner {
  readonly storage: AvatarStorage;
  readonly displayName: string;
  /** UUID of the resource set, once `putResources()` ran. */
  setName: string | undefined;
  /** The jobs created by `run()`, by kind. */
  readonly jobs = new Map<JobKind, JobCreated>();

  readonly #client: AvatarClient;
  readonly #options: RunnerOptions;
  readonly #tables: Table[] = [];

  constructor(client: AvatarClient, options: RunnerOptions) {
    if (!options.displayName?.trim()) throw new TypeError('Runner: displayName is required');
    [this.#client, this.#options, this.displayName] = [client, options, options.displayName];
    this.storage = new AvatarStorage(client, options);
  }

  /**
   * Adds a table to avatarize. `source` is a file path (streamed) or a stream / bytes; `key` names the
   * object in the upload area (default: the file's name, else `<name>.csv`).
   */
  addTable(
    name: string,
    source: UploadSource,
    options: { key?: string; k?: number; primaryKey?: string } = {},
  ): this {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name))
      throw new TypeError(`invalid table name: ${JSON.stringify(name)}`);
    if (this.#tables.some((t) => t.name === name)) throw new TypeError(`table ${name} was already added`);
    if (options.k !== undefined && !(Number.isInteger(options.k) && options.k > 0)) {
      throw new TypeError(`k must be a positive integer, got ${options.k}`);
    }
    const file = options.key ?? (typeof source === 'string' ? basename(source) : `${name}.csv`);
    this.#tables.push({ name, source, file, k: options.k, primaryKey: options.primaryKey });
    return this;
  }

  /** Uploads every table, one after the other (each one streamed). */
  async uploadTables(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (!this.#tables.length) throw new TypeError('Runner: add a table first (addTable)');
    for (const table of this.#tables) {
      await this.storage.upload(table.source, table.file, {
        signal: options.signal,
        onProgress: (progress) => this.#emit({ type: 'upload', table: table.name, progress }),
      });
    }
  }

  /**
   * Puts the resource set (`PUT /resources/{display_name}`): the YAML given, or one built from the
   * tables with volumes from `GET /resources/volume`. Returns the new set's UUID.
   */
  async putResources(
    yaml?: string,
    options: { signal?: AbortSignal; jobs?: readonly JobKind[] } = {},
  ): Promise<string> {
    const { signal, jobs } = options;
    let body = yaml;
    if (body === undefined) {
      const volume = (purpose: 'input' | 'results') =>
        this.#client.resources.getUserVolume({ volume_name: purpose, purpose, signal });
      const [inputVolume, resultsVolume] = await Promise.all([volume('input'), volume('results')]);
      const { displayName, seed } = this.#options;
      body = buildResourceSet({ displayName, inputVolume, resultsVolume, tables: this.#tables, jobs, seed });
    }
    const set = await this.#client.resources.putResources(this.displayName, body, { signal });
    this.setName = set.set_name;
    this.#emit({ type: 'resources', setName: set.set_name, displayName: set.display_name });
    return set.set_name;
  }

  /**
   * Uploads the tables, puts the resource set, creates the job chain and waits until every job is
   * done. Rejects with `JobFailedError` (carrying the job's error message) when a job fails.
   */
  async run(
    options: { jobs?: readonly JobKind[]; yaml?: string; signal?: AbortSignal } = {},
  ): Promise<Map<JobKind, Job>> {
    const kinds = options.jobs ?? JOB_CHAIN;
    const { signal } = options;
    if (this.#tables.length) await this.uploadTables({ signal });
    else if (options.yaml === undefined)
      throw new TypeError('Runner: add a table (addTable) or pass the resource yaml');
    const setName = await this.putResources(options.yaml, { signal, jobs: kinds });
    const created = await createJobChain(this.#client, setName, { kinds, signal });
    const kindOf = new Map<string, JobKind>();
    for (const [kind, job] of created) {
      this.jobs.set(kind, job);
      kindOf.set(job.name, kind);
      this.#emit({ type: 'job-created', kind, job });
    }
    const finished = await waitForJobs(this.#client, [...kindOf.keys()], {
      signal,
      poll: this.#options.poll,
      onUpdate: (job) => this.#emit({ type: 'job-status', kind: kindOf.get(job.name)!, job }),
    });
    return new Map(finished.map((job) => [kindOf.get(job.name)!, job]));
  }

  /**
   * Streams the result files of the run's jobs to `directory/<job kind>/<result kind>/<file>`.
   * `jobs` keeps only some job kinds.
   */
  async downloadResults(
    directory: string,
    options: { jobs?: readonly JobKind[]; signal?: AbortSignal } = {},
  ): Promise<DownloadedFile[]> {
    if (!this.jobs.size) throw new TypeError('Runner: nothing to download, run() first');
    const out: DownloadedFile[] = [];
    for (const [kind, job] of this.jobs) {
      if (options.jobs && !options.jobs.includes(kind)) continue;
      const files = await this.storage.downloadResults(job.name, join(directory, kind), {
        signal: options.signal,
        onProgress: (progress) => this.#emit({ type: 'download', kind, progress }),
      });
      out.push(...files);
    }
    return out;
  }

  #emit(event: RunnerEvent): void {
    this.#options.onEvent?.(event);
  }
}
