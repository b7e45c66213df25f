import type {
  JobCreateResponse,
  JobResponse,
  JobStatus,
  LoginResponse,
  ResourceSetResponse,
} from './generated/models.gen.js';

/** A job as `GET /jobs/{job_name}` returns it. */
export type Job = JobResponse;
/** The answer of `POST /jobs`: the job's name and its `Location` (used in `depends_on`). */
export type JobCreated = JobCreateResponse;
/** The answer of `PUT /resources/{display_name}`. */
export type ResourceSet = ResourceSetResponse;
/** Tokens returned by the password login and the refresh. */
export type LoginTokens = LoginResponse;

/** Statuses that end a job unsuccessfully. */
export const FAILED_JOB_STATUSES: readonly JobStatus[] = ['error', 'parent_error', 'lost', 'orphaned'];

/** True when the job stopped in a failure status. */
export function isFailedJob(job: Pick<Job, 'status'>): boolean {
  return FAILED_JOB_STATUSES.includes(job.status);
}
