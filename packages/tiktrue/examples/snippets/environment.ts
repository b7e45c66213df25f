import { TikTrueClient } from '@sdkforge/tiktrue';

// export BACKEND_URL="https://api.tiktrue.com"   → the default baseUrl
// export TEST_USERNAME / TEST_PASSWORD / TEST_HW_FINGERPRINT   → read them yourself, e.g. in tests
const client = new TikTrueClient(); // baseUrl: process.env.BACKEND_URL ?? 'https://api.tiktrue.com'
try {
  const email = process.env.TEST_USERNAME;
  const password = process.env.TEST_PASSWORD;
  if (email && password) {
    await client.login({ email, password, hardwareFingerprint: process.env.TEST_HW_FINGERPRINT });
  }
  console.log(client.baseUrl, client.isAuthenticated());
} finally {
  await client.close();
}
