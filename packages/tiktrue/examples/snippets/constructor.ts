import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient({
  baseUrl: 'https://api.tiktrue.com', // default: process.env.BACKEND_URL, then https://api.tiktrue.com
  timeout: 30_000, // milliseconds per attempt (the guide's 30 s)
  maxRetries: 3, // retries after the first attempt: connection errors, 408, 429, 5xx
});
await client.close();
