import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  if (client.isAuthenticated()) {
    console.log('Client is authenticated');
  } else {
    console.log('Please login first');
  }
} finally {
  await client.close();
}
