import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { Agent as HttpsAgent } from 'node:https';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AbortError, guessContentType, SdkError } from '@sdkforge/runtime';
import { type DownloadManyOptions, type DownloadSource, downloadMany } from '@sdkforge/runtime/node';
import type { AvatarClient } from '../client.js';
import { StorageError } from '../errors.js';
import type { FileAccess, FileCredentials } from '../generated/models.gen.js';
import { accessUrlFor, fileNameOf, joinS3, parseS3Url, s3PathOf } from '../locations.js';

/** Bytes moved so far for one file (`location`: its `s3://bucket/key`; `total`: its size, when known). */
export type TransferProgress = { location: string; transferred: number; total: number | undefined };

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
  /** Forwarded to the S3 client. @default an https agent with the client's `ca` / `verifySsl`, when set */
  requestHandler?: S3ClientConfig['requestHandler'];
}

/** Something to upload: a file path, a Node or web stream, or bytes. */
export type UploadSource = string | Readable | ReadableStream<Uint8Array> | Uint8Array | Blob;

/** Cancellation and per-file progress of one transfer. */
export interface TransferOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/** `contentType` defaults to the key's extension's (`.csv`, `.parquet`, `.json`…), else `application/octet-stream`. */
export type UploadOptions = TransferOptions & { contentType?: string | undefined };

/** An uploaded file: its `key` in the user's upload area (the resource YAML's `data.file`), its `s3://` location, bytes sent. */
export type UploadedFile = { key: string; location: string; size: number };

/** `sha256`: the expected SHA-256 (hex); a mismatch deletes the file and throws `IntegrityError`. */
export type DownloadOptions = TransferOptions & { sha256?: string | undefined };

/** Cancellation and one progress over every file (bytes, total once known, rate, files done). */
export type DownloadManyFilesOptions = Pick<DownloadManyOptions, 'signal' | 'onProgress'>;

/**
 * A downloaded file: `path` on disk, `location` on the storage, size, SHA-256 (hex), bytes a `.part` held
 * (`resumedFrom`) and, from {@link AvatarStorage.downloadResults}, its result `kind`.
 */
export interface DownloadedFile {
  kind?: string | undefined;
  location: string;
  path: string;
  size: number;
  sha256: string;
  resumedFrom: number;
}

const MiB = 1024 * 1024;

