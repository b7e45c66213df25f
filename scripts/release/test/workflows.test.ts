import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflow } from '../src/workflows.ts';

const dir = join(import.meta.dirname, '..', '..', '..', '.github', 'workflows');
const ci = readFileSync(join(dir, 'ci.yml'), 'utf8');
const release = readFileSync(join(dir, 'release.yml'), 'utf8');

describe('workflow lint', () => {
  it('accepts our workflows', () => {
    expect(lintWorkflow('ci.yml', ci)).toEqual([]);
    expect(lintWorkflow('release.yml', release)).toEqual([]);
  });

  it('rejects what GitHub would reject (schema)', () => {
    expect(lintWorkflow('ci.yml', ci.replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04'))).not.toEqual(
      [],
    );
    expect(lintWorkflow('ci.yml', ci.replace('pull_request:', 'pull-request:'))).not.toEqual([]);
  });

  it('rejects a release without provenance or OIDC, and CI that does not run the test command', () => {
    expect(
      lintWorkflow('release.yml', release.replace(/^ {2}id-token: write$/m, '  id-token: read')),
    ).toEqual(['permissions: id-token: write is needed for npm provenance']);
    expect(
      lintWorkflow(
        'release.yml',
        release.replace('NPM_CONFIG_PROVENANCE: "true"', 'NPM_CONFIG_PROVENANCE: "false"'),
      ),
    ).toEqual(['the changesets step must publish with NPM_CONFIG_PROVENANCE: "true"']);
    expect(lintWorkflow('ci.yml', ci.replace('run: scripts/run test', 'run: scripts/run lint'))).toEqual([
      'CI must run `scripts/run test` (the one command CI runs)',
    ]);
    expect(lintWorkflow('ci.yml', ci.replace('fetch-depth: 0', 'fetch-depth: 1'))).toHaveLength(1);
  });
});
