import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { Agent as HttpsAgent } from 'node:https';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AbortError, SdkError } from '@sdkforge/runtime';
import { type AggregateProgress, type DownloadSource, download, downloadMany } from '@sdkforge/runtime/node';
import type { AvatarClient } from '../client.js';
import { StorageError } from '../errors.js';
import type { FileAccess, FileCredentials } from '../generated/models.gen.js';
import { accessUrlFor, fileNameOf, joinS3, parseS3Url, s3PathOf } from '../locations.js';

/** Bytes moved so far for one file. */
export interface TransferProgress {
  /** `s3://bucket/key` of the object. */
  location: string;
  transferred: number;
  /** Size of the file, when known. */
  total: number | undefined;
}

/** Where the S3-compatible storage is and how transfers use it: endpoint, region, multipart part size and parallelism. */
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

/** Options of one upload: a signal to stop it, a progress callback, the content type. */
export interface UploadOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
  contentType?: string | undefined;
}

/** Where an upload went: its key in the upload area, its `s3://` location, its size. */
export interface UploadedFile {
  /** Key relative to the user's upload area (what the resource YAML's `data.file` names). */
  key: string;
  /** Full `s3://bucket/key` location. */
  location: string;
  /** Bytes sent. */
  size: number;
}

/** Options of one download: a signal to stop it, a progress callback, the SHA-256 to check. */
export interface DownloadOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
  /** Expected SHA-256 (hex): a mismatch deletes the file and throws `IntegrityError`. */
  sha256?: string | undefined;
}

/** Options of a download of several files: a signal to stop it and one progress callback over them all. */
export interface DownloadManyFilesOptions {
  signal?: AbortSignal | undefined;
  /** Progress over every file: bytes received, total once known, rate, files done. */
  onProgress?: ((progress: AggregateProgress) => void) | undefined;
}

/** One file a download wrote: where it came from, where it is, its size and SHA-256. */
export interface DownloadedFile {
  /** Result kind (`shuffled`, `privacy_metrics`, `report`, …) when downloaded by {@link AvatarStorage.downloadResults}. */
  kind?: string;
  /** `s3://bucket/key` of the object. */
  location: string;
  /** Path written on disk. */
  path: string;
  size: number;
  /** SHA-256 of the file (hex), computed while it streamed. */
  sha256: string;
  /** Bytes that were already on disk (a `.part` resumed with a range request). */
  resumedFrom: number;
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
   * Streams one file to `destination` (written to `<destination>.part`, renamed when complete; a `.part` left
   * by an interrupted run is resumed with a range request). `file` is an
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
   * into `directory/<kind>/<file name>`, a few at a time (resumable, SHA-256 computed on the way, one
   * aggregated progress). `kinds` keeps only some result kinds.
   */
  async downloadResults(
    jobName: string,
    directory: string,
    options: DownloadManyFilesOptions & { kinds?: readonly string[] } = {},
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
    const clients: S3Client[] = [];
    const items = grants.map((grant) => {
      const location = s3PathOf(grant.url);
      const s3 = this.#s3(grant.credentials);
      clients.push(s3);
      return {
        location,
        kind: kindOf.get(location)!,
        path: join(directory, kindOf.get(location)!, fileNameOf(location)),
        source: objectSource(s3, location),
      };
    });
    try {
      await Promise.all(
        [...new Set(items.map((i) => dirname(i.path)))].map((d) => mkdir(d, { recursive: true })),
      );
      const parts = await Promise.all(items.map((i) => partSize(i.path)));
      const done = await downloadMany(items, {
        concurrency: this.#options.concurrency ?? 4,
        signal: options.signal,
        onProgress: options.onProgress,
      });
      return done.map((file, i) => ({
        kind: items[i]!.kind,
        location: items[i]!.location,
        path: file.path,
        size: file.bytes,
        sha256: file.sha256,
        resumedFrom: file.restarted ? 0 : parts[i]!,
      }));
    } catch (error) {
      throw storageError('download', items[0]!.location, error, options.signal);
    } finally {
      for (const s3 of clients) s3.destroy();
    }
  }

  async #get(access: FileAccess, destination: string, options: DownloadOptions): Promise<DownloadedFile> {
    const location = s3PathOf(access.url);
    const s3 = this.#s3(access.credentials);
    try {
      await mkdir(dirname(destination), { recursive: true });
      const resumedFrom = await partSize(destination);
      const file = await download(objectSource(s3, location), {
        path: destination,
        signal: options.signal,
        sha256: options.sha256,
        onProgress: (p) => options.onProgress?.({ location, transferred: p.received, total: p.total }),
      });
      return {
        location,
        path: file.path,
        size: file.bytes,
        sha256: file.sha256,
        resumedFrom: file.restarted ? 0 : resumedFrom,
      };
    } catch (error) {
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

/** Size of the `.part` an interrupted download left for `path` (0 when there is none). */
function partSize(path: string): Promise<number> {
  return stat(`${path}.part`).then(
    (st) => st.size,
    () => 0,
  );
}

/**
 * A download source reading one object with GetObject: the runtime's `download()` asks for ranges to
 * resume (`Range`, `If-Range`); S3 has no If-Range, so the validator becomes `IfMatch` /
 * `IfUnmodifiedSince` and a 412 (the object changed) gets the whole object, as If-Range would.
 */
function objectSource(s3: S3Client, location: string): DownloadSource {
  const { bucket, key } = parseS3Url(location);
  return async ({ headers, signal }) => {
    const range = headers.range ?? headers.Range;
    const ifRange = headers['if-range'] ?? headers['If-Range'];
    const condition =
      range && ifRange
        ? ifRange.startsWith('"')
          ? { IfMatch: ifRange }
          : { IfUnmodifiedSince: new Date(ifRange) }
        : {};
    let object: GetObjectCommandOutput;
    try {
      object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range, ...condition }), {
        abortSignal: signal,
      });
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 412)
        throw error;
      object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    }
    const out = new Headers({ 'accept-ranges': object.AcceptRanges ?? 'bytes' });
    if (object.ContentLength !== undefined) out.set('content-length', String(object.ContentLength));
    if (object.ContentRange) out.set('content-range', object.ContentRange);
    if (object.ETag) out.set('etag', object.ETag);
    if (object.LastModified) out.set('last-modified', object.LastModified.toUTCString());
    if (object.ContentType) out.set('content-type', object.ContentType);
    const body = object.Body ? (object.Body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: object.ContentRange ? 206 : 200, headers: out });
  };
}
