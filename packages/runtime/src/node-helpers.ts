/** What `@sdkforge/runtime/node` offers on every server runtime (Node, Bun, Deno): streamed downloads to disk, ranges, progress. */
export { lazyWebStream, nodeBody } from './node/body.js';
export { BufferedResponse } from './node/buffered-response.js';
export {
  type DownloadOptions,
  type DownloadResult,
  type DownloadSource,
  download,
} from './node/download.js';
export {
  type AggregateProgress,
  type DownloadItem,
  type DownloadManyOptions,
  downloadMany,
} from './node/download-many.js';
export { type DownloadProgress, ProgressMeter } from './node/progress.js';
export {
  acceptsRanges,
  parseContentRange,
  rangeOutcome,
  rangeValidator,
  resumeHeaders,
} from './node/range.js';
