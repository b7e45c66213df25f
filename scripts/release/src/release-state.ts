/**
 * What was released, and what is pending.
 *
 * The released spec of a package is the spec **as of the commit that set the package's current version**
 * in its package.json (the changesets "version packages" commit, or the package's first commit before any
 * release). No snapshot is kept: git already holds it, and it cannot drift from what was published. It
 * needs the full history (`fetch-depth: 0` in GitHub Actions); a shallow clone that does not reach the
 * version change is deepened from its origin, and when that fails we stop with an error rather than guess.
 *
 * Pending changesets are the `.changeset/*.md` files other than README.md (front matter: package → bump).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Bump, maxBump } from './levels.ts';

export interface SpecPackage {
  /** the directory name under specs/ and packages/ */
  api: string;
  name: string;
  version: string;
  packageJson: string; // repo-relative
  spec: string; // repo-relative
}

/** Every published package generated from a spec: specs/<api>/openapi.yaml ↔ packages/<api>. */
export function specPackages(root: string): SpecPackage[] {
  const out: SpecPackage[] = [];
  const specsDir = join(root, 'specs');
  for (const api of readdirSync(specsDir).sort()) {
    const spec = `specs/${api}/openapi.yaml`;
    const packageJson = `packages/${api}/package.json`;
    if (!existsSync(join(root, spec)) || !existsSync(join(root, packageJson))) continue;
    const pkg = JSON.parse(readFileSync(join(root, packageJson), 'utf8')) as {
      name: string;
      version: string;
      private?: boolean;
    };
    if (pkg.private) continue;
    out.push({ api, name: pkg.name, version: pkg.version, packageJson, spec });
  }
  return out;
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function gitShow(root: string, commit: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${commit}:${path}`], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

export interface Release {
  version: string;
  /** the commit that set `version`; undefined when only the working tree has it (not committed yet) */
  commit: string | undefined;
  date: string | undefined;
  /** the spec text at that commit; undefined when the package had no spec then (first release) */
  specText: string | undefined;
}

/**
 * The commit that set the package's current version, and the spec at that commit. A shallow clone that
 * does not reach it is deepened once (`git fetch --unshallow` from its origin) before we give up.
 */
export function lastRelease(root: string, pkg: SpecPackage): Release {
  try {
    return findRelease(root, pkg);
  } catch (error) {
    if (!(error instanceof ShallowHistoryError)) throw error;
    try {
      execFileSync('git', ['fetch', '--quiet', '--unshallow'], { cwd: root, stdio: 'ignore' });
    } catch {
      throw error;
    }
    return findRelease(root, pkg);
  }
}

class ShallowHistoryError extends Error {}

function findRelease(root: string, pkg: SpecPackage): Release {
  const versionAt = (commit: string) => {
    const text = gitShow(root, commit, pkg.packageJson);
    try {
      return text === undefined ? undefined : (JSON.parse(text) as { version?: string }).version;
    } catch {
      return undefined;
    }
  };
  const commits = git(root, ['log', '--format=%H %cs', '--', pkg.packageJson])
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ') as [string, string]);
  let setter: [string, string] | undefined;
  let reachedChange = false;
  for (const c of commits) {
    if (versionAt(c[0]) !== pkg.version) {
      reachedChange = true;
      break;
    }
    setter = c;
  }
  if (!setter) {
    // the version is only in the working tree: it is being released right now; nothing to compare
    return { version: pkg.version, commit: undefined, date: undefined, specText: readSpec(root, pkg) };
  }
  if (!reachedChange) {
    // the oldest commit we can see still has this version: either it created the package, or the
    // history is cut short
    const shallow = git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
    if (shallow)
      throw new ShallowHistoryError(
        `${pkg.name}: this clone is shallow and does not reach the commit that set version ${pkg.version}; ` +
          'fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)',
      );
  }
  return {
    version: pkg.version,
    commit: setter[0],
    date: setter[1],
    specText: gitShow(root, setter[0], pkg.spec),
  };
}

export function readSpec(root: string, pkg: SpecPackage): string {
  return readFileSync(join(root, pkg.spec), 'utf8');
}

export interface PendingChangeset {
  file: string;
  releases: Map<string, Bump>;
  summary: string;
}

/** Pending changesets of a `.changeset` directory. */
export function pendingChangesets(changesetDir: string): PendingChangeset[] {
  if (!existsSync(changesetDir)) return [];
  const out: PendingChangeset[] = [];
  for (const file of readdirSync(changesetDir).sort()) {
    if (!file.endsWith('.md') || file === 'README.md') continue;
    const text = readFileSync(join(changesetDir, file), 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!m) continue;
    const front = (parse(m[1]!) ?? {}) as Record<string, unknown>;
    const releases = new Map<string, Bump>();
    for (const [name, bump] of Object.entries(front))
      if (bump === 'major' || bump === 'minor' || bump === 'patch' || bump === 'none')
        releases.set(name, bump);
    out.push({ file, releases, summary: m[2]!.trim() });
  }
  return out;
}

/** The highest bump the pending changesets give a package. */
export function pendingBump(changesets: PendingChangeset[], name: string): { bump: Bump; files: string[] } {
  const files = changesets.filter((c) => c.releases.has(name));
  return { bump: maxBump(files.map((c) => c.releases.get(name)!)), files: files.map((c) => c.file) };
}
