import { SdkError, TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient({ baseUrl: process.env.BACKEND_URL ?? 'https://api.tiktrue.com' });
try {
  console.log(`Initially authenticated: ${client.isAuthenticated()}`);

  try {
    await client.login({
      email: 'user@example.com',
      password: process.env.TIKTRUE_PASSWORD ?? '',
      hardwareFingerprint: 'ecee127698094c5f0def359c85600ea444e6cdf85e4e3b9ffe901ad5842b2291',
    });
    console.log('Login successful!');
    console.log(`Access token: ${client.accessToken?.slice(0, 20)}...`);
    console.log(`Token expires: ${client.tokenExpiresAt?.toISOString()}`);

    // Authenticated calls; the client refreshes the token 5 minutes before it expires.
    await client.license.validate();
    const license = await client.license.info();
    console.log(`License plan: ${license.user_info.subscription_plan}`);

    const logout = await client.logout();
    console.log(`Logout successful: ${logout.message}`);
  } catch (error) {
    if (error instanceof SdkError) console.log(`Login failed: ${error.message}`);
    else throw error;
  }
} finally {
  await client.close();
}
