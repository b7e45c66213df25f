export {
  AbortError,
  APIError,
  AuthenticationError,
  AuthorizationError,
  ClientClosedError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  type Logger,
  type LogLevel,
  MemoryTokenStore,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  type RetryOptions,
  SdkError,
  ServerError,
  TimeoutError,
  type TokenSet,
  type TokenStore,
  ValidationError,
} from '@sdkforge/runtime';
export * from './client.js';
export * from './errors.js';
export * from './generated/client.gen.js';
export type * from './generated/models.gen.js';
export * from './generated/operations.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
export * from './generated/services.gen.js';
export * from './jobs.js';
export * from './locations.js';
export * from './resource-set.js';
