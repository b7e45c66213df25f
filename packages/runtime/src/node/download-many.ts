import {
  type DownloadOptions,
  type DownloadResult,
  type DownloadSource,
  download,
  undiciPool,
} from './download.js';
import type { DownloadProgress } from './progress.js';

/** One file of a {@link downloadMany} batch: where it comes from and where it goes. */
export interface DownloadItem {
  source: DownloadSource;
  path: string;
  sha256?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** Expected size in bytes, when known up front: the aggregated `total` is then known before the file starts. */
  size?: number | undefined;
}

/** Progress over every file: bytes and rate summed, `total` once every size is known, files finished. */
export interface AggregateProgress extends DownloadProgress {
  files: { done: number; total: number };
}

/** Settings of a {@link downloadMany} batch: how many files at once, aggregated progress, and the options every download shares. */
export interface DownloadManyOptions
  extends Omit<DownloadOptions, 'path' | 'sha256' | 'onProgress' | 'headers'> {
  /** Files downloading at once. @default 4 */
  concurrency?: number | undefined;
  onProgress?: ((progress: AggregateProgress) => void) | undefined;
  /**
   * Called as each file completes (renamed into place, checksum verified), before the next one is counted
   * done — record it here (e.g. in a local manifest) so it survives a later failure, abort or crash.
   */
  onFileDone?: ((result: DownloadResult, index: number) => void | Promise<void>) | undefined;
}

/**
 * Downloads several files with at most `concurrency` at a time (one shared connection pool), reporting one
 * aggregated progress and each finished file (`onFileDone`). The first failure stops the others (their
 * `.part` files stay for a later resume) and is thrown once they have stopped.
 */
export async function downloadMany(
  items: readonly DownloadItem[],
  options: DownloadManyOptions = {},
): Promise<DownloadResult[]> {
  // One pool shared by the URL sources; none at all when a fetch is given or every source is a callback.
  const needsPool = !options.fetch && items.some((item) => typeof item.source !== 'function');
  const owned = needsPool ? await undiciPool() : undefined;
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const state = items.map((item) => ({ received: 0, total: item.size as number | undefined, rate: 0 }));
  let done = 0;
  const report = () =>
    options.onProgress?.({
      received: state.reduce((n, s) => n + s.received, 0),
      total: state.every((s) => s.total !== undefined)
        ? state.reduce((n, s) => n + (s.total as number), 0)
        : undefined,
      rate: state.reduce((n, s) => n + s.rate, 0),
      files: { done, total: items.length },
    });
  const results: DownloadResult[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      const item = items[index] as DownloadItem;
      try {
        results[index] = await download(item.source, {
          ...options,
          fetch: options.fetch ?? owned,
          path: item.path,
          sha256: item.sha256,
          headers: item.headers,
          signal: controller.signal,
          onProgress: (p) => {
            state[index] = p;
            report();
          },
        });
        state[index] = { ...(state[index] as DownloadProgress), rate: 0 };
        await options.onFileDone?.(results[index] as DownloadResult, index);
        done++;
        report();
      } catch (error) {
        failure ??= { error };
        controller.abort(error);
      }
    }
  };
  try {
    const width = Math.max(1, Math.min(options.concurrency ?? 4, items.length));
    await Promise.all(Array.from({ length: width }, worker));
    if (failure) throw failure.error;
    return results;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await owned?.close();
  }
}
