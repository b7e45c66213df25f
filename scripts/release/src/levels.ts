/**
 * Change levels and the semver bump each one implies.
 *
 * Our convention (stated in .changeset/README.md):
 *   version ≥ 1.0.0:  breaking → major, additive → minor, docs-only → patch
 *   version 0.y.z:    breaking → minor, additive → patch, docs-only → patch
 * While a package is 0.x, a caret range (`^0.3.1`) accepts only 0.3.*, so the minor digit is the one that
 * tells users "this may break you", and everything compatible ships as a patch.
 */

export type Level = 'breaking' | 'additive' | 'docs-only';
export type Bump = 'major' | 'minor' | 'patch' | 'none';

const LEVEL_RANK: Record<Level, number> = { 'docs-only': 1, additive: 2, breaking: 3 };
const BUMP_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxLevel(levels: Iterable<Level>): Level | undefined {
  let best: Level | undefined;
  for (const l of levels) if (!best || LEVEL_RANK[l] > LEVEL_RANK[best]) best = l;
  return best;
}

export function maxBump(bumps: Iterable<Bump>): Bump {
  let best: Bump = 'none';
  for (const b of bumps) if (BUMP_RANK[b] > BUMP_RANK[best]) best = b;
  return best;
}

export function bumpCovers(have: Bump, need: Bump): boolean {
  return BUMP_RANK[have] >= BUMP_RANK[need];
}

/** The bump a change of `level` needs for a package currently at `version`. */
export function requiredBump(level: Level | undefined, version: string): Bump {
  if (!level) return 'none';
  const major = Number.parseInt(version.split('.')[0] ?? '0', 10);
  if (major === 0) return level === 'breaking' ? 'minor' : 'patch';
  return level === 'breaking' ? 'major' : level === 'additive' ? 'minor' : 'patch';
}
