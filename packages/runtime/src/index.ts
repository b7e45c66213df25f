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
export {
  AbortError,
  APIError,
  type APIErrorInit,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  retryAfterSeconds,
  SdkError,
  ServerError,
  serverMessage,
  TimeoutError,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
export {
  collectItems,
  DEFAULT_OFFSET_PAGINATION,
  iterateItems,
  iteratePages,
  type OffsetPagination,
  Page,
  type PageFetcher,
} from './pagination.js';
export { type ApiKeyAuthOptions, apiKeyAuth } from './policies/api-key.js';
export { isSecretName, REDACTED, redactHeaders, redactUrl, redactValue, scrubText } from './redact.js';
export { createSdkTransport, type TransportOptions } from './stack.js';
export { adhocContext, createTransport, fromFetch, platformFetch } from './transport.js';
export type {
  BinaryBody,
  CallContext,
  CallOptions,
  Fetch,
  MultipartBody,
  Policy,
  RetrySettings,
} from './types.js';
export { type InputParts, type InputSchemas, validateInput } from './validate.js';
