/**
 * `models.download()`, the TikTrue part: which files make up a model (the server's manifest), which are on
 * disk already (the local `manifest.json`), the download token (renewed when it expires) and telling the
 * server (`completeDownload`). Streaming, resume, SHA-256 and parallelism are the runtime's `downloadMany`.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type CallOptions, SdkError } from '@sdkforge/runtime';
import { type AggregateProgress, type DownloadItem, downloadMany } from '@sdkforge/runtime/node';
import type { DownloadManifest } from '../generated/models.gen.js';
import { type CompleteDownloadResult, OPERATIONS, type OperationId } from '../generated/operations.gen.js';
import type { DownloadClient } from '../models.js';
import {
  filesOf,
  isIntact,
  LOCAL_MANIFEST_FORMAT,
  type LocalFile,
  type LocalManifest,
  readLocalManifest,
  writeLocalManifest,
} from './local-manifest.js';

/** One aggregated progress report of `models.download()`. */
export interface ModelDownloadProgress {
  /** Bytes of the model on disk: files kept from an earlier run, finished files and files in flight. */
  received: number;
  /**
   * Expected bytes of the whole model. Until every file has started it is estimated from the manifest's
   * block sizes (the tokenizer's and metadata's sizes are known once they start); exact at the end.
   */
  total: number;
  /** Files finished (including those kept from an earlier run) out of all files of the model. */
  files: { done: number; total: number };
  /** Bytes per second, summed over the files in flight. */
  rate: number;
}

/** Options of `models.download()`: progress, parallel files, and a signal to stop. */
export interface ModelDownloadOptions {
  /** Called as bytes arrive and files finish. */
  onProgress?: ((progress: ModelDownloadProgress) => void) | undefined;
  /** Files downloaded at once. @default 4 */
  concurrency?: number | undefined;
  /** Stops the download; finished files stay recorded and a later call continues. */
  signal?: AbortSignal | undefined;
}

/** One file of a downloaded model. */
export interface ModelFileResult extends LocalFile {
  size: number;
  sha256: string;
  /** `downloaded` by this call, or `kept` from an earlier one (size and SHA-256 checked). */
  status: 'downloaded' | 'kept';
}

/** What `models.download()` left in the model directory: every file with its size and SHA-256, and the server's answer to the completion call. */
export interface ModelDownloadResult {
  /** The model directory (absolute). */
  dir: string;
  model: LocalManifest['model'];
  /** Every file of the model with its size and SHA-256. */
  files: ModelFileResult[];
  /** The server's answer to `completeDownload`; undefined when the model was already complete (no request made). */
  completion: CompleteDownloadResult | undefined;
}

/** Runs one model download into `dirPath` (created when missing). Inputs are checked by the caller. */
export async function downloadModel(
  client: DownloadClient,
  modelId: string,
  dirPath: string,
  options: ModelDownloadOptions,
): Promise<ModelDownloadResult> {
  const dir = resolve(dirPath);
  await mkdir(dir, { recursive: true });
  const call: CallOptions = { signal: options.signal };
  const previous = await readLocalManifest(dir);
  if (previous && previous.model.id !== modelId) {
    throw new SdkError(
      `download: ${dir} holds model ${previous.model.name} (${previous.model.id}), not ${modelId}; use another directory`,
    );
  }
  const kept = new Map<string, LocalFile>();
  for (const file of previous?.files ?? []) if (await isIntact(dir, file)) kept.set(file.name, file);

  if (previous?.complete && kept.size === previous.files.length) {
    const bytes = previous.files.reduce((n, f) => n + (f.size ?? 0), 0);
    const count = previous.files.length;
    options.onProgress?.({ received: bytes, total: bytes, files: { done: count, total: count }, rate: 0 });
    return result(dir, previous, new Set());
  }

  const session = downloadSession(client, modelId, call);
  const { manifest } = await session.grant();
  const files: LocalFile[] = filesOf(manifest).map((f) => {
    const old = kept.get(f.name);
    return { ...f, size: old?.size ?? null, sha256: old?.sha256 ?? null };
  });
  const local: LocalManifest = {
    format: LOCAL_MANIFEST_FORMAT,
    model: {
      id: modelId,
      name: manifest.model_name,
      displayName: manifest.display_name,
      version: manifest.version,
    },
    complete: false,
    completedAt: null,
    files,
  };
  await writeLocalManifest(dir, local);

  // Small files first, so their sizes are known early; then the blocks in order.
  const pending = files
    .filter((f) => f.sha256 === null)
    .sort((a, b) => (a.kind === 'block' ? 1 : 0) - (b.kind === 'block' ? 1 : 0));
  // Whatever sits under a pending file's name is not a verified download: it goes (a `.part` stays, for
  // the download to resume).
  await Promise.all(pending.map((f) => rm(join(dir, f.name), { force: true })));

  const keptBytes = files.reduce((n, f) => n + (f.sha256 === null ? 0 : (f.size ?? 0)), 0);
  const keptFiles = files.length - pending.length;
  const blockSizes = new Map(manifest.blocks.map((b) => [b.block_id, b.original_size]));
  const estimate = pending.reduce(
    (n, f) => n + (f.blockId === undefined ? 0 : (blockSizes.get(f.blockId) ?? 0)),
    0,
  );
  const onProgress = options.onProgress
    ? (p: AggregateProgress) =>
        options.onProgress?.({
          received: keptBytes + p.received,
          total: keptBytes + (p.total ?? Math.max(estimate, p.received)),
          files: { done: keptFiles + p.files.done, total: files.length },
          rate: p.rate,
        })
    : undefined;

  const items: DownloadItem[] = pending.map((file) => ({
    path: join(dir, file.name),
    size: file.blockId === undefined ? undefined : blockSizes.get(file.blockId),
    source: (init) => openFile(client, session, file, init),
  }));
  const downloaded = new Set<string>();
  // Each file is recorded in the local manifest as it lands, so a failure, an abort or a killed process
  // keeps what this call finished. Writes are queued: files finish concurrently, the manifest is one file.
  let saving = Promise.resolve();
  const save = () => {
    saving = saving.then(() => writeLocalManifest(dir, local));
    return saving;
  };
  await downloadMany(items, {
    concurrency: options.concurrency ?? 4,
    signal: options.signal,
    onProgress,
    fetch: client.transport,
    onFileDone: async (done, index) => {
      const file = pending[index] as LocalFile;
      file.size = done.bytes;
      file.sha256 = done.sha256;
      downloaded.add(file.name);
      await save();
    },
  }).finally(() => saving);
  await save();

  const { token } = await session.grant();
  const completion = await client.models.completeDownload(token, call);
  // Tokens replaced on the way (410) still count as unfinished downloads on the server for an hour; closing
  // them frees the plan's concurrent-download slots. Best effort: the model is complete either way.
  await Promise.all(
    session.tokens
      .filter((t) => t !== token)
      .map((t) => client.models.completeDownload(t, call).catch(() => undefined)),
  );
  local.complete = true;
  local.completedAt = new Date().toISOString();
  await writeLocalManifest(dir, local);
  return result(dir, local, downloaded, completion);
}

