/**
 * Errors. The HTTP errors come from the runtime under the Python client's names (`APIError`,
 * `NotFoundError`, `RateLimitError`…); this module adds the errors of client set-up and a typed view
 * of Valentina's RFC 9457 error body.
 */
import { type APIError, ConfigurationError } from '@sdkforge/runtime';

export {
  AbortError,
  APIError,
  AuthenticationError,
  AuthorizationError,
  ClientClosedError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
  SdkError,
  ServerError,
  TimeoutError,
  ValidationError,
  type ValidationIssue,
} from '@sdkforge/runtime';

/** A service factory (`companiesService()`…) was called while no default client is registered. */
export class NoDefaultClientError extends ConfigurationError {
  override name = 'NoDefaultClientError';
  constructor() {
    super(
      'No default ValentinaClient: create one (it registers itself unless setAsDefault is false) ' +
        'or call configureDefaultClient(client) first.',
    );
  }
}

/** A company-scoped service got no `companyId` and the client has no `defaultCompanyId`. */
export class MissingCompanyIdError extends ConfigurationError {
  override name = 'MissingCompanyIdError';
  constructor(service: string) {
    super(
      `${service} needs a companyId: pass { companyId } or give the client a defaultCompanyId ` +
        '(option or VALENTINA_CLIENT_DEFAULT_COMPANY_ID).',
    );
  }
}

/** What Valentina says about a failed call: its RFC 9457 body plus the rate-limit state. */
export interface ProblemDetails {
  status: number;
  title: string | undefined;
  detail: string | undefined;
  /** The request path the error is about. */
  instance: string | undefined;
  requestId: string | undefined;
  /** Machine-readable reason, e.g. `TOKEN_VERIFICATION_FAILED`, `IDENTITY_ALREADY_LINKED`. */
  code: string | undefined;
  /** Field-level reasons of a 400. */
  invalidParameters: { field: string; message: string }[];
  /** Tokens left in the tightest rate-limit policy (`RateLimit: …;r=N`). */
  remaining: number | undefined;
}

/** Reads Valentina's error body (`title`, `detail`, `code`, `invalid_parameters`…) off an {@link APIError}. */
export function problemDetails(error: APIError): ProblemDetails {
  const body = (error.body && typeof error.body === 'object' ? error.body : {}) as Record<string, unknown>;
  const str = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  const invalid = Array.isArray(body.invalid_parameters) ? body.invalid_parameters : [];
  return {
    status: error.status,
    title: str('title'),
    detail: str('detail'),
    instance: str('instance'),
    requestId: error.requestId,
    code: str('code'),
    invalidParameters: invalid.map((p: { field?: unknown; message?: unknown }) => ({
      field: String(p?.field ?? ''),
      message: String(p?.message ?? ''),
    })),
    remaining: remainingTokens(error.headers.get('ratelimit')),
  };
}

/** `"burst";r=8;t=0, "sustained";r=95;t=0` → 8: the smallest `r` over every policy. */
export function remainingTokens(header: string | null): number | undefined {
  if (!header) return undefined;
  let min: number | undefined;
  for (const m of header.matchAll(/(?:^|;)\s*r=(\d+)/g))
    min = Math.min(min ?? Number.POSITIVE_INFINITY, Number(m[1]));
  return min;
}
