import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  // Model routes take the UUID `id`, not the slug "llama3_1_8b_fp16".
  const metadata = await client.models.metadata('4d0aad5c-4e52-4c13-8a48-75fd030da0f0');
  console.log(`Size: ${Math.round(metadata.file_size / 1e6)} MB`);
  console.log(`Blocks: ${metadata.block_count}`);
} finally {
  await client.close();
}
