import { SdkError } from '@sdkforge/runtime';
import type { Job } from './jobs.js';

/** `verifyAuth` is on and the operation needs credentials the client lacks; nothing was sent. */
export class CredentialsRequiredError extends SdkError {
  override name = 'CredentialsRequiredError';
  /** @param schemes the only security schemes the operation accepts, when the client's is not one of them */
  constructor(
    readonly operationId: string,
    schemes?: readonly string[],
  ) {
    super(
      schemes
        ? `${operationId} accepts only ${schemes.join(' or ')} credentials (an api key on API 3.x servers), not this client's password session`
        : `${operationId} needs credentials: pass \`apiKey\` to AvatarClient or call \`client.authenticate(username, password)\` first`,
    );
  }
}

/** The client was configured for one auth mode and asked to use the other (e.g. `authenticate()` with an api key). */
export class AuthModeError extends SdkError {
  override name = 'AuthModeError';
}

/** A job stopped in a failure status (`error`, `parent_error`, `lost`, `orphaned`). */
export class JobFailedError extends SdkError {
  override name = 'JobFailedError';
  /** The job's final status. */
  readonly status: Job['status'];
  /** The server's error message for the job (`exception`), possibly empty. */
  readonly reason: string;

  /** @param job the job as the server last reported it */
  constructor(readonly job: Job) {
    const { name, kind, parameters_name, status, exception } = job;
    super(
      `Job ${name} (${kind}, parameters "${parameters_name}") ended with status ${status}${exception ? `: ${exception}` : ''}`,
    );
    this.status = status;
    this.reason = exception;
  }
}

/** A transfer to or from the S3-compatible storage failed. `cause` is the S3 client's error. */
export class StorageError extends SdkError {
  override name = 'StorageError';
  /** The storage's HTTP status, when it answered. */
  readonly status: number | undefined;

  /** @param location the `s3://bucket/key` location involved */
  constructor(
    message: string,
    readonly location: string,
    options: { cause?: unknown; status?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
  }
}
