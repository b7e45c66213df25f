import { SdkError, TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  try {
    const health = await client.testConnection(); // GET /health/ at the site root
    console.log(`Backend server is reachable (${health.status}, ${health.response_time_ms} ms)`);
  } catch (error) {
    if (error instanceof SdkError) console.log(`Connection failed: ${error.message}`);
    else throw error;
  }
} finally {
  await client.close();
}
