import { TikTrueClient, ValidationError } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  try {
    const session = await client.login({
      email: 'user@example.com', // the guide's `username`: the server logs in by email
      password: process.env.TIKTRUE_PASSWORD ?? '',
      hardwareFingerprint: 'ecee127698094c5f0def359c85600ea444e6cdf85e4e3b9ffe901ad5842b2291',
    });
    console.log(
      `Logged in as ${session.user.username}; token expires ${session.tokenExpiresAt?.toISOString()}`,
    );
    console.log(`Access token: ${client.accessToken?.slice(0, 20)}...`);
  } catch (error) {
    if (error instanceof ValidationError)
      console.log(error.message); // "login failed with 400: Invalid credentials"
    else throw error;
  }
} finally {
  await client.close();
}
