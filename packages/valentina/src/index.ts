export {
  AbortError,
  APIError,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  Page,
  RateLimitError,
  RequestValidationError,
  SdkError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@sdkforge/runtime';
export { DEFAULT_BASE_URL, ValentinaClient, type ValentinaClientOptions } from './client.js';
export * from './generated/resources.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
