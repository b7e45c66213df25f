import {
  AuthenticationError,
  AvatarClient,
  CredentialsRequiredError,
  NotFoundError,
  RateLimitError,
  RequestValidationError,
} from '@sdkforge/avatar';

const client = new AvatarClient({ baseUrl: 'https://instance/api', apiKey: 'your-api-key' });

try {
  await client.jobs.getJobStatus('c3a8e5f1-7b2d-4e96-8f0a-5d4c1b9e7a23');
} catch (error) {
  if (error instanceof NotFoundError) console.log(`no such job: ${error.message}`);
  else if (error instanceof RateLimitError) console.log(`rate limited, retry in ${error.retryAfter} s`);
  else if (error instanceof AuthenticationError) console.log('the api key was refused');
  else if (error instanceof CredentialsRequiredError) console.log('no api key, no authenticate()');
  else if (error instanceof RequestValidationError) console.log(error.issues);
  else throw error;
}
