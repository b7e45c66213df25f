import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One spec and where its SDK's generated files go. */
export interface Target {
  name: string;
  /** Absolute path of specs/<name>/openapi.yaml. */
  spec: string;
  /** Path of the spec relative to the repository root (used in banners). */
  specRelative: string;
  /** Absolute path of packages/<name>/src/generated. */
  out: string;
}

export const repoRoot = resolve(import.meta.dirname, '../..');

/** Every specs/<name>/openapi.yaml whose package exists (packages/<name>). */
export function discoverTargets(root = repoRoot, only: string[] = []): Target[] {
  const specsDir = join(root, 'specs');
  const targets: Target[] = [];
  for (const name of readdirSync(specsDir).sort()) {
    const spec = join(specsDir, name, 'openapi.yaml');
    if (!existsSync(spec)) continue;
    if (only.length && !only.includes(name)) continue;
    const pkg = join(root, 'packages', name);
    if (!existsSync(join(pkg, 'package.json'))) continue;
    targets.push({
      name,
      spec,
      specRelative: `specs/${name}/openapi.yaml`,
      out: join(pkg, 'src', 'generated'),
    });
  }
  return targets;
}
