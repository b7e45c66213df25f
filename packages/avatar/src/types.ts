import type { components } from './generated/schema.gen.js';

type Schemas = components['schemas'];

/** A job as `GET /jobs/{job_name}` returns it. */
export type Job = Schemas['JobResponse'];
/** What a job computes: `standard` (avatarization), `signal_metrics`, `privacy_metrics`, `report`, `advice`. */
export type JobKind = Schemas['JobKind'];
/** Lifecycle status of a job. */
export type JobStatus = Schemas['JobStatus'];
/** The answer of `POST /jobs`: the job's name and its `Location` (used in `depends_on`). */
export type JobCreated = Schemas['JobCreateResponse'];
/** Result kind → file URLs (`…/access?url=s3://…`). */
export type JobResults = Schemas['JobResults'];
/** A file URL with the S3 credentials that grant access to it. */
export type FileAccess = Schemas['FileAccess'];
/** S3 credentials handed out by `/access` and `/access/batch`. */
export type FileCredentials = Schemas['FileCredentials'];
/** The answer of `PUT /resources/{display_name}`. */
export type ResourceSet = Schemas['ResourceSetResponse'];
/** Tokens returned by the password login and the refresh. */
export type LoginTokens = Schemas['LoginResponse'];
/** The authenticated user (`GET /users/me`). */
export type MeUser = Schemas['MeUser'];

/** Statuses that end a job unsuccessfully. */
export const FAILED_JOB_STATUSES: readonly JobStatus[] = ['error', 'parent_error', 'lost', 'orphaned'];

/** True when the job stopped in a failure status. */
export function isFailedJob(job: Pick<Job, 'status'>): boolean {
  return FAILED_JOB_STATUSES.includes(job.status);
}
