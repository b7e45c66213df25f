/**
 * The seed's example: log in with a username and password (API 2.x servers), list the jobs and read
 * the results of the first one. `scripts/run demo` runs it against the mock server.
 */
import { AvatarClient } from '@sdkforge/avatar';

const client = new AvatarClient({ baseUrl: process.env.AVATAR_BASE_URL });
await client.authenticate(process.env.AVATAR_USERNAME ?? 'user', process.env.AVATAR_PASSWORD ?? 'pass');
console.log(`→ authenticate() → authMode: ${client.authMode}`);

const allJobs = (await client.jobs.getJobs()).jobs;
console.log(`→ jobs.getJobs(): ${allJobs.length} job(s)`);
if (allJobs.length) {
  const first = allJobs[0]!;
  const result = await client.results.getResults(first.name);
  console.log(`→ results.getResults('${first.name}')`);
  for (const [kind, urls] of Object.entries(result)) console.log(`  ${kind}: ${urls.length} file(s)`);
}
