import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  // The server only acknowledges (it cannot revoke JWTs); the client drops its tokens whatever the answer.
  const result = await client.logout();
  console.log(`Logout: ${result.message}; authenticated: ${client.isAuthenticated()}`);
} finally {
  await client.close();
}
