import { SdkError, TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient({ baseUrl: process.env.BACKEND_URL ?? 'https://api.tiktrue.com' });
try {
  try {
    await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

    const { available_models: models } = await client.models.available();
    const model = models[0];
    if (!model) {
      console.log('No models available');
    } else {
      console.log(`Downloading model: ${model.display_name}`);
      // Token → manifest → every block, the tokenizer and the metadata, 4 at a time, into ./models/<name>.
      // Run it again after a failure: finished files are kept (checked against manifest.json), the rest resume.
      const result = await client.models.download(model.id, `./models/${model.name}`, {
        concurrency: 4,
        onProgress: ({ received, total, files }) => {
          const percent = total ? ((100 * received) / total).toFixed(1) : '?';
          process.stdout.write(
            `\rProgress: ${percent}% (${received.toLocaleString()}/${total.toLocaleString()} bytes, ${files.done}/${files.total} files)`,
          );
        },
      });
      console.log(`\nDownload completed: ${result.dir} (${result.files.length} files)`);
    }
  } catch (error) {
    if (error instanceof SdkError) console.log(`\nDownload failed: ${error.message}`);
    else throw error;
  }
} finally {
  await client.close();
}
