/**
 * Each SDK names its version in its User-Agent, from `src/version.ts`. This keeps those files equal to the
 * packages' `package.json` versions: `node scripts/sync-versions.ts` rewrites them (the `version-packages`
 * script runs it after `changeset version`); `--check` (part of `pnpm lint`) fails when one is stale.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

/** The text of a package's `src/version.ts` for `version`. */
export function versionModule(version: string): string {
  return `// Written by scripts/sync-versions.ts from package.json: do not edit.\nexport const VERSION = '${version}';\n`;
}

const stale: string[] = [];
for (const name of readdirSync(join(root, 'packages'))) {
  const file = join(root, 'packages', name, 'src', 'version.ts');
  if (!existsSync(file)) continue;
  const { version } = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  const wanted = versionModule(version);
  if (readFileSync(file, 'utf8') === wanted) continue;
  if (check) stale.push(`packages/${name}/src/version.ts is not ${version}`);
  else writeFileSync(file, wanted);
}
if (stale.length) {
  console.error(`${stale.join('\n')}\nFix: node scripts/sync-versions.ts`);
  process.exit(1);
}
