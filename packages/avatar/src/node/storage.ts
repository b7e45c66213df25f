import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { Agent as HttpsAgent } from 'node:https';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AbortError, SdkError } from '@sdkforge/runtime';
import type { AvatarClient } from '../client.js';
import { StorageError } from '../errors.js';
import { accessUrlFor, fileNameOf, joinS3, parseS3Url, s3PathOf } from '../locations.js';
import type { FileAccess, FileCredentials } from '../types.js';

/** Bytes moved so far for one file. */
export interface TransferProgress {
  /** `s3://bucket/key` of the object. */
  location: string;
  transferred: number;
  /** Size of the file, when known. */
  total: number | undefined;
}

export interface StorageOptions {
  /** S3-compatible endpoint. @default client.storageUrl (the API root with `/api` → `/storage`) */
  endpoint?: string;
  /** SigV4 region the storage expects. @default 'us-east-1' */
  region?: string;
  /** Multipart part size in bytes; memory used by an upload is at most `partSize × queueSize`. @default 5 MiB */
  partSize?: number;
  /** Parts uploaded in parallel. @default 4 */
  queueSize?: number;
  /** Files downloaded in parallel by {@link AvatarStorage.downloadResults}. @default 4 */
  concurrency?: number;
  /**
   * Forwarded to the S3 client. @default an https agent with the client's `ca` / `verifySsl`, when set
   */
  requestHandler?: S3ClientConfig['requestHandler'];
}

/** Something to upload: a file path, a Node or web stream, or bytes. */
export type UploadSource = string | Readable | ReadableStream<Uint8Array> | Uint8Array | Blob;

export interface UploadOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
  contentType?: string | undefined;
}

export interface UploadedFile {
  /** Key relative to the user's upload area (what the resource YAML's `data.file` names). */
  key: string;
  /** Full `s3://bucket/key` location. */
  location: string;
  /** Bytes sent. */
  size: number;
}

export interface DownloadOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

export interface DownloadedFile {
  /** Result kind (`shuffled`, `privacy_metrics`, `report`, …) when downloaded by {@link AvatarStorage.downloadResults}. */
  kind?: string;
  /** `s3://bucket/key` of the object. */
  location: string;
  /** Path written on disk. */
  path: string;
  size: number;
}

const MiB = 1024 * 1024;

/**
 * Moves files between the local disk and the Avatar storage (S3-compatible), with the temporary
 * credentials the API hands out (`GET /access`, `POST /access/batch`). Both directions stream:
 * uploads hold at most `partSize × queueSize` bytes, downloads one chunk at a time.
 */
export class AvatarStorage {
  readonly endpoint: string;
  readonly #client: AvatarClient;
  readonly #options: StorageOptions;
  readonly #requestHandler: S3ClientConfig['requestHandler'];

  constructor(client: AvatarClient, options: StorageOptions = {}) {
    this.#client = client;
    this.#options = options;
    this.endpoint = (options.endpoint ?? client.storageUrl).replace(/\/+$/, '');
    const { ca, verifySsl } = client.tls;
    this.#requestHandler =
      options.requestHandler ??
      (ca || !verifySsl
        ? {
            httpsAgent: new HttpsAgent({
              keepAlive: true,
              ca: ca as string[],
              rejectUnauthorized: verifySsl,
            }),
          }
        : undefined);
  }

