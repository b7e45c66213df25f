/**
 * The README embeds every file of `examples/snippets/` (type-checked by tsconfig.json) after a marker:
 *
 *     <!-- snippet: examples/snippets/login.ts -->
 *     ```ts
 *     …the file's content…
 *     ```
 *
 * `pnpm readme` (node test/support/readme-snippets.ts) rewrites the fenced blocks from the files;
 * `--check` (part of `pnpm lint`) and `test/readme.test.ts` fail when they disagree.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const packageRoot = join(import.meta.dirname, '../..');
const MARKER = /<!-- snippet: (examples\/snippets\/[\w.-]+\.ts) -->\n```ts\n([\s\S]*?)```\n/g;

export interface EmbeddedSnippet {
  file: string;
  embedded: string;
}

/** Every snippet embedded in the README, in order. */
export function embeddedSnippets(readme: string): EmbeddedSnippet[] {
  return [...readme.matchAll(MARKER)].map((m) => ({ file: m[1]!, embedded: m[2]! }));
}

/** Every file of `examples/snippets/`, as `examples/snippets/<name>.ts`. */
export function snippetFiles(): string[] {
  return readdirSync(join(packageRoot, 'examples', 'snippets'))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => `examples/snippets/${f}`);
}

/** The README with every embedded block replaced by its file's content. */
export function syncReadme(readme: string): string {
  return readme.replace(MARKER, (_, file: string) => {
    const content = readFileSync(join(packageRoot, file), 'utf8');
    return `<!-- snippet: ${file} -->\n\`\`\`ts\n${content.endsWith('\n') ? content : `${content}\n`}\`\`\`\n`;
  });
}

if (import.meta.main) {
  const path = join(packageRoot, 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = syncReadme(before);
  const embedded = new Set(embeddedSnippets(before).map((s) => s.file));
  const missing = snippetFiles().filter((f) => !embedded.has(f));
  if (process.argv.includes('--check')) {
    if (after !== before || missing.length) {
      console.error(
        `README.md and examples/snippets disagree${missing.length ? ` (not embedded: ${missing.join(', ')})` : ''}. Fix: pnpm --filter @sdkforge/tiktrue readme`,
      );
      process.exit(1);
    }
  } else {
    if (after !== before) writeFileSync(path, after);
    console.log(after === before ? 'README snippets already up to date' : 'README snippets updated');
    if (missing.length) console.log(`not embedded yet (add a marker): ${missing.join(', ')}`);
  }
}
