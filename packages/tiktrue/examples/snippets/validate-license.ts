import { AuthorizationError, hardwareFingerprint, TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  // The server wants a SHA-256 hexdigest; the guide's "hw_fingerprint_123" is rejected before sending.
  const fingerprint = await hardwareFingerprint(['board:PF2K3M1X', 'cpu:BFEBFBFF000906EA']);
  try {
    const result = await client.license.validate(fingerprint);
    console.log(`License valid: ${result.valid} (${result.license.license_key})`);
  } catch (error) {
    // 403: "License is not valid for this hardware" or "License is not valid or has expired"
    if (error instanceof AuthorizationError) console.log(error.message);
    else throw error;
  }
} finally {
  await client.close();
}
