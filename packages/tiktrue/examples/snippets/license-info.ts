import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  await client.license.validate(); // the first validation creates the license; info() is a 404 before it
  const info = await client.license.info();
  console.log(`Plan: ${info.user_info.subscription_plan}`);
  console.log(`Expires: ${info.license.expires_at ?? 'never'}`);
  console.log(
    `Max clients: ${info.user_info.max_clients}; models: ${info.user_info.allowed_models.join(', ')}`,
  );
} finally {
  await client.close();
}
