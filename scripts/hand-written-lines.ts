/**
 * How much of each SDK is written by hand: the lines of the files git tracks under
 * packages/<api>/src, leaving out src/generated/ (issue 12: the spec drives the public surface).
 *
 *   node scripts/hand-written-lines.ts            prints `hand-written lines: valentina N, avatar N, tiktrue N`
 *   node scripts/hand-written-lines.ts --enforce  also fails when a package is over its limit
 *   node scripts/hand-written-lines.ts --files    also lists each file with its line count
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const LIMITS = { valentina: 1000, avatar: 1000, tiktrue: 900 } as const;
type Api = keyof typeof LIMITS;

/** Lines of a file as `wc -l` would count them, plus a last line without a newline. */
function countLines(text: string): number {
  if (text.length === 0) return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** The tracked files of packages/<api>/src outside src/generated/. */
function handWrittenFiles(api: Api): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--', `packages/${api}/src`], {
    cwd: root,
    encoding: 'utf8',
  });
  return out
    .split('\0')
    .filter((file) => file !== '' && !file.startsWith(`packages/${api}/src/generated/`))
    .sort();
}

const args = new Set(process.argv.slice(2));
const counts = new Map<Api, number>();
for (const api of Object.keys(LIMITS) as Api[]) {
  let total = 0;
  for (const file of handWrittenFiles(api)) {
    const lines = countLines(readFileSync(join(root, file), 'utf8'));
    total += lines;
    if (args.has('--files')) console.log(`  ${String(lines).padStart(5)}  ${file}`);
  }
  counts.set(api, total);
}
console.log(`hand-written lines: ${[...counts].map(([api, n]) => `${api} ${n}`).join(', ')}`);

const over = [...counts].filter(([api, n]) => n > LIMITS[api]);
for (const [api, n] of over) {
  console.log(
    `  ${api}: ${n} > limit ${LIMITS[api]}${args.has('--enforce') ? '' : ' (not enforced: pass --enforce)'}`,
  );
}
if (args.has('--enforce') && over.length > 0) process.exit(1);
