import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run the sources on Node: `#platform` is the Node platform module (package.json maps it to the
// built file for everyone else).
export default defineConfig({
  resolve: {
    alias: { '#platform': fileURLToPath(new URL('./src/platform/node.ts', import.meta.url)) },
  },
});
