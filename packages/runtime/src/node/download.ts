import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { finished, type Readable } from 'node:stream';
import { type Clock, systemClock } from '../clock.js';
import {
  AbortError,
  APIError,
  ConfigurationError,
  ConnectionError,
  IntegrityError,
  SdkError,
} from '../errors.js';
import { backoffDelay, classifyError } from '../policies/retry-decision.js';
import { adhocContext } from '../transport.js';
import type { Fetch } from '../types.js';
import { nodeBody } from './body.js';
import { type DownloadProgress, ProgressMeter } from './progress.js';
import { acceptsRanges, parseContentRange, rangeOutcome, rangeValidator, resumeHeaders } from './range.js';
import type { NodeTransport } from './transport.js';

/** Asks for the bytes: an SDK call (forwarding `headers` and `signal`), or a URL fetched with `fetch`. */
export type DownloadSource =
  | string
  | URL
  | ((init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>);

/** Settings of one streamed download: the target file, the transport, the expected checksum, progress and resumption. */
export interface DownloadOptions {
  /** The file to create. Bytes go to `<path>.part` first; it is renamed to `path` once complete and verified. */
  path: string;
  /** For URL sources. @default a Node transport made for this download */
  fetch?: Fetch | undefined;
  /** Extra request headers (URL sources). */
  headers?: Record<string, string> | undefined;
  /** Called at most every `progressInterval` ms, and once at the end. */
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  /** @default 100 */
  progressInterval?: number | undefined;
  /** Stops the download (the `.part` stays, to resume later). */
  signal?: AbortSignal | undefined;
  /** Expected SHA-256 (hex, any case). A mismatch deletes the bytes and throws IntegrityError. */
  sha256?: string | undefined;
  /** Continue a `.part` left by an earlier run. @default true */
  resume?: boolean | undefined;
  /** Reconnections after the connection drops mid-download. @default 5 */
  maxReconnects?: number | undefined;
  clock?: Clock | undefined;
}

/** What a finished download wrote: the file, its size and SHA-256, and how often it resumed. */
export interface DownloadResult {
  path: string;
  /** Size of the file. */
  bytes: number;
  /** SHA-256 of the file, hex. */
  sha256: string;
  /** Times the download continued where it stopped (Range). */
  resumed: number;
  /** Times it had to start over (no range support, or the file changed). */
  restarted: number;
}

interface PartMeta {
  validator?: string | undefined;
  total?: number | undefined;
  ranges?: boolean | undefined;
}

/**
 * Streams a response to a file with flat memory: progress `{ received, total, rate }`, an AbortSignal, a
 * `.part` file renamed atomically at the end, SHA-256 computed while the bytes arrive (and checked when
 * `sha256` is given). When the connection drops it reconnects: with `Range`/`If-Range` from where it
 * stopped if the server sends `Accept-Ranges`, from the start otherwise. A `.part` left by an earlier run
 * continues the same way (its validator is kept next to it in `<path>.part.json`).
 */
export async function download(source: DownloadSource, options: DownloadOptions): Promise<DownloadResult> {
  const owned = typeof source !== 'function' && !options.fetch ? await undiciPool() : undefined;
  try {
    return await run(sender(source, options, owned), options);
  } finally {
    await owned?.close();
  }
}

/**
 * The undici pool for URL sources, loaded only when one is needed: Bun and Deno also run these helpers (they
 * match the `node` condition), and undici does not load there (Bun's built-in `undici` lacks parts of it, Deno
 * refuses its env reads without --allow-env). Give them `fetch` (the client's transport) instead.
 */
export async function undiciPool(): Promise<NodeTransport> {
  let load: typeof import('./transport.js');
  try {
    load = await import('./transport.js');
  } catch (cause) {
    throw new ConfigurationError(
      "downloads from a URL need the undici transport, which does not load on this runtime: pass `fetch` (e.g. the client's transport)",
      { cause },
    );
  }
  return load.nodeTransport();
}

type Send = (headers: Record<string, string>, signal: AbortSignal) => Promise<Response>;

function sender(source: DownloadSource, options: DownloadOptions, owned: Fetch | undefined): Send {
  if (typeof source === 'function') return (headers, signal) => source({ headers, signal });
  const fetch = (options.fetch ?? owned) as Fetch;
  const url = String(source);
  return async (headers, signal) => {
    const request = new Request(url, { headers: { ...options.headers, ...headers } });
    const context = { ...adhocContext('download'), stream: true, options: { signal } };
    const response = await fetch(request, context);
    if (response.ok) return response;
    const body = await response.text().catch(() => '');
    throw APIError.from({ status: response.status, headers: response.headers, body, method: 'GET', url });
  };
}

async function run(send: Send, options: DownloadOptions): Promise<DownloadResult> {
  const clock = options.clock ?? systemClock;
  const part = `${options.path}.part`;
  const metaPath = `${part}.json`;
  const meter = new ProgressMeter({ interval: options.progressInterval ?? 100 });
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const aborted = () => new AbortError('The download was aborted', { cause: options.signal?.reason });

  let hash = createHash('sha256');
  let offset = 0;
  let meta: PartMeta = {};
  if (options.resume !== false) {
    const previous = await readPart(part, metaPath, hash);
    if (previous) ({ offset, meta } = previous);
  }
  let resumed = 0;
  let restarted = 0;
  let reconnects = 0;
  const report = (force: boolean) => {
    const progress = meter.sample(clock.now(), offset, meta.total, force);
    if (progress) options.onProgress?.(progress);
  };
  const startOver = () => {
    if (offset > 0) restarted++;
    offset = 0;
    hash = createHash('sha256');
    meter.reset();
  };

  try {
    for (;;) {
      if (options.signal?.aborted) throw aborted();
      let response: Response;
      try {
        response = await send(
          resumeHeaders(offset, offset > 0 ? meta.validator : undefined),
          controller.signal,
        );
      } catch (error) {
        if ((error as { status?: number }).status === 416 && offset > 0) {
          if (meta.total !== undefined && offset === meta.total) break;
          startOver();
          continue;
        }
        throw error;
      }
      const range = parseContentRange(response.headers.get('content-range'));
      const outcome = rangeOutcome(response.status, offset, range, meta.total);
      if (outcome === 'fail') throw new SdkError(`The download answered ${response.status}`);
      if (outcome === 'restart' && offset > 0) {
        startOver();
        if (response.status !== 200) {
          await response.body?.cancel();
          continue;
        }
      }
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      meta = {
        validator: rangeValidator(response.headers) ?? meta.validator,
        total: range?.total ?? (Number.isFinite(length) ? offset + length : meta.total),
        ranges: acceptsRanges(response.headers),
      };
      await writeFile(metaPath, JSON.stringify(meta));
      try {
        await receive(response, part, offset > 0, controller.signal, (chunk) => {
          hash.update(chunk);
          offset += chunk.length;
          report(false);
        });
        if (meta.total !== undefined && offset < meta.total) {
          throw new ConnectionError(`The connection closed after ${offset} of ${meta.total} bytes`);
        }
        break;
      } catch (error) {
        if (options.signal?.aborted) throw aborted();
        const kind = classifyError(error);
        if ((kind !== 'network' && kind !== 'timeout') || reconnects >= (options.maxReconnects ?? 5))
          throw error;
        const pause = backoffDelay(reconnects, { baseDelay: 250, maxDelay: 4_000 }, Math.random());
        await clock.sleep(pause, options.signal).catch(() => {
          throw aborted();
        });
        reconnects++;
        // Every byte counted is on disk (the file was flushed); anything else and the hash cannot continue.
        const onDisk = await stat(part).then(
          (st) => st.size,
          () => -1,
        );
        if (meta.ranges && offset > 0 && onDisk === offset) resumed++;
        else startOver();
      }
    }
    report(true);
    const digest = hash.digest('hex');
    if (options.sha256 && digest !== options.sha256.toLowerCase()) {
      await rm(part, { force: true });
      await rm(metaPath, { force: true });
      throw new IntegrityError(
        `SHA-256 mismatch for ${options.path}: expected ${options.sha256}, got ${digest}`,
      );
    }
    await rename(part, options.path);
    await rm(metaPath, { force: true });
    return { path: options.path, bytes: offset, sha256: digest, resumed, restarted };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** A `.part` from an earlier run: its size, and its bytes fed to the hash (streamed, memory stays flat). */
async function readPart(part: string, metaPath: string, hash: Hash) {
  const size = await stat(part).then(
    (s) => s.size,
    () => 0,
  );
  if (size === 0) return undefined;
  const meta = await readFile(metaPath, 'utf8').then(
    (text) => JSON.parse(text) as PartMeta,
    () => undefined,
  );
  if (!meta?.ranges) return undefined;
  for await (const chunk of createReadStream(part)) hash.update(chunk as Buffer);
  return { offset: size, meta };
}

/** Streams the body into the file with backpressure; `onChunk` sees every chunk before it is written. */
async function receive(
  response: Response,
  part: string,
  append: boolean,
  signal: AbortSignal,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const file = createWriteStream(part, { flags: append ? 'a' : 'w', highWaterMark: 1024 * 1024 });
  const node = nodeBody(response);
  try {
    if (node) await pump(node, file, signal, onChunk);
    else await pumpWeb(response.body, file, signal, onChunk);
    file.end();
    await once(file, 'close');
  } catch (error) {
    node?.destroy();
    // Keep what was received: flush the bytes already handed to the file, so a resume starts after them.
    file.end();
    await new Promise<void>((resolve) => finished(file, () => resolve()));
    throw error;
  }
}

/**
 * Node stream → file, pausing the source while the file catches up (what `pipe` does, plus a tap). The end
 * is detected with `finished`, which also reports a source that was destroyed before we got to it.
 */
function pump(
  source: Readable,
  file: WriteStream,
  signal: AbortSignal,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      stopWatching();
      signal.removeEventListener('abort', abort);
      source.off('data', onData);
      file.off('error', settle).off('drain', resume);
      if (error) reject(error);
      else resolve();
    };
    const abort = () => settle(signal.reason);
    const resume = () => source.resume();
    const onData = (chunk: Buffer) => {
      onChunk(chunk);
      if (!file.write(chunk)) source.pause();
    };
    const stopWatching = finished(source, (error) => settle(error ?? undefined));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    file.on('error', settle).on('drain', resume);
    source.on('data', onData);
  });
}

/**
 * A web stream → file, read one chunk at a time (no read-ahead that a failure would throw away).
 */
async function pumpWeb(
  body: ReadableStream<Uint8Array> | null,
  file: WriteStream,
  signal: AbortSignal,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const reader = body?.getReader();
  if (!reader) return;
  const stop = () => reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) return;
      onChunk(value);
      if (!file.write(value)) await once(file, 'drain');
    }
  } catch (error) {
    reader.cancel(error).catch(() => {});
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
