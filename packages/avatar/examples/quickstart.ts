/**
 * Avatar quick start: run with `scripts/run demo`, or against a real server with AVATAR_BASE_URL
 * (e.g. https://www.octopize.app/api) and AVATAR_API_KEY set: `node examples/quickstart.ts`.
 */
import { AvatarClient, NotFoundError, RequestValidationError } from '@sdkforge/avatar';

const client = new AvatarClient({
  baseUrl: process.env.AVATAR_BASE_URL,
  apiKey: process.env.AVATAR_API_KEY ?? '',
});
const show = (label: string, value: unknown) => console.log(`→ ${label}\n  ${JSON.stringify(value)}`);

show('client', { baseUrl: client.baseUrl, storageUrl: client.storageUrl, authMode: client.authMode });
show('health.getHealth()', await client.health.getHealth());
show('compatibility.isClientCompatible()', await client.compatibility.isClientCompatible());

const me = await client.users.getMe();
show('users.getMe()', { email: me.email, retentionDays: me.environment.dataset_expiration_days });

const { jobs } = await client.jobs.getJobs({ limit: 10 });
show(
  'jobs.getJobs({ limit: 10 })',
  jobs.map((j) => ({ name: j.name, kind: j.kind, status: j.status, progress: j.progress })),
);

const first = jobs.find((j) => j.status === 'finished');
if (first) {
  const results = await client.results.getResults(first.name);
  show(`results.getResults('${first.name}')`, Object.keys(results));
}

try {
  await client.apiKeys.createApiKey({ name: 'ci-pipeline', expiration_days: 90 as 365 });
} catch (error) {
  if (!(error instanceof RequestValidationError)) throw error;
  show('apiKeys.createApiKey({ expiration_days: 90 }) → RequestValidationError (nothing sent)', error.issues);
}

try {
  await client.jobs.getJobStatus('c3a8e5f1-7b2d-4e96-8f0a-5d4c1b9e7a23', {
    headers: process.env.SDKFORGE_DEMO ? { Prefer: 'code=404' } : {},
  });
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  show('jobs.getJobStatus(unknown) → NotFoundError', { status: error.status, message: error.message });
}
