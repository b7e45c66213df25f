/**
 * `pnpm demo`: starts a Prism mock for every spec and runs each SDK's examples against it,
 * so a new user sees what is called, what comes back and how errors look.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startPrism } from '../test/helpers/prism.ts';
import { apiNames, repoRoot, serverBasePath, specPath } from '../test/helpers/specs.ts';

const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
let failures = 0;
for (const api of apiNames()) {
  const examplesDir = join(repoRoot, 'packages', api, 'examples');
  const examples = existsSync(examplesDir)
    ? readdirSync(examplesDir)
        .filter((f) => f.endsWith('.ts'))
        .sort()
    : [];
  if (!examples.length) continue;
  console.log(bold(`\n━━ @sdkforge/${api} ━━ starting Prism for specs/${api}/openapi.yaml`));
  const mock = await startPrism(specPath(api), { basePath: serverBasePath(api) });
  try {
    for (const example of examples) {
      console.log(bold(`\n$ node packages/${api}/examples/${example}`));
      // Not spawnSync: the mock's proxy runs in this process and must keep serving.
      const child = spawn(process.execPath, [join(examplesDir, example)], {
        stdio: 'inherit',
        env: {
          ...process.env,
          [`${api.toUpperCase()}_BASE_URL`]: mock.url,
          [`${api.toUpperCase()}_API_KEY`]:
            process.env[`${api.toUpperCase()}_API_KEY`] ?? 'demo-key-0123456789',
          SDKFORGE_DEMO: '1',
        },
      });
      const [code] = await once(child, 'exit');
      if (code !== 0) failures++;
    }
  } finally {
    await mock.stop();
  }
}
if (failures) {
  console.error(`\n${failures} example(s) failed`);
  process.exit(1);
}
console.log(bold('\nAll examples ran. Next: `scripts/run test` runs the whole suite.'));
