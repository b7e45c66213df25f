import { AvatarClient, JobFailedError } from '@sdkforge/avatar';
import { Runner } from '@sdkforge/avatar/node';

const client = new AvatarClient({ baseUrl: 'https://instance/api', apiKey: 'your-api-key' });

const runner = new Runner(client, {
  displayName: 'iris',
  seed: 42,
  onEvent: (event) => {
    if (event.type === 'upload') console.log(`upload ${event.progress.transferred}/${event.progress.total}`);
    if (event.type === 'job-status')
      console.log(`${event.kind}: ${event.job.status} ${event.job.progress ?? ''}`);
  },
}).addTable('iris', 'fixtures/iris.csv', { k: 5 });

try {
  // upload the CSV to storage → PUT the resource set → standard → signal/privacy metrics → report
  const jobs = await runner.run();
  console.log(`report job: ${jobs.get('report')?.status}`);
  // every result file, streamed to results/<job kind>/<result kind>/<file>
  const files = await runner.downloadResults('results');
  for (const file of files) console.log(`${file.path} (${file.size} bytes)`);
} catch (error) {
  if (error instanceof JobFailedError) console.error(`${error.job.kind} failed: ${error.reason}`);
  else throw error;
}
