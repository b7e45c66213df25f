/** `models.downloadFile()` (the guide's `download_model_file`): one file route of the server, to disk. */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { RequestValidationError } from '@sdkforge/runtime';
import { type DownloadProgress, download } from '@sdkforge/runtime/node';
import { API_BASE_PATH, operationIndex } from '../generated/operations.gen.js';
import type { DownloadClient } from '../models.js';

/** Options of `models.downloadFile()`: a progress callback and a signal to stop. */
export interface FileDownloadOptions {
  /** Called as bytes arrive: `received`, `total` (when the server sent Content-Length) and `rate` (bytes/s). */
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  /** Stops the download (the `.part` file stays). */
  signal?: AbortSignal | undefined;
}

/** What `models.downloadFile()` wrote: the path, the size and the SHA-256. */
export interface FileDownloadResult {
  /** Where the file is (absolute). */
  path: string;
  size: number;
  /** SHA-256 of the file (hex), computed while it streamed. */
  sha256: string;
}

/** The spec's file routes (`x-download`) as patterns of their paths on the server. */
const FILE_ROUTES = operationIndex
  .filter((op) => 'download' in op)
  .map((op) => new RegExp(`^${API_BASE_PATH}${op.path.replace(/\{\w+\}/g, '[^/]+')}$`));

/** The absolute URL of a file route of this server: the bearer token is never sent anywhere else. */
export function fileUrl(url: string, baseUrl: string): URL {
  const invalid = (message: string) => new RequestValidationError('downloadFile', [{ path: 'url', message }]);
  const base = new URL(`${baseUrl}/`);
  if (!URL.canParse(url, base)) throw invalid(`"${url}" is not a URL`);
  const target = new URL(url, base);
  if (target.origin !== base.origin) {
    throw invalid(
      `must be a download URL of ${base.origin} (the bearer token is not sent to ${target.origin})`,
    );
  }
  if (!FILE_ROUTES.some((route) => route.test(target.pathname))) {
    throw invalid(
      `"${target.pathname}" is not a file route of the server (block, tokenizer, metadata, desktop app)`,
    );
  }
  return target;
}

/** Streams one file route of the server (a block, the tokenizer, the metadata, the desktop app) to `localPath`; what `models.downloadFile()` runs on Node. */
export async function downloadFile(
  client: DownloadClient,
  url: string,
  localPath: string,
  options: FileDownloadOptions,
): Promise<FileDownloadResult> {
  const target = fileUrl(url, client.baseUrl);
  const path = resolve(localPath);
  await mkdir(dirname(path), { recursive: true });
  const { onProgress, signal } = options;
  const done = await download(target.href, { fetch: client.transport, path, onProgress, signal });
  return { path: done.path, size: done.bytes, sha256: done.sha256 };
}
