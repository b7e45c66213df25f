import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  const start = performance.now();
  await client.models.available();
  console.log(`Request took ${((performance.now() - start) / 1000).toFixed(2)} seconds`);
} finally {
  await client.close();
}
