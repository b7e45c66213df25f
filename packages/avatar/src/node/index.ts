export type { AggregateProgress } from '@sdkforge/runtime/node';
export { Runner, type RunnerEvent, type RunnerOptions } from './runner.js';
export {
  AvatarStorage,
  type DownloadedFile,
  type DownloadManyFilesOptions,
  type DownloadOptions,
  type StorageOptions,
  type TransferProgress,
  type UploadedFile,
  type UploadOptions,
  type UploadSource,
} from './storage.js';
