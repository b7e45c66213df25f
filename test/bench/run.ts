/**
 * `pnpm --filter @sdkforge/test bench` — runs the four benchmarks in one process (servers and downloads in
 * child processes) and prints one table of ratios. It never fails on a number. `--readme` also writes the
 * table into packages/runtime/README.md; `--only=1,3` runs a subset.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { bigDownload } from './download.ts';
import type { Row } from './measure.ts';
import { overhead } from './overhead.ts';
import { pagination } from './pagination.ts';
import { loopback } from './throughput.ts';

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wanted = (n: string) => !only || only.includes(n);

const rows: Row[] = [];
const benches: [string, () => Promise<Row[]>][] = [
  ['1', () => overhead()],
  ['2', () => loopback()],
  ['3', () => bigDownload()],
  ['4', () => pagination()],
];
for (const [n, bench] of benches) {
  if (!wanted(n)) continue;
  process.stderr.write(`benchmark ${n}…\n`);
  const result = await bench();
  rows.push(...result);
  for (const row of result) process.stderr.write(`  ${row.benchmark}: ${row.ratio}\n`);
}

const machine = `Node ${process.version}, ${platform()} ${arch()}, ${cpus().length} × ${cpus()[0]?.model.trim()}`;
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} in one run on ${machine}.`,
  '',
  '| benchmark | ours | baseline | ratio | target |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.benchmark} | ${r.ours} | ${r.baseline} | ${r.ratio} | ${r.target} |`),
].join('\n');
process.stdout.write(`\n${table}\n`);

if (args.includes('--readme')) {
  const path = new URL('../../packages/runtime/README.md', import.meta.url);
  const readme = readFileSync(path, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < 0) throw new Error('README has no bench markers');
  writeFileSync(path, `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);
  process.stderr.write('table written to packages/runtime/README.md\n');
}
