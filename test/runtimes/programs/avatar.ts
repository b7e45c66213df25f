/**
 * An Avatar user's program, written from the package README: an API-key client, the health check,
 * the account, the job list, and a typed 404 for an unknown job. Avatar has no paginated operation.
 */
import { AvatarClient, NotFoundError } from '@sdkforge/avatar';

export async function main(baseUrl: string): Promise<string[]> {
  const out: string[] = [];
  const client = new AvatarClient({ baseUrl: `${baseUrl}/api`, apiKey: 'runtime-matrix-key' });
  const health = await client.health.getHealth();
  out.push(`health: ${JSON.stringify(health)}`);

  const me = await client.users.getMe();
  out.push(`me: ${me.email}`);

  const jobs = await client.jobs.getJobs();
  out.push(`jobs: ${Array.isArray(jobs) ? jobs.length : typeof jobs}`);

  try {
    await client.jobs.getJobStatus('missing-job');
    throw new Error('getJobStatus(missing) resolved');
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    out.push(`404 → ${error.name} (${error.status})`);
  }
  return out;
}
