import { AvatarClient } from '@sdkforge/avatar';

const client = new AvatarClient({ baseUrl: 'https://instance/api' });
await client.authenticate('user', 'pass');
const allJobs = (await client.jobs.getJobs()).jobs;
if (allJobs.length) {
  const first = allJobs[0]!;
  const result = await client.results.getResults(first.name);
  console.log(result);
}
