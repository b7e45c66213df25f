/** scripts/run lint:workflows — every .github/workflows/*.yml against the schema and our release rules. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintWorkflow } from '../workflows.ts';

const dir = join(import.meta.dirname, '..', '..', '..', '..', '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
let failed = 0;
for (const file of files) {
  const problems = lintWorkflow(file, readFileSync(join(dir, file), 'utf8'));
  for (const p of problems) console.error(`✗ .github/workflows/${file}: ${p}`);
  if (problems.length) failed++;
  else console.log(`✓ .github/workflows/${file}`);
}
if (!files.includes('ci.yml') || !files.includes('release.yml')) {
  console.error('✗ .github/workflows needs ci.yml and release.yml');
  failed++;
}
process.exit(failed ? 1 : 0);
