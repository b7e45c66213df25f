/**
 * Totals a suite prints at its end. They go to stdout, and — when CI sets SDKFORGE_REPORT_DIR
 * (scripts/ci.ts does) — into a file there too, so the CI summary repeats them together at the end.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export function report(name: string, text: string): void {
  process.stdout.write(`\n${text}\n`);
  const dir = process.env.SDKFORGE_REPORT_DIR;
  if (dir) appendFileSync(join(dir, `${name}.txt`), `${text}\n`);
}
