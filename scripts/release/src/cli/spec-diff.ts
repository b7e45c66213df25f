/**
 * scripts/run spec-diff [<api>] [--gate] [--json] [--detail N] [--root DIR]
 *
 * Prints, per spec package, what changed in its spec since its last release (operations added, removed
 * and changed, by operationId) and the bump that implies. With --gate (CI), exits 1 when a package's
 * pending changesets do not cover that bump, and prints the changeset to write.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { draftChangeset, formatVerdict } from '../gate.ts';
import { evaluate } from '../run.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gate: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    detail: { type: 'string', default: '3' },
    root: { type: 'string', default: join(import.meta.dirname, '..', '..', '..', '..') },
  },
});

const results = evaluate(values.root, positionals[0]);
if (values.json) {
  console.log(
    JSON.stringify(
      results.map(({ release: _r, ...v }) => v),
      null,
      2,
    ),
  );
} else {
  for (const r of results)
    console.log(`${formatVerdict(r, r.releasedFrom, Number(values.detail)).join('\n')}\n`);
}
const failing = results.filter((r) => !r.ok);
if (values.gate && failing.length) {
  for (const r of failing) {
    console.error(
      `✗ ${r.name}: the spec diff is ${r.diff.level}, which needs a ${r.need} changeset; pending: ${r.have}.\n` +
        `  Write it with \`scripts/run changeset:spec ${r.api}\` (then edit the text), or add this file to .changeset/:\n`,
    );
    console.error(draftChangeset(r).replace(/^/gm, '    '));
  }
  process.exit(1);
}
if (values.gate)
  console.log(`✓ every spec change has a changeset with the bump it needs (${results.length} packages)`);
