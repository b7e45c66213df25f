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
export {
  type AuthTokens,
  AvatarClient,
  type AvatarClientOptions,
  DEFAULT_BASE_URL,
  normalizeBaseUrl,
  storageUrlFor,
} from './client.js';
export { AuthModeError, CredentialsRequiredError, JobFailedError, StorageError } from './errors.js';
export * from './generated/client.gen.js';
export type * from './generated/models.gen.js';
export * from './generated/operations.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
export * from './generated/services.gen.js';
export {
  CHAIN_PARAMETERS,
  createJobChain,
  JOB_CHAIN,
  type PollOptions,
  pollDelays,
  sleep,
  type WaitOptions,
  waitForJob,
  waitForJobs,
} from './jobs.js';
export { accessUrlFor, fileNameOf, joinS3, parseS3Url, type S3Location, s3PathOf } from './locations.js';
export { buildResourceSet, type ResourceSetInput, type TableInput } from './resource-set.js';
export {
  FAILED_JOB_STATUSES,
  isFailedJob,
  type Job,
  type JobCreated,
  type LoginTokens,
  type ResourceSet,
} from './types.js';
