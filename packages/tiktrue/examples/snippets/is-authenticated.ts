import { TikTrueClient } from '@sdkforge/tiktrue';

await using client = new TikTrueClient();

if (client.isAuthenticated()) {
  console.log('Client is authenticated');
} else {
  console.log('Please login first');
}
