/**
 * Lints .github/workflows: each file against GitHub's workflow schema (@action-validator/core, the
 * engine of `action-validator`), then the rules our release process rests on.
 */
import { createRequire } from 'node:module';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const validator = require('@action-validator/core') as {
  validateWorkflow(src: string): {
    errors: { code: string; title: string; detail?: string; path?: string }[];
  };
};

type Json = Record<string, unknown>;

interface Step {
  uses?: string;
  run?: string;
  with?: Json;
  env?: Json;
}

function steps(doc: Json): Step[] {
  const jobs = (doc.jobs ?? {}) as Record<string, { steps?: Step[] }>;
  return Object.values(jobs).flatMap((j) => j.steps ?? []);
}

/** Problems of one workflow file; `name` is its file name (ci.yml and release.yml have extra rules). */
export function lintWorkflow(name: string, src: string): string[] {
  const problems = validator
    .validateWorkflow(src)
    .errors.map((e) => `${e.path ?? ''} ${e.title}${e.detail ? `: ${e.detail}` : ''}`.trim());
  if (problems.length) return problems;
  const doc = parse(src) as Json;
  const all = steps(doc);
  const checkouts = all.filter((s) => s.uses?.startsWith('actions/checkout@'));
  if (checkouts.some((s) => String(s.with?.['fetch-depth']) !== '0'))
    problems.push(
      'actions/checkout needs fetch-depth: 0 (the changeset gate reads released specs from history)',
    );
  if (name === 'ci.yml' && !all.some((s) => /(^|\s)scripts\/run test(\s|$)/.test(s.run ?? '')))
    problems.push('CI must run `scripts/run test` (the one command CI runs)');
  if (name === 'release.yml') {
    const perms = (doc.permissions ?? {}) as Json;
    if (perms['id-token'] !== 'write')
      problems.push('permissions: id-token: write is needed for npm provenance');
    const action = all.find((s) => s.uses?.startsWith('changesets/action@'));
    if (!action) problems.push('no changesets/action step');
    else {
      if (String(action.env?.NPM_CONFIG_PROVENANCE) !== 'true')
        problems.push('the changesets step must publish with NPM_CONFIG_PROVENANCE: "true"');
      if (!action.with?.publish) problems.push('the changesets step has no publish command');
      if (!action.with?.version) problems.push('the changesets step has no version command');
    }
  }
  return problems;
}
