export {
  ApiClient,
  type ApiClientConfig,
  type HttpMethod,
  type OperationDescriptor,
  type RequestEncoding,
  type RequestInput,
  type ResponseDecoding,
  toSdkError,
} from './api-client.js';
export { ClientCore, type ClientCoreOptions, type ClientSlot, type OperationTable } from './client-core.js';
export { type Clock, systemClock } from './clock.js';
export { readEnv } from './env.js';
export {
  AbortError,
  APIError,
  type APIErrorInit,
  AuthenticationError,
  AuthorizationError,
  ClientClosedError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  IntegrityError,
  NotFoundError,
  RateLimitError,
  type RequestOutcome,
  RequestValidationError,
  ResponseParseError,
  ResponseTooLargeError,
  retryAfterSeconds,
  SdkError,
  ServerError,
  serverMessage,
  TimeoutError,
  TransportError,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
export { type DownloadedFile, filenameOf, filePart, guessContentType, readFile } from './file-part.js';
export { Log, type Logger, type LogLevel, type LogOptions, resolveLogLevel } from './log.js';
export { type EnvelopeFetcher, type PaginateMode, type PaginateOptions, paginate } from './paginate.js';
export {
  collectItems,
  DEFAULT_OFFSET_PAGINATION,
  iterateItems,
  iteratePages,
  type OffsetPagination,
  Page,
  type PageFetcher,
} from './pagination.js';
export type { NodeOptions } from './platform/types.js';
export { type ApiKeyAuthOptions, apiKeyAuth } from './policies/api-key.js';
export { type BearerAuthOptions, bearerAuth } from './policies/bearer.js';
export { type IdempotencyOptions, idempotencyPolicy } from './policies/idempotency.js';
export { jwtExpiresAt, tokenFreshness } from './policies/jwt.js';
export { loggingPolicy, logRetries } from './policies/logging.js';
export { type RetryEvent, type RetryPolicyOptions, retryPolicy } from './policies/retry.js';
export { RetryBudget, type RetryBudgetOptions } from './policies/retry-budget.js';
export {
  type AttemptOutcome,
  backoffDelay,
  classifyError,
  DEFAULT_RETRY,
  decideRetry,
  type ErrorKind,
  isIdempotentMethod,
  type RetryDecision,
  type RetryInput,
  requestOutcome,
  resolveRetrySettings,
} from './policies/retry-decision.js';
export { type SecretSource, type SecuritySchemeObject, schemeAuth } from './policies/scheme-auth.js';
export { SessionAuth, type SessionAuthOptions, sessionAuth } from './policies/session-auth.js';
export {
  attemptWindow,
  DEFAULT_TIMEOUT,
  type DeadlinePolicyOptions,
  deadlinePolicy,
  type TimeoutPolicyOptions,
  timeoutPolicy,
} from './policies/timeout.js';
export { MemoryTokenStore, type TokenSet, type TokenStore } from './policies/token-store.js';
export {
  isSecretName,
  REDACTED,
  redactHeaders,
  redactMessages,
  redactUrl,
  redactValue,
  scrubText,
} from './redact.js';
export { type DefaultClientRegistry, defaultClientRegistry } from './registry.js';
export { requestCopies } from './replay.js';
export { retryAfterMs } from './retry-after.js';
export {
  type MethodPlan,
  type PlanSource,
  type ScopeValues,
  Service,
  type ServiceHost,
  scopeArgs,
} from './service.js';
export { callSignal, raceAbort } from './signal.js';
export { createSdkTransport, type TransportOptions } from './stack.js';
export { adhocContext, createTransport, fromFetch, platformFetch } from './transport.js';
export type {
  BinaryBody,
  BodySource,
  CallContext,
  CallOptions,
  Fetch,
  MultipartBody,
  Policy,
  RetryOptions,
  RetrySettings,
} from './types.js';
export {
  type RuntimeGlobals,
  type RuntimeName,
  runtimeName,
  runtimeProduct,
  userAgent,
  userAgentHeaders,
} from './user-agent.js';
export { type InputParts, type InputSchemas, validateInput } from './validate.js';
