import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient({ baseUrl: process.env.BACKEND_URL ?? 'https://api.tiktrue.com' });
try {
  const health = await client.testConnection();
  console.log(`Connected: ${health.status === 'healthy'}`);

  await client.login({
    email: 'user@example.com',
    password: process.env.TIKTRUE_PASSWORD ?? '',
    hardwareFingerprint: process.env.TIKTRUE_FINGERPRINT, // 64 hex characters (SHA-256), or leave it out
  });
  console.log('Login successful!');

  const models = await client.models.available();
  console.log(
    'Available models:',
    models.available_models.map((m) => m.name),
  );
} finally {
  await client.close(); // on Node 24+, `await using client = …` does this for you
}
