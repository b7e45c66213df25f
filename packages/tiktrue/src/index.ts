export {
  AbortError,
  APIError,
  AuthenticationError,
  AuthorizationError,
  type CallOptions,
  ClientClosedError,
  ConfigurationError,
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
export * from './client.js';
export { HARDWARE_FINGERPRINT, hardwareFingerprint } from './fingerprint.js';
export type * from './generated/models.gen.js';
export * from './generated/operations.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
export * from './generated/services.gen.js';
export * from './models.js';
export type * from './node/download-file.js';
export type * from './node/download-model.js';
export type * from './node/local-manifest.js';
