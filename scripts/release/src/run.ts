/**
 * Loads every spec package's released and current spec, diffs them and judges the pending changesets.
 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { judge, type PackageVerdict } from './gate.ts';
import { lastRelease, pendingChangesets, type Release, readSpec, specPackages } from './release-state.ts';
import { diffSpecs } from './spec-diff.ts';

export interface Evaluated extends PackageVerdict {
  release: Release;
  releasedFrom: string;
}

export function evaluate(root: string, only?: string): Evaluated[] {
  const packages = specPackages(root).filter((p) => !only || p.api === only || p.name === only);
  if (only && packages.length === 0) throw new Error(`no spec package named ${only}`);
  const changesets = pendingChangesets(join(root, '.changeset'));
  return packages.map((pkg) => {
    const release = lastRelease(root, pkg);
    const before = release.specText === undefined ? undefined : parse(release.specText);
    const after = parse(readSpec(root, pkg));
    const diff = diffSpecs(before, after);
    const releasedFrom = release.commit
      ? `${pkg.spec} at ${release.commit.slice(0, 10)} (${release.date}), the commit that set ${release.version}` +
        (release.specText === undefined ? ' — no spec there yet' : '')
      : `version ${release.version} is not committed yet; comparing with the working tree`;
    return { ...judge(pkg, diff, changesets), release, releasedFrom };
  });
}
