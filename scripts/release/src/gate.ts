/**
 * The changeset gate: a package whose spec differs from its last release needs a pending changeset with
 * at least the bump the diff implies (levels.ts states the 0.x convention). Also the report printed by
 * `scripts/run spec-diff` and the changeset drafted by `scripts/run changeset:spec`.
 */
import { type Bump, bumpCovers, requiredBump } from './levels.ts';
import { type PendingChangeset, pendingBump } from './release-state.ts';
import type { SpecDiff } from './spec-diff.ts';

export interface PackageVerdict {
  name: string;
  api: string;
  version: string;
  diff: SpecDiff;
  need: Bump;
  have: Bump;
  changesetFiles: string[];
  ok: boolean;
}

export function judge(
  pkg: { name: string; api: string; version: string },
  diff: SpecDiff,
  changesets: PendingChangeset[],
): PackageVerdict {
  const need = requiredBump(diff.level, pkg.version);
  const { bump: have, files } = pendingBump(changesets, pkg.name);
  return { ...pkg, diff, need, have, changesetFiles: files, ok: bumpCovers(have, need) };
}

const LIST_LIMIT = 40;

function idList(ids: string[]): string {
  const shown = ids.slice(0, LIST_LIMIT).map((id) => `\`${id}\``);
  return ids.length > LIST_LIMIT
    ? `${shown.join(', ')} and ${ids.length - LIST_LIMIT} more`
    : shown.join(', ');
}

/** The human summary of one package's diff (the body of `scripts/run spec-diff`). */
export function formatDiff(diff: SpecDiff, indent = '  ', detail = 3): string[] {
  const lines: string[] = [];
  if (!diff.level) return [`${indent}no change since the release`];
  const head = (label: string, n: number) => `${indent}${label} (${n}):`;
  if (detail === 0) {
    // one line per kind (the gate's log)
    if (diff.added.length)
      lines.push(
        `${head('operations added', diff.added.length)} ${diff.added.map((o) => o.operationId).join(', ')}`,
      );
    if (diff.removed.length)
      lines.push(
        `${head('operations removed', diff.removed.length)} ${diff.removed.map((o) => o.operationId).join(', ')}`,
      );
    if (diff.changed.length)
      lines.push(
        `${head('operations changed', diff.changed.length)} ${diff.changed.map((o) => `${o.operationId} [${o.level}]`).join(', ')}`,
      );
  } else {
    if (diff.added.length)
      lines.push(
        head('operations added', diff.added.length),
        ...diff.added.map((o) => `${indent}  + ${o.operationId}  ${o.method} ${o.path}`),
      );
    if (diff.removed.length)
      lines.push(
        head('operations removed', diff.removed.length),
        ...diff.removed.map((o) => `${indent}  - ${o.operationId}  ${o.method} ${o.path}`),
      );
    if (diff.changed.length) {
      lines.push(head('operations changed', diff.changed.length));
      for (const o of diff.changed) {
        lines.push(`${indent}  ~ ${o.operationId}  [${o.level}]`);
        const worst = [...o.changes].sort((a, b) => rank(b.level) - rank(a.level));
        for (const c of worst.slice(0, detail)) lines.push(`${indent}      ${c.level}: ${c.description}`);
        if (worst.length > detail) lines.push(`${indent}      … ${worst.length - detail} more`);
      }
    }
  }
  const m = diff.models;
  if (m.added.length) lines.push(`${indent}models added (${m.added.length}): ${m.added.join(', ')}`);
  if (m.removed.length) lines.push(`${indent}models removed (${m.removed.length}): ${m.removed.join(', ')}`);
  for (const c of m.changed)
    lines.push(`${indent}model changed: ${c.name} [${c.level}] ${c.changes[0]!.description}`);
  for (const level of ['breaking', 'additive', 'docs-only']) {
    const of = diff.document.filter((c) => c.level === level);
    const shown = Math.max(detail, 3);
    for (const c of of.slice(0, shown)) lines.push(`${indent}document: ${level}: ${c.description}`);
    if (of.length > shown) lines.push(`${indent}document: ${level}: … ${of.length - shown} more`);
  }
  return lines;
}

function rank(l: string): number {
  return l === 'breaking' ? 3 : l === 'additive' ? 2 : 1;
}

export function formatVerdict(v: PackageVerdict, releasedFrom: string, detail = 3): string[] {
  const lines = [`${v.name} ${v.version} — released spec: ${releasedFrom}`];
  const level = v.diff.level ?? 'no change';
  const pending = v.changesetFiles.length ? `${v.have} (${v.changesetFiles.join(', ')})` : 'none';
  lines.push(
    `  spec diff: ${level}; needs ${v.need === 'none' ? 'no changeset' : `a ${v.need} changeset`}; pending: ${pending}  ${v.ok ? '✓' : '✗'}`,
  );
  lines.push(...formatDiff(v.diff, '  ', detail));
  return lines;
}

/** The changeset a package needs, listing the operations. */
export function draftChangeset(
  v: Pick<PackageVerdict, 'name' | 'api' | 'version' | 'diff' | 'need'>,
): string {
  const d = v.diff;
  const bump = v.need === 'none' ? 'patch' : v.need;
  const why =
    d.level === 'breaking'
      ? `breaking for SDK users${v.version.startsWith('0.') ? ', so a minor bump while 0.x' : ''}`
      : d.level === 'additive'
        ? 'additive'
        : 'documentation only';
  const body: string[] = [`The ${v.api} spec changed since ${v.version} (${why}).`, ''];
  if (d.added.length) body.push(`- Added operations: ${idList(d.added.map((o) => o.operationId))}.`);
  if (d.removed.length) body.push(`- Removed operations: ${idList(d.removed.map((o) => o.operationId))}.`);
  const byLevel = (level: string) => d.changed.filter((o) => o.level === level).map((o) => o.operationId);
  for (const level of ['breaking', 'additive', 'docs-only']) {
    const ids = byLevel(level);
    if (ids.length) body.push(`- Changed operations (${level}): ${idList(ids)}.`);
  }
  for (const o of d.changed.filter((c) => c.level === 'breaking').slice(0, 15)) {
    const c = o.changes.find((x) => x.level === 'breaking')!;
    body.push(`  - \`${o.operationId}\`: ${c.description}`);
  }
  if (d.models.added.length) body.push(`- Added models: ${idList(d.models.added)}.`);
  if (d.models.removed.length) body.push(`- Removed models: ${idList(d.models.removed)}.`);
  for (const c of d.document.filter((x) => x.level !== 'docs-only')) body.push(`- ${c.description}`);
  return `---\n"${v.name}": ${bump}\n---\n\n${body.join('\n')}\n`;
}