/**
 * Streams files between the disk and the S3-compatible storage with the credentials the API hands out
 * (`GET /access`, `POST /access/batch`): uploads hold at most `partSize × queueSize` bytes.
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
    const { ca, verifySsl: rejectUnauthorized } = client.tls;
    const agent = () => new HttpsAgent({ keepAlive: true, ca: ca as string[], rejectUnauthorized });
    this.#requestHandler =
      options.requestHandler ?? (ca || !rejectUnauthorized ? { httpsAgent: agent() } : undefined);
  }

  /** Uploads a file under `key` in the user's upload area (`GET /upload_url`, credentials from `GET /access`). */
  async upload(source: UploadSource, key: string, options: UploadOptions = {}): Promise<UploadedFile> {
    // Bad input fails before anything is sent: a missing file, a key outside the upload area.
    const total = typeof source === 'string' ? (await stat(source)).size : sizeOf(source);
    joinS3('s3://bucket', key);
    const base = await this.#client.results.getUploadUrl({ signal: options.signal });
    const location = joinS3(base, key);
    const access = await this.#access(location, options.signal);
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
          Body: typeof source === 'string' ? createReadStream(source) : source,
          ContentType: options.contentType ?? guessContentType(key),
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
   * Streams one file — an `s3://` path or `…/access?url=s3://…` envelope (credentials from `GET /access`),
   * or a `FileAccess` — to `destination`, through `<destination>.part` (resumed when one is left).
   */
  async download(
    file: string | FileAccess,
    destination: string,
    options: DownloadOptions = {},
  ): Promise<DownloadedFile> {
    const access = typeof file === 'string' ? await this.#access(file, options.signal) : file;
    const location = s3PathOf(access.url);
    const { onProgress } = options;
    const [done] = await this.#fetch([{ access, path: destination, sha256: options.sha256 }], {
      signal: options.signal,
      onProgress: onProgress && ((p) => onProgress({ location, transferred: p.received, total: p.total })),
    });
    return done!;
  }

  /**
   * Downloads every result file of a job (or of some result `kinds`) into `directory/<kind>/<file name>`,
   * a few at a time: `GET /results/{job}` → `POST /access/batch` → `GetObject`.
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
    const grants = await this.#client.results.getPermissionsToDownloadBatch(urls, {
      signal: options.signal,
    });
    const granted = new Set(grants.map((g) => s3PathOf(g.url)));
    const refused = [...kindOf.keys()].filter((l) => !granted.has(l));
    if (refused.length) {
      throw new StorageError(
        `the API granted no access to ${refused.length} result file(s) of job ${jobName}`,
        refused[0]!,
      );
    }
    const items = grants.map((access) => {
      const location = s3PathOf(access.url);
      const kind = kindOf.get(location)!;
      return { access, kind, path: join(directory, kind, fileNameOf(location)) };
    });
    return this.#fetch(items, options);
  }

  /** `GET /access` for an `s3://` path or an `…/access?url=s3://…` envelope. */
  #access(url: string, signal: AbortSignal | undefined): Promise<FileAccess> {
    const envelope = url.startsWith('s3://') ? accessUrlFor(this.#client.baseUrl, url) : url;
    return this.#client.results.getPermissionToDownload({ url: envelope, signal });
  }

  /** Streams the files with the runtime's downloader (`GetObject` with the credentials of each grant). */
  async #fetch(
    items: readonly { access: FileAccess; path: string; kind?: string; sha256?: string | undefined }[],
    options: DownloadManyFilesOptions,
  ): Promise<DownloadedFile[]> {
    const located = items.map((i) => {
      const location = s3PathOf(i.access.url);
      const s3 = this.#s3(i.access.credentials);
      return { ...i, location, s3, source: objectSource(s3, location) };
    });
    try {
      await Promise.all(located.map((i) => mkdir(dirname(i.path), { recursive: true })));
      const parts = await Promise.all(located.map((i) => partSize(i.path)));
      const { signal, onProgress } = options;
      const done = await downloadMany(located, {
        concurrency: this.#options.concurrency ?? 4,
        signal,
        onProgress,
      });
      return done.map(({ path, bytes, sha256, restarted }, n) => {
        const { kind, location } = located[n]!;
        return { kind, location, path, size: bytes, sha256, resumedFrom: restarted ? 0 : parts[n]! };
      });
    } catch (error) {
      throw storageError('download', located[0]!.location, error, options.signal);
    } finally {
      for (const i of located) i.s3.destroy();
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

function storageError(what: string, location: string, error: unknown, signal?: AbortSignal): SdkError {
  if (SdkError.is(error)) return error;
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (signal?.aborted || e?.name === 'AbortError') {
    return new AbortError(`${what} of ${location} was aborted`, { cause: signal?.reason ?? error });
  }
  const status = e?.$metadata?.httpStatusCode;
  const code = e?.name && e.name !== 'Error' ? e.name : (e?.message ?? String(error));
  const message = `${what} of ${location} failed: ${code}${status ? ` (HTTP ${status})` : ''}`;
  return new StorageError(message, location, { cause: error, status });
}

/** Size of the `.part` an interrupted download left for `path` (0 when there is none). */
async function partSize(path: string): Promise<number> {
  return (await stat(`${path}.part`).catch(() => undefined))?.size ?? 0;
}

/**
 * One object as a download source. The downloader resumes with `Range` + `If-Range`; S3 has no If-Range,
 * so it becomes `IfMatch` / `IfUnmodifiedSince`, and a 412 (the object changed) gets the whole object.
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
    const get = (extra: object) =>
      s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...extra }), { abortSignal: signal });
    const object = await get({ Range: range, ...condition }).catch(
      (error: { $metadata?: { httpStatusCode?: number } }) => {
        if (error?.$metadata?.httpStatusCode !== 412) throw error;
        return get({});
      },
    );
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
