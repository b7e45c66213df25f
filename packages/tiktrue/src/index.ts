export {
  AbortError,
  APIError,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  ConnectionError,
  IntegrityError,
  MemoryTokenStore,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  SdkError,
  ServerError,
  TimeoutError,
  type TokenSet,
  type TokenStore,
  ValidationError,
} from '@sdkforge/runtime';
export {
  createApiClient,
  DEFAULT_BASE_URL,
  type LoginCredentials,
  REFRESH_WINDOW_MS,
  type Registration,
  type Session,
  TikTrueClient,
  type TikTrueClientOptions,
  testBackendConnection,
} from './client.js';
export { HARDWARE_FINGERPRINT, hardwareFingerprint } from './fingerprint.js';
export * from './generated/resources.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
export { type ModelsContext, ModelsService } from './models.js';
export type { FileDownloadOptions, FileDownloadResult } from './node/download-file.js';
export type {
  ModelDownloadOptions,
  ModelDownloadProgress,
  ModelDownloadResult,
  ModelFileResult,
} from './node/download-model.js';
export type { LocalFile, LocalManifest } from './node/local-manifest.js';
export { LicenseService, PaymentsService } from './services.js';
export type { CallOptions } from './types.js';
