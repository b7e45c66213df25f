/**
 * scripts/run lint:readmes [FILE…] — fails when a README (default: README.md and packages/<pkg>/README.md)
 * shares a run of 8+ consecutive words (OVERLAP_WORDS) with a seed document in scripts/seed-docs/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { overlap, seedGrams } from '../seed-overlap.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const n = Number(process.env.OVERLAP_WORDS ?? 8);
const seedDir = join(root, 'scripts', 'seed-docs');
const seeds = readdirSync(seedDir)
  .filter((f) => f !== 'README.md')
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));
if (seeds.length === 0) throw new Error(`no seed documents in ${seedDir}`);
const grams = seedGrams(seeds, n);

const args = process.argv.slice(2);
const files = args.length
  ? args
  : [
      join(root, 'README.md'),
      ...readdirSync(join(root, 'packages'))
        .map((p) => join(root, 'packages', p, 'README.md'))
        .filter((f) => existsSync(f)),
    ];
let failed = 0;
for (const file of files) {
  const o = overlap(readFileSync(file, 'utf8'), grams, n);
  const name = relative(root, file);
  if (o.runs.length) {
    failed++;
    console.error(
      `✗ ${name}: ${o.runs.length} runs, ${o.sharedWords}/${o.totalWords} words shared with the seeds in runs of ${n}+ words`,
    );
    for (const r of o.runs) console.error(`    - ${r}`);
  } else console.log(`✓ ${name}: no run of ${n}+ words shared with the seeds (${o.totalWords} words)`);
}
if (failed)
  console.error('\nSay it in our own words (facts, names and identifiers may repeat; sentences may not).');
process.exit(failed ? 1 : 0);
