/** scripts/run docs [<package dir>…] — the API reference of each published package into docs/api/. */
import { join } from 'node:path';
import { buildDocs, publishedPackages } from '../docs.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const only = process.argv.slice(2);
const failed: string[] = [];
for (const pkg of publishedPackages(root).filter((p) => only.length === 0 || only.includes(p.dir))) {
  console.log(`\n▶ ${pkg.name} → docs/api/${pkg.dir}`);
  const r = await buildDocs(root, pkg, join(root, 'docs', 'api', pkg.dir));
  const gen = r.generatedUndocumented;
  const byFile = new Map<string, number>();
  for (const g of gen) {
    const file = /, ([^,]+)\)$/.exec(g)?.[1] ?? '?';
    byFile.set(file, (byFile.get(file) ?? 0) + 1);
  }
  console.log(
    `  ${r.exports} exports; ${r.undocumented.length} hand-written without a doc comment; ` +
      `${gen.length} generated without one (the spec gives no description)` +
      (gen.length ? `: ${[...byFile].map(([f, n]) => `${n} in ${f}`).join(', ')}` : ''),
  );
  if (!r.ok) failed.push(`${pkg.name} (${r.warnings} warnings)`);
}
if (failed.length) {
  console.error(`\n✗ API reference failed (warnings are errors): ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\n✓ API reference built in docs/api/');
