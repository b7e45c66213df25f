import { ConnectionError, TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  // "Cannot connect to host": check connectivity and the server URL.
  try {
    await client.testConnection();
  } catch (error) {
    if (error instanceof ConnectionError) console.log(`Connection failed: ${error.message}`);
    else throw error;
  }

  // "Invalid credentials": verify email, password and hardware fingerprint.
  if (!client.isAuthenticated()) {
    console.log('Please login first');
  }
} finally {
  await client.close();
}
