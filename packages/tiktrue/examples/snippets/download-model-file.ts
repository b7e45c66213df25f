import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  const token = await client.models.downloadUrl('4d0aad5c-4e52-4c13-8a48-75fd030da0f0');
  const manifest = await client.models.manifest(token.download_token);

  // One file from a manifest URL (relative URLs are fine; the bearer token is sent only to this server).
  const file = await client.models.downloadFile(manifest.blocks[0]!.download_url, './models/block_1.onnx', {
    onProgress: ({ received, total }) => {
      if (total)
        console.log(`Progress: ${((100 * received) / total).toFixed(1)}% (${received}/${total} bytes)`);
    },
  });
  console.log(`Downloaded to: ${file.path} (${file.size} bytes, sha256 ${file.sha256})`);
} finally {
  await client.close();
}
