/**
 * The gate end to end, in a throwaway git repository shaped like ours: packages/petshop + specs/petshop,
 * a release commit that sets the version, later spec changes, and pending changesets.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const fixtures = join(import.meta.dirname, 'fixtures');
const cli = (name: string) => join(import.meta.dirname, '..', 'src', 'cli', `${name}.ts`);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function repo(): { root: string; git: (...args: string[]) => string } {
  const root = mkdtempSync(join(tmpdir(), 'gate-'));
  dirs.push(root);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.invalid',
      },
    });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(root, 'specs', 'petshop'), { recursive: true });
  mkdirSync(join(root, 'packages', 'petshop'), { recursive: true });
  mkdirSync(join(root, '.changeset'));
  writeFileSync(join(root, '.changeset', 'README.md'), '# Changesets\n');
  return { root, git };
}

const setVersion = (root: string, version: string) =>
  writeFileSync(
    join(root, 'packages', 'petshop', 'package.json'),
    `${JSON.stringify({ name: '@example/petshop', version }, null, 2)}\n`,
  );
const setSpec = (root: string, fixture: string) =>
  copyFileSync(join(fixtures, `${fixture}.yaml`), join(root, 'specs', 'petshop', 'openapi.yaml'));
const changeset = (root: string, file: string, bump: string) =>
  writeFileSync(
    join(root, '.changeset', file),
    `---\n"@example/petshop": ${bump}\n---\n\nSomething changed.\n`,
  );

function run(root: string, name: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli(name), '--root', root, ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** 0.1.0 with the operation-swapped spec, released as 0.2.0 with the base spec, then `fixture`. */
function history(fixture: string) {
  const { root, git } = repo();
  setVersion(root, '0.1.0');
  setSpec(root, 'operation-swapped');
  git('add', '-A');
  git('commit', '-qm', 'first cut');
  setVersion(root, '0.2.0');
  setSpec(root, 'base');
  git('add', '-A');
  git('commit', '-qm', 'Version packages');
  writeFileSync(join(root, 'unrelated.txt'), 'x');
  setSpec(root, fixture);
  git('add', '-A');
  git('commit', '-qm', 'spec change');
  return root;
}

describe('changeset gate', () => {
  it('compares with the spec of the commit that set the current version, not the first one', () => {
    const root = history('base');
    const r = run(root, 'spec-diff', '--gate');
    // base vs base: nothing (against the 0.1.0 spec it would report getPet as added, deletePet removed)
    expect(r.out).toContain('no change since the release');
    expect(r.out).not.toContain('deletePet');
    expect(r.status).toBe(0);
  });

  it('fails a breaking spec change with only a patch changeset, and prints the changeset to write', () => {
    const root = history('removed-field');
    changeset(root, 'small-fix.md', 'patch');
    const r = run(root, 'spec-diff', '--gate');
    expect(r.status).toBe(1);
    expect(r.out).toContain('spec diff: breaking; needs a minor changeset; pending: patch (small-fix.md)');
    expect(r.out).toMatch(/---\s+"@example\/petshop": minor\s+---/);
    expect(r.out).toContain('Changed operations (breaking): `createPet`, `getPet`, `listPets`.');
  });

  it('fails a spec change without any changeset', () => {
    const root = history('optional-query');
    const r = run(root, 'spec-diff', '--gate');
    expect(r.status).toBe(1);
    expect(r.out).toContain('needs a patch changeset; pending: none');
  });

  it('passes a breaking change with a minor changeset (0.x), and a docs-only one with a patch', () => {
    const root = history('removed-field');
    changeset(root, 'small-fix.md', 'patch');
    changeset(root, 'tag-removed.md', 'minor');
    const r = run(root, 'spec-diff', '--gate');
    expect(r.out).toContain('pending: minor (small-fix.md, tag-removed.md)  ✓');
    expect(r.status).toBe(0);
    const docs = history('description-edit');
    changeset(docs, 'wording.md', 'patch');
    expect(run(docs, 'spec-diff', '--gate').status).toBe(0);
  });

  it('changeset:spec drafts the changeset that satisfies the gate, listing the operations', () => {
    const root = history('operation-swapped');
    expect(run(root, 'spec-diff', '--gate').status).toBe(1);
    const w = run(root, 'changeset-spec');
    expect(w.status).toBe(0);
    const files = readdirSync(join(root, '.changeset')).filter((f) => f.startsWith('spec-'));
    expect(files).toEqual(['spec-petshop-0.2.0-1.md']);
    const text = readFileSync(join(root, '.changeset', files[0]!), 'utf8');
    expect(text).toContain('"@example/petshop": minor');
    expect(text).toContain('- Added operations: `deletePet`.');
    expect(text).toContain('- Removed operations: `getPet`.');
    expect(run(root, 'spec-diff', '--gate').status).toBe(0);
  });

  it('deepens a shallow clone to reach the release, and refuses to guess when it cannot', () => {
    const root = history('optional-query');
    const clone = join(mkdtempSync(join(tmpdir(), 'gate-shallow-')), 'clone');
    dirs.push(join(clone, '..'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    const deepened = run(clone, 'spec-diff');
    expect(deepened.out).toContain('operations changed (1):');
    expect(deepened.out).toContain('spec diff: additive');
    const cut = join(mkdtempSync(join(tmpdir(), 'gate-shallow-')), 'clone');
    dirs.push(join(cut, '..'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, cut]);
    execFileSync('git', ['remote', 'remove', 'origin'], { cwd: cut });
    const r = run(cut, 'spec-diff');
    expect(r.status).toBe(1);
    expect(r.out).toContain('shallow');
  });
});
