/**
 * A package README embeds type-checked snippet files (its tsconfig includes them) after a marker:
 *
 *     <!-- snippet: examples/snippets/login.ts -->
 *     ```ts
 *     …the file's content…
 *     ```
 *
 * `scripts/run readme` rewrites every embedded block from its file; `--check` (part of `pnpm lint`)
 * fails when a README and its files disagree or a snippet file is not embedded. Package tests use the
 * same functions.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const MARKER = /<!-- snippet: ([\w./-]+\.ts) -->\n```ts\n([\s\S]*?)```\n/g;

export interface EmbeddedSnippet {
  /** Path of the snippet file, relative to the package. */
  file: string;
  /** What the README shows for it. */
  embedded: string;
}

/** Every snippet embedded in a README, in order. */
export function embeddedSnippets(readme: string): EmbeddedSnippet[] {
  return [...readme.matchAll(MARKER)].map((m) => ({ file: m[1]!, embedded: m[2]! }));
}

/** Every `.ts` file of a package's snippet folder, as `<dir>/<name>.ts`. */
export function snippetFiles(packageRoot: string, dir: string): string[] {
  return readdirSync(join(packageRoot, dir))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** The README with every embedded block replaced by its file's content. */
export function syncReadme(packageRoot: string, readme: string): string {
  return readme.replace(MARKER, (_, file: string) => {
    const content = readFileSync(join(packageRoot, file), 'utf8');
    return `<!-- snippet: ${file} -->\n\`\`\`ts\n${content.endsWith('\n') ? content : `${content}\n`}\`\`\`\n`;
  });
}

/** What is wrong between a package's README and its snippet files (nothing: `[]`). */
export function readmeProblems(packageRoot: string): string[] {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const embedded = embeddedSnippets(readme);
  const problems: string[] = [];
  for (const { file, embedded: shown } of embedded) {
    if (!existsSync(join(packageRoot, file))) problems.push(`${file}: embedded but missing`);
    else if (shown !== readFileSync(join(packageRoot, file), 'utf8'))
      problems.push(`${file}: README differs`);
  }
  const dirs = new Set(embedded.map((s) => dirname(s.file)));
  const shownFiles = new Set(embedded.map((s) => s.file));
  for (const dir of dirs) {
    for (const file of snippetFiles(packageRoot, dir))
      if (!shownFiles.has(file)) problems.push(`${file}: not embedded`);
  }
  return problems;
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  const check = process.argv.includes('--check');
  let failed = false;
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const pkg = join(root, 'packages', name);
    const path = join(pkg, 'README.md');
    if (!existsSync(path)) continue;
    const before = readFileSync(path, 'utf8');
    if (!embeddedSnippets(before).length) continue;
    const label = relative(root, path);
    if (check) {
      const problems = readmeProblems(pkg);
      if (problems.length) {
        failed = true;
        console.error(`${label}:\n  ${problems.join('\n  ')}`);
      }
    } else {
      const after = syncReadme(pkg, before);
      if (after !== before) writeFileSync(path, after);
      console.log(`${label}: ${after === before ? 'up to date' : 'updated'}`);
    }
  }
  if (failed) {
    console.error('Fix: scripts/run readme  (rewrites README blocks from the snippet files)');
    process.exit(1);
  }
}
