import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  // Step 1 of the real two-step download: a one-hour token and the RELATIVE URL of its manifest.
  const token = await client.models.downloadUrl('4d0aad5c-4e52-4c13-8a48-75fd030da0f0');
  console.log(
    `Download URL: ${new URL(token.download_url, client.baseUrl)} (expires in ${token.expires_in} s)`,
  );

  // Step 2: the manifest lists every block, the tokenizer and the metadata file.
  const manifest = await client.models.manifest(token.download_token);
  console.log(`${manifest.blocks.length} blocks, first: ${manifest.blocks[0]?.download_url}`);
} finally {
  await client.close();
}
