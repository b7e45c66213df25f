import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // package.json `imports` maps `#download` into dist/; the tests run the sources.
  resolve: { alias: { '#download': fileURLToPath(new URL('src/node/download.ts', import.meta.url)) } },
});
