/**
 * scripts/run changeset:spec [<api>] [--print] [--force] [--root DIR]
 *
 * Drafts a changeset from the spec diff for each package (or the one named) whose pending changesets do
 * not cover the bump its spec diff needs; --force drafts one even when they do. Writes
 * .changeset/spec-<api>-<version>-<n>.md (or prints it with --print). Edit the prose before committing.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { draftChangeset } from '../gate.ts';
import { evaluate } from '../run.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    print: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    root: { type: 'string', default: join(import.meta.dirname, '..', '..', '..', '..') },
  },
});

let drafted = 0;
for (const r of evaluate(values.root, positionals[0])) {
  if (!r.diff.level) {
    console.log(`${r.name}: spec unchanged since ${r.version}; nothing to draft`);
    continue;
  }
  if (r.ok && !values.force) {
    console.log(
      `${r.name}: pending ${r.have} changeset(s) already cover the ${r.need} bump (${r.changesetFiles.join(', ')}); --force drafts one anyway`,
    );
    continue;
  }
  const text = draftChangeset(r);
  drafted++;
  if (values.print) {
    console.log(text);
    continue;
  }
  let n = 1;
  let file = join(values.root, '.changeset', `spec-${r.api}-${r.version}-${n}.md`);
  while (existsSync(file)) file = join(values.root, '.changeset', `spec-${r.api}-${r.version}-${++n}.md`);
  writeFileSync(file, text);
  console.log(`${r.name}: wrote ${relative(values.root, file)} (${r.need}); edit its prose, then commit it`);
}
if (!drafted) console.log('no changeset needed');