/** A download token and the manifest it gives. */
interface DownloadGrant {
  token: string;
  manifest: DownloadManifest;
}

/**
 * The download token of one `models.download()` call. A token lives one hour: when a file request says it
 * has expired (410, or 404 "Invalid or expired download token"), the first file to notice asks for a new
 * token and manifest, every other file waits for that same one (single-flight), at most 3 times.
 */
function downloadSession(client: DownloadClient, modelId: string, options: CallOptions) {
  const tokens: string[] = [];
  const open = async (): Promise<DownloadGrant> => {
    const { download_token: token } = await client.models.downloadUrl(modelId, options);
    tokens.push(token);
    return { token, manifest: await client.models.manifest(token, options) };
  };
  let current: Promise<DownloadGrant> | undefined;
  let renewals = 0;
  const grant = () => (current ??= open());
  const renew = async (stale: DownloadGrant, error: unknown): Promise<DownloadGrant> => {
    const now = await grant();
    if (now.token !== stale.token) return now;
    if (renewals++ >= 3) throw error;
    current = open();
    return current;
  };
  return { tokens, grant, renew };
}

/** True when a file request failed because its download token expired or is no longer known. */
function isStaleToken(error: unknown): boolean {
  const { status, body } = SdkError.is(error)
    ? (error as { status?: number; body?: { error?: unknown } })
    : {};
  return status === 410 || (status === 404 && body?.error === 'Invalid or expired download token');
}

/**
 * Requests one file with the current download token, through the client (auth, retries, typed errors); an
 * expired token is replaced once for every file.
 */
async function openFile(
  client: DownloadClient,
  session: ReturnType<typeof downloadSession>,
  file: LocalFile,
  init: { headers: Record<string, string>; signal: AbortSignal },
): Promise<Response> {
  const id = `downloadModel${file.kind[0]?.toUpperCase()}${file.kind.slice(1)}` as OperationId;
  let grant: DownloadGrant = await session.grant();
  for (;;) {
    const path = { download_token: grant.token, ...(file.kind === 'block' && { block_id: file.blockId }) };
    try {
      const response = await client.call<Response>(OPERATIONS[id], { path }, init);
      if (file.kind === 'block' && /json/i.test(response.headers.get('content-type') ?? '')) {
        await response.text().catch(() => undefined); // small JSON: read it rather than cancel the socket
        throw new SdkError(
          `downloadModelBlock: the server answered JSON instead of the bytes of block ${file.blockId} (a known server bug: its block route serves the model metadata); nothing was saved`,
        );
      }
      return response;
    } catch (error) {
      if (!isStaleToken(error)) throw error;
      grant = await session.renew(grant, error);
    }
  }
}

function result(
  dir: string,
  local: LocalManifest,
  downloaded: ReadonlySet<string>,
  completion?: CompleteDownloadResult,
): ModelDownloadResult {
  return {
    dir,
    model: local.model,
    files: local.files.map((f) => ({
      ...f,
      size: f.size ?? 0,
      sha256: f.sha256 ?? '',
      status: downloaded.has(f.name) ? 'downloaded' : 'kept',
    })),
    completion,
  };
}
