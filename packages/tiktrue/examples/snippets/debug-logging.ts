import { TikTrueClient } from '@sdkforge/tiktrue';

// One line per HTTP exchange (method, path, status, attempt, duration); `debug` adds headers and JSON
// bodies. Authorization headers, passwords and tokens are redacted. SDKFORGE_LOG=debug does the same.
const client = new TikTrueClient({
  baseUrl: process.env.BACKEND_URL ?? 'https://api.tiktrue.com',
  logLevel: 'debug',
});
try {
  await client.testConnection();
  // [sdkforge] GET /health/ 200 attempt=1 41ms
} finally {
  await client.close();
}
