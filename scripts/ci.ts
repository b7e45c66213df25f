/**
 * `pnpm ci` (the README's test command, via scripts/run test): every check CI runs, in order,
 * stopping at the first failure, with the time each step took.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const steps: [string, string[]][] = [
  ['lint (biome)', ['pnpm', 'lint']],
  ['workflows (action-validator + release rules)', ['pnpm', 'lint:workflows']],
  ['READMEs in our own words (no 8-word run from the seeds)', ['pnpm', 'lint:readmes']],
  ['generated code is up to date', ['pnpm', 'generate:check']],
  // issue 12: prints the hand-written line count of each SDK and fails over the limits (valentina 1000, avatar 1000, tiktrue 900)
  ['hand-written lines', ['node', 'scripts/hand-written-lines.ts', '--enforce']],
  ['spec changes have changesets', ['pnpm', 'spec-diff:gate']],
  ['build', ['pnpm', 'build']],
  ['typecheck', ['pnpm', 'typecheck']],
  ['API reference (TypeDoc) + headless Chromium check', ['pnpm', 'docs:check']],
  ['unit tests', ['pnpm', 'test']],
  ['contract tests (Prism)', ['pnpm', 'test:contract']],
  // issue 14: bad inputs refused before send, valid inputs accepted by Prism (prints both counts)
  ['generated input per operation (Prism)', ['pnpm', 'test:property']],
];
if (existsSync(join(root, 'test', 'reliability')))
  steps.push(['reliability suite', ['pnpm', 'test:reliability']]);
steps.push(['packaging (publint + attw)', ['pnpm', 'pack:check']]);
// Issue 13: runtime × SDK matrix and the browser budget (one Valentina call ≤ 25 kB gzip with esbuild and
// rolldown, sizes printed); a red cell or a size over budget fails CI.
steps.push(['runtime matrix + browser budget', ['pnpm', 'test:runtimes']]);

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  CI: process.env.CI ?? '1',
  FORCE_COLOR: '1',
  // issue 14: the reliability and generated-input suites leave their totals here for the summary
  SDKFORGE_REPORT_DIR: mkdtempSync(join(tmpdir(), 'sdkforge-ci-')),
};
const timings: [string, number, boolean][] = [];
const started = Date.now();
for (const [label, [cmd, ...args]] of steps) {
  console.log(`\n\x1b[1m▶ ${label}\x1b[0m  (${[cmd, ...args].join(' ')})`);
  const t0 = Date.now();
  const run = spawnSync(cmd!, args, { cwd: root, stdio: 'inherit', env });
  const ok = run.status === 0;
  timings.push([label, (Date.now() - t0) / 1000, ok]);
  if (!ok) break;
}
console.log('\n\x1b[1mSummary\x1b[0m');
for (const [label, secs, ok] of timings)
  console.log(`  ${ok ? '✓' : '✗'} ${label.padEnd(32)} ${secs.toFixed(1)} s`);
console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
// issue 14: ledger, fault schedules (with seed), generated input and secrets totals of this run
for (const file of readdirSync(env.SDKFORGE_REPORT_DIR).sort())
  process.stdout.write(`\n${readFileSync(join(env.SDKFORGE_REPORT_DIR, file), 'utf8')}`);
const failed = timings.some(([, , ok]) => !ok) || timings.length < steps.length;
process.exit(failed ? 1 : 0);
