#!/usr/bin/env node
/**
 * sdk-codegen [--check] [name…]
 * Lints every specs/<name>/openapi.yaml and writes packages/<name>/src/generated/.
 * With --check, writes nothing and exits 1 when any generated file differs from what the spec gives.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { discoverTargets, repoRoot } from './config.ts';
import { generateTarget } from './generate.ts';

const { values, positionals } = parseArgs({
  options: { check: { type: 'boolean', default: false }, root: { type: 'string', default: repoRoot } },
  allowPositionals: true,
});
const root = values.root;

const targets = discoverTargets(root, positionals);
if (!targets.length) {
  console.error('no specs/<name>/openapi.yaml with a matching packages/<name> found');
  process.exit(1);
}

const stale: string[] = [];
let failed = false;
for (const target of targets) {
  let files: Awaited<ReturnType<typeof generateTarget>>;
  try {
    files = await generateTarget(target, { lintConfig: join(root, 'specs', 'redocly.yaml') });
  } catch (error) {
    console.error(`✗ ${target.name}: ${(error as Error).message}`);
    failed = true;
    continue;
  }
  for (const file of files) {
    const current = existsSync(file.path) ? readFileSync(file.path, 'utf8') : undefined;
    if (current === file.content) continue;
    if (values.check) {
      stale.push(relative(root, file.path));
    } else {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.content);
    }
  }
  // A generated file the generator no longer produces (e.g. the old resources.gen.ts) goes away.
  const wanted = new Set(files.map((f) => f.path));
  const present = existsSync(target.out) ? readdirSync(target.out).filter((n) => n.endsWith('.gen.ts')) : [];
  for (const name of present) {
    const path = join(target.out, name);
    if (wanted.has(path)) continue;
    if (values.check) stale.push(`${relative(root, path)} (no longer generated: delete it)`);
    else rmSync(path);
  }
  console.log(
    `✓ ${target.name}: ${values.check ? 'checked' : 'generated'} ${files.length} files from ${target.specRelative}`,
  );
}

if (stale.length) {
  console.error(
    `\nGenerated code is stale:\n  ${stale.join('\n  ')}\nFix: scripts/run generate  (then commit the result)`,
  );
  process.exit(1);
}
if (failed) process.exit(1);
