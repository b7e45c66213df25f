import { TikTrueClient } from '@sdkforge/tiktrue';

await using client = new TikTrueClient();
await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

const start = performance.now();
await client.models.available();
console.log(`Request took ${((performance.now() - start) / 1000).toFixed(2)} seconds`);
