import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  const result = await client.models.available();
  for (const model of result.available_models) {
    // the guide's model_id is `id` (a UUID), size_mb is `file_size` in bytes, blocks_count is `block_count`
    console.log(`Model: ${model.display_name} (${model.id}), ${model.block_count} blocks`);
  }
} finally {
  await client.close();
}