  /**
   * Uploads a file into the user's upload area (`GET /upload_url`) under `key`, with credentials from
   * `GET /access`. Returns the key to name in the resource YAML.
   */
  async upload(source: UploadSource, key: string, options: UploadOptions = {}): Promise<UploadedFile> {
    // Bad input fails before anything is sent: a missing file, a key outside the upload area.
    const total = typeof source === 'string' ? (await stat(source)).size : sizeOf(source);
    joinS3('s3://bucket', key);
    const base = await this.#client.results.getUploadUrl({ signal: options.signal });
    const location = joinS3(base, key);
    const access = await this.#client.results.getPermissionToDownload({
      url: accessUrlFor(this.#client.baseUrl, location),
      signal: options.signal,
    });
    const { bucket, key: objectKey } = parseS3Url(location);
    const s3 = this.#s3(access.credentials);
    const abort = new AbortController();
    const onAbort = () => abort.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const upload = new Upload({
        client: s3,
        params: {
          Bucket: bucket,
          Key: objectKey,
          Body: typeof source === 'string' ? createReadStream(source) : toNodeBody(source),
          ContentType: options.contentType ?? contentTypeOf(key),
        },
        partSize: this.#options.partSize ?? 5 * MiB,
        queueSize: this.#options.queueSize ?? 4,
        abortController: abort,
      });
      let sent = 0;
      upload.on('httpUploadProgress', (p) => {
        sent = p.loaded ?? sent;
        options.onProgress?.({ location, transferred: sent, total: p.total ?? total });
      });
      await upload.done();
      return { key, location, size: total ?? sent };
    } catch (error) {
      throw storageError('upload', location, error, options.signal);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      s3.destroy();
    }
  }

  /**
   * Streams one file to `destination` (written to `<destination>.part`, then renamed). `file` is an
   * `…/access?url=s3://…` envelope or an `s3://` path (credentials are asked for with `GET /access`),
   * or a `FileAccess` that already carries them.
   */
  async download(
    file: string | FileAccess,
    destination: string,
    options: DownloadOptions = {},
  ): Promise<DownloadedFile> {
    const access =
      typeof file === 'string'
        ? await this.#client.results.getPermissionToDownload({
            url: file.startsWith('s3://') ? accessUrlFor(this.#client.baseUrl, file) : file,
            signal: options.signal,
          })
        : file;
    return this.#get(access, destination, options);
  }

  /**
   * Downloads every result file of a job (`GET /results/{job}` → `POST /access/batch` → `GetObject`)
   * into `directory/<kind>/<file name>`, a few at a time. `kinds` keeps only some result kinds.
   */
  async downloadResults(
    jobName: string,
    directory: string,
    options: DownloadOptions & { kinds?: readonly string[] } = {},
  ): Promise<DownloadedFile[]> {
    const results = await this.#client.results.getResults(jobName, { signal: options.signal });
    const wanted = Object.entries(results).filter(([kind]) => !options.kinds || options.kinds.includes(kind));
    const kindOf = new Map<string, string>();
    for (const [kind, urls] of wanted) for (const url of urls) kindOf.set(s3PathOf(url), kind);
    if (!kindOf.size) return [];
    const urls = wanted.flatMap(([, u]) => u);
    const grants = await this.#client.results.getPermissionsToDownloadBatch(urls, { signal: options.signal });
    const granted = new Set(grants.map((g) => s3PathOf(g.url)));
    const refused = [...kindOf.keys()].filter((l) => !granted.has(l));
    if (refused.length) {
      throw new StorageError(
        `the API granted no access to ${refused.length} result file(s) of job ${jobName}`,
        refused[0]!,
      );
    }
    const jobs = grants.map((grant) => {
      const location = s3PathOf(grant.url);
      const kind = kindOf.get(location)!;
      return () =>
        this.#get(grant, join(directory, kind, fileNameOf(location)), options).then((f) => ({ ...f, kind }));
    });
    return runLimited(jobs, this.#options.concurrency ?? 4);
  }

  async #get(access: FileAccess, destination: string, options: DownloadOptions): Promise<DownloadedFile> {
    const location = s3PathOf(access.url);
    const { bucket, key } = parseS3Url(location);
    const s3 = this.#s3(access.credentials);
    const part = `${destination}.part`;
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
        abortSignal: options.signal,
      });
      const total = object.ContentLength;
      let transferred = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          transferred += chunk.length;
          options.onProgress?.({ location, transferred, total });
          done(null, chunk);
        },
      });
      await mkdir(join(destination, '..'), { recursive: true });
      await pipeline(object.Body as Readable, count, createWriteStream(part), { signal: options.signal });
      await rename(part, destination);
      return { location, path: destination, size: transferred };
    } catch (error) {
      await rm(part, { force: true });
      throw storageError('download', location, error, options.signal);
    } finally {
      s3.destroy();
    }
  }

  #s3(credentials: FileCredentials): S3Client {
    return new S3Client({
      endpoint: this.endpoint,
      region: this.#options.region ?? 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: credentials.access_key_id, secretAccessKey: credentials.secret_access_key },
      // S3-compatible stores (SeaweedFS, MinIO…) do not all accept the SDK's default trailing checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(this.#requestHandler ? { requestHandler: this.#requestHandler } : {}),
    });
  }
}

function sizeOf(source: Exclude<UploadSource, string>): number | undefined {
  if (source instanceof Uint8Array) return source.byteLength;
  if (source instanceof Blob) return source.size;
  return undefined;
}

function toNodeBody(source: Exclude<UploadSource, string>): Readable | Uint8Array {
  if (source instanceof Uint8Array || source instanceof Readable) return source;
  if (source instanceof Blob) return Readable.fromWeb(source.stream() as never);
  return Readable.fromWeb(source as never);
}

function contentTypeOf(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return (
    { csv: 'text/csv', parquet: 'application/vnd.apache.parquet', json: 'application/json' }[ext] ??
    'application/octet-stream'
  );
}

function storageError(what: string, location: string, error: unknown, signal?: AbortSignal): SdkError {
  if (SdkError.is(error)) return error;
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (signal?.aborted || e?.name === 'AbortError') {
    return new AbortError(`${what} of ${location} was aborted`, { cause: signal?.reason ?? error });
  }
  const status = e?.$metadata?.httpStatusCode;
  const code = e?.name && e.name !== 'Error' ? e.name : (e?.message ?? String(error));
  return new StorageError(
    `${what} of ${location} failed: ${code}${status ? ` (HTTP ${status})` : ''}`,
    location,
    {
      cause: error,
      status,
    },
  );
}

/** Runs the tasks with at most `limit` in flight; rejects with the first failure. */
async function runLimited<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
