/**
 * `models.downloadFile()`: one file from a URL of the server's download routes (the guide's
 * `download_model_file`), streamed to disk by the runtime's `download`.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { RequestValidationError } from '@sdkforge/runtime';
import { type DownloadProgress, download } from '@sdkforge/runtime/node';
import { API_BASE_PATH } from '../generated/resources.gen.js';
import type { Resources } from '../types.js';
import { requestFile } from './download-model.js';

export interface FileDownloadOptions {
  /** Called as bytes arrive: `received`, `total` (when the server sent Content-Length) and `rate` (bytes/s). */
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  /** Stops the download (the `.part` file stays). */
  signal?: AbortSignal | undefined;
}

export interface FileDownloadResult {
  /** Where the file is (absolute). */
  path: string;
  size: number;
  /** SHA-256 of the file (hex), computed while it streamed. */
  sha256: string;
}

type DesktopAppName = Parameters<Resources['downloads']['downloadDesktopApp']>[0];

type Route =
  | { kind: 'block'; token: string; blockId: number }
  | { kind: 'tokenizer' | 'metadata'; token: string }
  | { kind: 'desktop-app'; filename: string };

/**
 * Which download operation a URL names. Only this server's download routes qualify: the bearer token is
 * never sent anywhere else.
 */
export function routeOf(url: string, baseUrl: string): Route {
  const base = new URL(`${baseUrl}/`);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    throw invalid(`"${url}" is not a URL`);
  }
  if (target.origin !== base.origin) {
    throw invalid(
      `must be a download URL of ${base.origin} (the bearer token is not sent to ${target.origin})`,
    );
  }
  const path = target.pathname.startsWith(`${API_BASE_PATH}/`)
    ? target.pathname.slice(API_BASE_PATH.length)
    : target.pathname;
  let m = /^\/models\/download\/([A-Za-z0-9_-]+)\/block\/(\d+)\/$/.exec(path);
  if (m) return { kind: 'block', token: m[1]!, blockId: Number(m[2]) };
  m = /^\/models\/download\/([A-Za-z0-9_-]+)\/(tokenizer|metadata)\/$/.exec(path);
  if (m) return { kind: m[2] as 'tokenizer' | 'metadata', token: m[1]! };
  m = /^\/downloads\/desktop-app\/([^/]+)$/.exec(path);
  if (m) return { kind: 'desktop-app', filename: decodeURIComponent(m[1]!) };
  throw invalid(
    `"${target.pathname}" is not a file route of the server (block, tokenizer, metadata or desktop app)`,
  );
}

function invalid(message: string): RequestValidationError {
  return new RequestValidationError('downloadFile', [{ path: 'url', message }]);
}

export async function downloadFile(
  api: Resources,
  baseUrl: string,
  url: string,
  localPath: string,
  options: FileDownloadOptions,
): Promise<FileDownloadResult> {
  const route = routeOf(url, baseUrl);
  const path = resolve(localPath);
  await mkdir(dirname(path), { recursive: true });
  const done = await download(
    (init) =>
      route.kind === 'desktop-app'
        ? api.downloads.downloadDesktopApp(route.filename as DesktopAppName, init)
        : requestFile(api, route.token, route.kind, route.kind === 'block' ? route.blockId : undefined, init),
    { path, onProgress: options.onProgress, signal: options.signal },
  );
  return { path: done.path, size: done.bytes, sha256: done.sha256 };
}
